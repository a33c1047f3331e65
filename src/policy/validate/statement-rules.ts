// The statement checks IAM makes after legacy parsing, each over all statements in order: unique
// Sids, an Action or NotAction, a Resource or NotResource, and action names with a vendor prefix.
// Ported from moto's _validate_sid_uniqueness, _validate_action_like_exist,
// _validate_resource_exist and _validate_action_prefix (getmoto/moto,
// moto/iam/policy_validation.py, Apache License 2.0).
import type { JsonNode } from './json-document.js';
import { childPath, itemPath, listItems, problemAt, type Problem } from './problem.js';
import type { StatementRef } from './syntax.js';

/** The first problem any statement has, statements taken in order. */
export function firstProblem(
  statements: readonly StatementRef[],
  check: (statement: StatementRef) => Problem | undefined,
): Problem | undefined {
  for (const statement of statements) {
    const problem = check(statement);
    if (problem) return problem;
  }
  return undefined;
}

/** An empty Sid does not count: several statements may have `"Sid": ""`. */
export function duplicateSid(statements: readonly StatementRef[]): Problem | undefined {
  const seen = new Set<string>();
  return firstProblem(statements, ({ node, path }) => {
    const sid = node.members.get('Sid')?.value;
    if (sid?.type !== 'string' || sid.value === '') return undefined;
    if (seen.has(sid.value)) {
      return problemAt(
        'Statement IDs (SID) in a single policy must be unique.',
        childPath(path, 'Sid'),
        sid,
      );
    }
    seen.add(sid.value);
    return undefined;
  });
}

/** A statement without the element (or its Not... twin), or with an empty list for it. */
function missing(key: string, message: string) {
  return ({ node, path }: StatementRef): Problem | undefined => {
    const notKey = `Not${key}`;
    const element = node.members.get(key) ?? node.members.get(notKey);
    if (element === undefined) return problemAt(message, path, node);
    const value = element.value;
    const elementPath = childPath(path, node.members.has(key) ? key : notKey);
    return value.type === 'array' && value.items.length === 0
      ? problemAt(message, elementPath, value)
      : undefined;
  };
}

export const missingActions = missing('Action', 'Policy statement must contain actions.');
export const missingResources = missing('Resource', 'Policy statement must contain resources.');

const BAD_VENDOR_CHARACTER = /[^a-zA-Z0-9\-.]/;

/** IAM's message for an action without a proper `vendor:` prefix, if it lacks one. */
function actionPrefixError(action: string): string | undefined {
  // Read with indexOf, not split: every action of a policy comes through here.
  const colon = action.indexOf(':');
  if (colon < 0) {
    return action === '*'
      ? undefined
      : 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.';
  }
  if (action.includes(':', colon + 1)) return 'Actions/Condition can contain only one colon.';
  const vendor = action.slice(0, colon);
  if (vendor !== '*' && BAD_VENDOR_CHARACTER.test(vendor)) return `Vendor ${vendor} is not valid`;
  return undefined;
}

function actionItemError(item: JsonNode): string | undefined {
  return item.type === 'string' ? actionPrefixError(item.value) : undefined;
}

/** The first value of a statement's Action (or NotAction) with a bad prefix, as a problem. */
function badPrefixIn({ node, path }: StatementRef, key: string): Problem | undefined {
  const element = node.members.get(key)?.value;
  if (element === undefined) return undefined;
  const items = listItems(element);
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    const message = item && actionItemError(item);
    if (message !== undefined) {
      return problemAt(message, itemPath(childPath(path, key), element, index), item);
    }
  }
  return undefined;
}

/** Action values of every statement first, then NotAction values, as IAM scans them. */
export function badActionPrefix(statements: readonly StatementRef[]): Problem | undefined {
  for (const key of ['Action', 'NotAction']) {
    for (const statement of statements) {
      const problem = badPrefixIn(statement, key);
      if (problem) return problem;
    }
  }
  return undefined;
}
