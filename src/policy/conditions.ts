// The Condition element: one operator-key entry at a time, and a whole block. What a family of
// operators compares lives in conditions/; the rules shared by all of them live here:
//
// - Missing keys (reference_policies_elements_condition_operators, "Important"): "If the key that
//   you specify in a policy condition is not present in the request context, the values do not
//   match and the condition is false. If the policy condition requires that the key is not
//   matched, such as StringNotLike or ArnNotLike, and the right key is not present, the condition
//   is true." With ...IfExists a missing key makes the condition true, for every operator.
// - Several values for one key (reference_policies_condition-logic-multiple-context-keys-or-values):
//   "evaluated using a logical OR", and for "a single negated matching condition operator ... using
//   a logical NOR": a Not... operator holds when none of its values matches.
// - Set qualifiers (reference_policies_condition-single-vs-multi-valued-context-keys): ForAllValues
//   holds when every request value matches, and "also returns true if there are no context keys in
//   the request"; ForAnyValue holds when at least one does, and "For no matching context key or if
//   the key does not exist, the condition returns false". A request value that "resolve[s] to an
//   empty data set (for example, an empty string)" makes ForAllValues true and ForAnyValue false
//   (reference_policies_multi-value-conditions). Inside a qualifier a Not... operator is applied to
//   each request value: ForAllValues:StringNotLike holds when no request value is like a policy
//   value (reference_policies_condition_examples-multi-valued-context-keys).
// - "Multivalued context keys require a condition set operator"
//   (reference_policies_condition-single-vs-multi-valued-context-keys): an unqualified operator
//   does not match a multivalued request value, negated or not.
// - Policy values with an unresolvable variable are "effectively null. There is no equal or like
//   value", while "Inverted condition operators like StringNotEquals or StringNotLike do match
//   against a null value" (reference_policies_variables, "Policy variables with no value"): such a
//   value matches nothing, so it cannot make a positive operator true or a negated one false.
import { indexKey, type ContextIndex } from './context.js';
import type { PolicyValueForm } from './conditions/family.js';
import { nullConditionHolds } from './conditions/null.js';
import { operatorNamed, type Operator } from './conditions/operators.js';
import type { ConditionEntry, ConditionResult, ContextValue, PolicyVersion } from './types.js';
import { isVerbatim, policyGlob, substituteVariables } from './variables.js';

type CompareOperator = Extract<Operator, { kind: 'compare' }>;

/** Whether IAM knows the operator, e.g. `ForAnyValue:StringLikeIfExists` (case-sensitive). */
export function isKnownConditionOperator(operator: string): boolean {
  return operatorNamed(operator) !== undefined;
}

/**
 * The policy values in the given form, those with an unresolvable variable dropped. Returns the
 * array itself when nothing changes, which is the common case of values without variables.
 */
function resolveValues(
  values: string[],
  form: PolicyValueForm,
  context: ContextIndex,
  version: PolicyVersion,
): string[] {
  if (form === 'literal') return values;
  let resolved: string[] | undefined;
  let index = 0;
  for (const value of values) {
    const result =
      form === 'glob'
        ? policyGlob(value, context, version)
        : substituteVariables(value, context, version);
    // Copy only from the first value that changes: values without variables need no new array.
    if (result !== value) resolved ??= values.slice(0, index);
    if (resolved && result !== undefined) resolved.push(result);
    index++;
  }
  return resolved ?? values;
}

/** Whether one request value satisfies the operator: some policy value matches, or none for Not... */
function requestValueHolds(
  operator: CompareOperator,
  policyValues: readonly unknown[],
  requestValue: string,
): boolean {
  const { family } = operator;
  const request = family.readRequest(requestValue);
  if (request === undefined) return false;
  let anyMatch = false;
  for (const policyValue of policyValues) {
    if (family.matches(policyValue, request)) {
      anyMatch = true;
      break;
    }
  }
  return anyMatch !== operator.negated;
}

/** Whether the condition holds, given the policy values as the operator's family reads them. */
function compare(
  operator: CompareOperator,
  policyValues: readonly unknown[],
  requestValue: ContextValue | undefined,
): boolean {
  if (requestValue === undefined) {
    if (operator.ifExists) return true;
    if (operator.qualifier !== undefined) return operator.qualifier === 'ForAllValues';
    return operator.negated;
  }
  if (typeof requestValue === 'string') {
    if (operator.qualifier === undefined || requestValue !== '') {
      return requestValueHolds(operator, policyValues, requestValue);
    }
    // An empty string is an empty set of values to a set qualifier.
    return operator.qualifier === 'ForAllValues';
  }
  if (operator.qualifier === undefined) return false;
  // ForAllValues: no value fails; ForAnyValue: some value holds. Either way, look for the value
  // that settles it.
  const forAll = operator.qualifier === 'ForAllValues';
  for (const value of requestValue) {
    if (requestValueHolds(operator, policyValues, value) !== forAll) return !forAll;
  }
  return forAll;
}

