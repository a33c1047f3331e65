// Bool (reference_policies_elements_condition_operators, "Boolean condition operators"): compares
// a key to "true" or "false", in any letter case. Other request values match nothing.
import type { OperatorFamily } from './family.js';

/** `true` or `false` in any letter case; undefined for any other text. */
export function parseBoolean(text: string): boolean | undefined {
  // The usual spellings first: they need no lower-cased copy.
  if (text === 'true') return true;
  if (text === 'false') return false;
  const lower = text.length === 4 || text.length === 5 ? text.toLowerCase() : '';
  return lower === 'true' ? true : lower === 'false' ? false : undefined;
}

export const bool: OperatorFamily<boolean, boolean | undefined> = {
  policyValues: 'text',
  readRequest: parseBoolean,
  readPolicy: parseBoolean,
  matches: (policy, request) => policy === request,
};
