// Request-context look-ups. Condition key names compare case-insensitively
// (reference_policies_elements_condition: "Condition key names are not case-sensitive").
import type { ContextValue } from './types.js';

/** A request context indexed by lower-cased key, built once per request. */
export type ContextIndex = ReadonlyMap<string, ContextValue>;

export function indexContext(context: Readonly<Record<string, ContextValue>>): ContextIndex {
  const index = new Map<string, ContextValue>();
  for (const [key, value] of Object.entries(context)) index.set(key.toLowerCase(), value);
  return index;
}

/** The value of a key, or undefined when the request does not carry it. */
export function lookup(index: ContextIndex, key: string): ContextValue | undefined {
  return index.get(key.toLowerCase());
}