/**
 * A condition entry read once, as the evaluator meets the same entries on every request: its
 * operator looked up, its key in the context index's form, whether its values are used as
 * written under each policy version (no variables to fill in), and if so, those values as the
 * operator's family reads them, which spares resolving and reading them on every request.
 */
interface ReadEntry {
  entry: ConditionEntry;
  operator: Operator | undefined;
  indexKey: string;
  verbatim: Readonly<Record<PolicyVersion, boolean>>;
  /** The values as written, read by the family; used where `verbatim` says so. */
  readValues: readonly unknown[];
}

function readEntry(entry: ConditionEntry): ReadEntry {
  const operator = operatorNamed(entry.operator);
  const form = operator?.kind === 'compare' ? operator.family.policyValues : 'literal';
  const verbatimIn = (version: PolicyVersion): boolean =>
    form === 'literal' ||
    entry.values.every((value) => isVerbatim(value, form === 'glob', version));
  const verbatim = {
    '2012-10-17': verbatimIn('2012-10-17'),
    '2008-10-17': verbatimIn('2008-10-17'),
  };
  const usedAsWritten = verbatim['2012-10-17'] || verbatim['2008-10-17'];
  return {
    entry,
    operator,
    indexKey: indexKey(entry.key),
    verbatim,
    readValues:
      operator?.kind === 'compare' && usedAsWritten
        ? entry.values.map((value) => operator.family.readPolicy(value))
        : [],
  };
}

// Keyed by the policy's own objects: a policy that is no longer used takes its readings with it.
const readEntries = new WeakMap<ConditionEntry, ReadEntry>();
const readBlocks = new WeakMap<readonly ConditionEntry[], readonly ReadEntry[]>();

function evaluateReadEntry(
  read: ReadEntry,
  context: ContextIndex,
  version: PolicyVersion,
): ConditionResult {
  const { entry, operator } = read;
  const requestValue = context.get(read.indexKey);
  // The values shown are the policy's after substitution. Globs are compared, but a glob is not
  // what a learner wrote: when substitution changed a value, the plain text form is shown.
  let shown = entry.values;
  let result = false;
  if (operator?.kind === 'null') {
    result = nullConditionHolds(entry.values, requestValue);
  } else if (operator) {
    let compared = read.readValues;
    if (!read.verbatim[version]) {
      const { family } = operator;
      const resolved = resolveValues(entry.values, family.policyValues, context, version);
      compared = resolved.map((value) => family.readPolicy(value));
      shown =
        family.policyValues === 'glob' && resolved !== entry.values
          ? resolveValues(entry.values, 'text', context, version)
          : resolved;
    }
    result = compare(operator, compared, requestValue);
  }
  // Unknown operators never match (never throw): the validator is the place that rejects them.
  return {
    operator: entry.operator,
    key: entry.key,
    values: shown,
    requestValue: requestValue ?? null,
    result,
  };
}

/** One operator-key entry of a Condition block, checked against the request. */
export function evaluateCondition(
  entry: ConditionEntry,
  context: ContextIndex,
  version: PolicyVersion,
): ConditionResult {
  let read = readEntries.get(entry);
  if (!read) {
    read = readEntry(entry);
    readEntries.set(entry, read);
  }
  return evaluateReadEntry(read, context, version);
}

/**
 * A whole Condition block: true when every entry holds ("If your policy statement has multiple
 * condition operators, the condition operators are evaluated using a logical AND", and so are
 * several keys under one operator: reference_policies_condition-logic-multiple-context-keys-or-values).
 * Every entry is evaluated, not only up to the first that fails: the explanation shows all of a
 * statement's conditions, so a learner sees each one that is not met, and the work is small.
 */
export function evaluateConditions(
  entries: readonly ConditionEntry[],
  context: ContextIndex,
  version: PolicyVersion,
): { result: boolean; results: ConditionResult[] } {
  let block = readBlocks.get(entries);
  if (!block) {
    block = entries.map(readEntry);
    readBlocks.set(entries, block);
  }
  const results = block.map((read) => evaluateReadEntry(read, context, version));
  let result = true;
  for (const condition of results) result &&= condition.result;
  return { result, results };
}
