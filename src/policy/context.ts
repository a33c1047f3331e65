// Request-context look-ups. Condition key names compare case-insensitively
// (reference_policies_elements_condition: "Condition key names are not case-sensitive").
import { memoize } from './memo.js';
import type { ContextValue } from './types.js';

/** A request context indexed by lower-cased key, built once per request: keys are only looked up. */
export interface ContextIndex {
  get(key: string): ContextValue | undefined;
}

/**
 * A key in the index's form. Memoized: the same few key names come with every request, and a
 * remembered lower-case string spares both the copy and hashing a new string in the Map.
 */
export const indexKey: (key: string) => string = memoize((key) => key.toLowerCase());

/** The request's own context keys by their index form (a for-in loop: no entries array per request). */
export function indexContext(
  context: Readonly<Record<string, ContextValue>>,
): Map<string, ContextValue> {
  const index = new Map<string, ContextValue>();
  for (const key in context) {
    const value = context[key];
    if (value !== undefined) index.set(indexKey(key), value);
  }
  return index;
}
