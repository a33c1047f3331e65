// The grammar checks IAM answers with `Syntax errors in policy.`: which elements may appear where,
// and the JSON type of each. Ported from moto's IAMPolicyDocumentValidator._validate_syntax
// (getmoto/moto, moto/iam/policy_validation.py, Apache License 2.0), which reproduces IAM's
// CreatePolicy; the checks run in moto's order, so the first failing one gives the pointer.
// Additions to moto, each because the policy engine needs the element well-formed:
// - Principal / NotPrincipal must be `"*"` or an object of AWS, Service, Federated and
//   CanonicalUser lists (reference_policies_elements_principal), and not both at once.
// - Condition values may be strings, numbers or booleans, alone or in a list (moto allows only
//   strings and lists of anything; AWS's own examples write `"aws:SecureTransport": false`).
// - Condition operators are the ones the evaluator knows (isKnownConditionOperator), so nothing
//   the validator accepts is silently ignored later. As in moto, an unknown operator with an empty
//   block is accepted.
import { isKnownConditionOperator } from '../conditions.js';
import type { JsonNode, ObjectNode } from './json-document.js';
import { childPath, problemAt, problemAtKey, type Problem } from './problem.js';

export const SYNTAX_ERROR = 'Syntax errors in policy.';

const TOP_ELEMENTS = new Set(['Version', 'Id', 'Statement', 'Conditions']);
const VERSIONS = new Set(['2008-10-17', '2012-10-17']);
const STATEMENT_ELEMENTS = new Set([
  'Sid',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Condition',
]);
const EFFECTS = new Set(['allow', 'deny']); // case-insensitive here; legacy parsing is stricter
const LIST_ELEMENTS = ['Action', 'NotAction', 'Resource', 'NotResource'];
const PRINCIPAL_ELEMENTS = ['Principal', 'NotPrincipal'];
const PRINCIPAL_TYPES = new Set(['AWS', 'Service', 'Federated', 'CanonicalUser']);

/** Whether an Effect is spelled in any case: the usual spellings need no lower-cased copy. */
function isEffect(text: string): boolean {
  return text === 'Allow' || text === 'Deny' || EFFECTS.has(text.toLowerCase());
}

/** A statement that passed the grammar, with its place in the document. */
export interface StatementRef {
  node: ObjectNode;
  path: string;
  /** Position in the Statement array (0 when Statement is a single object). */
  index: number;
}

type SyntaxCheck =
  { ok: true; document: ObjectNode; statements: StatementRef[] } | { ok: false; problem: Problem };

const syntaxError = (path: string, place?: JsonNode): Problem =>
  problemAt(SYNTAX_ERROR, path, place);

/** True for a JSON value a condition may compare: string, number or boolean. */
function isConditionScalar(node: JsonNode): boolean {
  return node.type === 'string' || node.type === 'number' || node.type === 'boolean';
}

function isString(node: JsonNode): boolean {
  return node.type === 'string';
}

/**
 * Where an element that takes one value or a list of them has a value `accept` refuses: -1 for
 * the element itself when it is not a list, else the list index; undefined when none is refused.
 * It says where rather than building the problem, so that no path is made for valid documents.
 */
function refusedValue(node: JsonNode, accept: (node: JsonNode) => boolean): number | undefined {
  if (node.type !== 'array') return accept(node) ? undefined : -1;
  for (let index = 0; index < node.items.length; index++) {
    const item = node.items[index];
    if (item && !accept(item)) return index;
  }
  return undefined;
}

/** The syntax error at the value refusedValue found, in the element at `path`. */
function refusedError(node: JsonNode, path: string, index: number): Problem {
  return node.type === 'array' && index >= 0
    ? syntaxError(childPath(path, index), node.items[index])
    : syntaxError(path, node);
}

function conditionBlock(block: JsonNode, statementPath: string): Problem | undefined {
  const path = () => childPath(statementPath, 'Condition');
  if (block.type !== 'object') return syntaxError(path(), block);
  for (const operatorMember of block.members.values()) {
    const { key: operator, value: entries } = operatorMember;
    if (entries.type !== 'object') return syntaxError(childPath(path(), operator), entries);
    for (const { key, value } of entries.members.values()) {
      const refused = refusedValue(value, isConditionScalar);
      if (refused !== undefined) {
        return refusedError(value, childPath(childPath(path(), operator), key), refused);
      }
    }
    if (entries.members.size > 0 && !isKnownConditionOperator(operator)) {
      return problemAtKey(SYNTAX_ERROR, childPath(path(), operator), operatorMember);
    }
  }
  return undefined;
}

