// Shrinks a scenario on which the engines disagree to a small one on which they still disagree the
// same way, by dropping one piece at a time (a policy, a statement, a condition, a list value, a
// context key) while the disagreement stays. The request itself is kept. fast-check's own
// shrinking cannot see inside the generated JSON documents, and a minimal case is what makes a
// disagreement readable.
import type { Scenario } from './translate.js';

type Json = unknown;

/** Every value that is `value` with exactly one part removed, deepest parts included. */
function removals(value: Json): Json[] {
  if (Array.isArray(value)) {
    const list: readonly Json[] = value;
    const out: Json[] = [];
    list.forEach((_, i) => out.push(list.filter((__, j) => j !== i)));
    list.forEach((item, i) => {
      for (const smaller of removals(item)) out.push(list.map((x, j) => (j === i ? smaller : x)));
    });
    return out;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    const out: Json[] = [];
    // A document keeps its Version: without one IAM reads 2008-10-17, where variables are literal.
    for (const [key] of entries) {
      if (key !== 'Version') out.push(Object.fromEntries(entries.filter(([k]) => k !== key)));
    }
    for (const [key, item] of entries) {
      for (const smaller of removals(item)) out.push({ ...value, [key]: smaller });
    }
    return out;
  }
  return [];
}

/** The parts of a scenario that may shrink; the request itself (caller, action, resource) stays. */
type Shrinkable = Omit<Scenario, 'principal' | 'action' | 'resource' | 'resourceAccount'>;

function split(scenario: Scenario): { fixed: Omit<Scenario, keyof Shrinkable>; rest: Shrinkable } {
  const { principal, action, resource, resourceAccount, ...rest } = scenario;
  return { fixed: { principal, action, resource, resourceAccount }, rest };
}

/** No empty list or object inside a document: an empty Condition value is another case. */
function noEmptyParts(value: Json): boolean {
  if (Array.isArray(value)) return value.length > 0 && value.every(noEmptyParts);
  if (value !== null && typeof value === 'object') {
    const items = Object.values(value);
    return items.length > 0 && items.every(noEmptyParts);
  }
  return true;
}

/** Each statement keeps its Effect and Action (or NotAction): without them it is no statement. */
function wellFormed(rest: Shrinkable): boolean {
  const docs = [
    ...rest.identityPolicies,
    rest.permissionsBoundary,
    rest.sessionPolicy,
    rest.resourcePolicy,
    ...(rest.scps ?? []).flat(),
    ...(rest.rcps ?? []).flat(),
  ];
  return docs.every(
    (doc) =>
      doc === undefined ||
      (noEmptyParts(doc) &&
        Array.isArray(doc.Statement) &&
        doc.Statement.every(
          (s: unknown) =>
            typeof s === 'object' &&
            s !== null &&
            'Effect' in s &&
            ('Action' in s || 'NotAction' in s),
        )),
  );
}

/** The smallest scenario found, by greedy removal, for which `stillFails` holds. */
export async function minimize(
  scenario: Scenario,
  stillFails: (candidate: Scenario) => Promise<boolean>,
): Promise<Scenario> {
  const { fixed } = split(scenario);
  let current = scenario;
  for (let progress = true; progress;) {
    progress = false;
    for (const candidate of removals(split(current).rest) as Shrinkable[]) {
      if (!Array.isArray(candidate.identityPolicies) || typeof candidate.context !== 'object')
        continue;
      if (!wellFormed(candidate)) continue;
      const next = { ...fixed, ...candidate };
      if (await stillFails(next)) {
        current = next;
        progress = true;
        break;
      }
    }
  }
  return current;
}
