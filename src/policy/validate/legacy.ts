// The first part of IAM's "legacy parsing" (`The policy failed legacy parsing`), statement by
// statement: Effect must be spelled exactly `Allow` or `Deny` (the grammar check ignored case), and
// every value of a Date... condition must read as a date. Ported from moto's
// _legacy_parse_statement and _legacy_parse_condition (getmoto/moto,
// moto/iam/policy_validation.py, Apache License 2.0). Resources are parsed in resource-format.ts.
import type { JsonNode } from './json-document.js';
import { isLegacyDateValue } from './legacy-date.js';
import { childPath, findItem, problemAt, type Problem } from './problem.js';
import type { StatementRef } from './syntax.js';

export const LEGACY_PARSING_ERROR = 'The policy failed legacy parsing';

const SET_QUALIFIERS = ['ForAnyValue:', 'ForAllValues:'];

/** An operator without its set qualifier and IfExists suffix, as moto's _strip_condition_key. */
function baseOperator(operator: string): string {
  const qualifier = SET_QUALIFIERS.find((prefix) => operator.startsWith(prefix));
  const unqualified = qualifier ? operator.slice(qualifier.length) : operator;
  return unqualified.endsWith('IfExists') ? unqualified.slice(0, -'IfExists'.length) : unqualified;
}

/** Whether an operator is one of the Date... operators, qualified or not. */
function isDateOperator(operator: string): boolean {
  // Most operators are not, and say so without a stripped copy: no Date in their name at all.
  return operator.includes('Date') && baseOperator(operator).startsWith('Date');
}

/** The JSON text of a condition value: strings as they are, numbers and booleans as written. */
export function conditionValueText(node: JsonNode): string {
  switch (node.type) {
    case 'string':
      return node.value;
    case 'number':
      return node.text;
    case 'boolean':
      return String(node.value);
    default:
      return '';
  }
}

export function legacyStatementProblem({ node, path }: StatementRef): Problem | undefined {
  const effect = node.members.get('Effect')?.value;
  if (effect?.type === 'string' && effect.value !== 'Allow' && effect.value !== 'Deny') {
    return problemAt(LEGACY_PARSING_ERROR, childPath(path, 'Effect'), effect);
  }
  const condition = node.members.get('Condition')?.value;
  if (condition?.type !== 'object') return undefined;
  for (const { key: operator, value: entries } of condition.members.values()) {
    if (!isDateOperator(operator) || entries.type !== 'object') continue;
    for (const { key, value } of entries.members.values()) {
      const valuePath = () => childPath(childPath(childPath(path, 'Condition'), operator), key);
      const bad = findItem(
        value,
        valuePath,
        (item) => !isLegacyDateValue(conditionValueText(item)),
      );
      if (bad) return problemAt(LEGACY_PARSING_ERROR, bad.path, bad.node);
    }
  }
  return undefined;
}