function principalElement(node: JsonNode, path: string): Problem | undefined {
  if (node.type === 'string') return node.value === '*' ? undefined : syntaxError(path, node);
  if (node.type !== 'object' || node.members.size === 0) return syntaxError(path, node);
  for (const member of node.members.values()) {
    const type = member.key;
    const typePath = childPath(path, type);
    if (!PRINCIPAL_TYPES.has(type)) return problemAtKey(SYNTAX_ERROR, typePath, member);
    const values = member.value;
    if (values.type === 'array' && values.items.length === 0) return syntaxError(typePath, values);
    const refused = refusedValue(values, isString);
    if (refused !== undefined) return refusedError(values, typePath, refused);
  }
  return undefined;
}

/** The second of two elements that exclude each other, when both are there. */
function bothPresent(statement: ObjectNode, path: string, first: string, second: string) {
  const member = statement.members.get(second);
  return member && statement.members.has(first)
    ? problemAtKey(SYNTAX_ERROR, childPath(path, second), member)
    : undefined;
}

function checkStatement(node: ObjectNode, path: string): Problem | undefined {
  for (const member of node.members.values()) {
    if (!STATEMENT_ELEMENTS.has(member.key))
      return problemAtKey(SYNTAX_ERROR, childPath(path, member.key), member);
  }
  const exclusive =
    bothPresent(node, path, 'Resource', 'NotResource') ??
    bothPresent(node, path, 'Action', 'NotAction');
  if (exclusive) return exclusive;

  const effect = node.members.get('Effect')?.value;
  if (effect === undefined) return syntaxError(path, node);
  if (effect.type !== 'string' || !isEffect(effect.value)) {
    return syntaxError(childPath(path, 'Effect'), effect);
  }
  for (const key of LIST_ELEMENTS) {
    const value = node.members.get(key)?.value;
    if (value === undefined) continue;
    const refused = refusedValue(value, isString);
    if (refused !== undefined) return refusedError(value, childPath(path, key), refused);
  }
  const condition = node.members.get('Condition');
  const conditionProblem = condition && conditionBlock(condition.value, path);
  if (conditionProblem) return conditionProblem;
  const sid = node.members.get('Sid')?.value;
  if (sid !== undefined && sid.type !== 'string') return syntaxError(childPath(path, 'Sid'), sid);

  const principals = bothPresent(node, path, 'Principal', 'NotPrincipal');
  if (principals) return principals;
  for (const key of PRINCIPAL_ELEMENTS) {
    const member = node.members.get(key);
    const problem = member && principalElement(member.value, childPath(path, key));
    if (problem) return problem;
  }
  return undefined;
}

/** Checks the document's grammar; on success, hands over its statements. */
export function checkSyntax(root: JsonNode): SyntaxCheck {
  const fail = (problem: Problem): SyntaxCheck => ({ ok: false, problem });
  if (root.type !== 'object') return fail(syntaxError('$', root));
  for (const member of root.members.values()) {
    if (!TOP_ELEMENTS.has(member.key))
      return fail(problemAtKey(SYNTAX_ERROR, childPath('$', member.key), member));
  }
  const version = root.members.get('Version')?.value;
  if (version !== undefined && !(version.type === 'string' && VERSIONS.has(version.value))) {
    return fail(syntaxError('$.Version', version));
  }
  const id = root.members.get('Id')?.value;
  if (id !== undefined && id.type !== 'string') return fail(syntaxError('$.Id', id));

  const statement = root.members.get('Statement');
  if (statement === undefined) return fail(syntaxError('$', root));
  const node = statement.value;
  if (node.type !== 'array' && node.type !== 'object')
    return fail(syntaxError('$.Statement', node));
  if (node.type === 'array' && node.items.length === 0)
    return fail(syntaxError('$.Statement', node));
  const candidates =
    node.type === 'array'
      ? node.items.map((item, index) => ({ item, path: `$.Statement[${index}]`, index }))
      : [{ item: node, path: '$.Statement', index: 0 }];
  const statements: StatementRef[] = [];
  for (const { item, path, index } of candidates) {
    if (item.type !== 'object') return fail(syntaxError(path, item));
    const problem = checkStatement(item, path);
    if (problem) return fail(problem);
    statements.push({ node: item, path, index });
  }
  return { ok: true, document: root, statements };
}
