// The Null operator (reference_policies_elements_condition_operators, "Condition operator to check
// existence of condition keys"): "use either true (the key doesn't exist — it is null) or false
// (the key exists and its value is not null)". A multivalued key with no values counts as null: the
// docs add a `"Null": {key: "false"}` check to ForAllValues exactly so that "missing context keys
// or context keys with empty values" do not evaluate to true
// (reference_policies_condition_examples-multi-valued-context-keys).
import type { ContextValue } from '../types.js';
import { parseBoolean } from './bool.js';

/** Whether a Null condition holds: one of its values says what the key's nullness is. */
export function nullConditionHolds(
  values: readonly string[],
  requestValue: ContextValue | undefined,
): boolean {
  const isNull =
    requestValue === undefined || (Array.isArray(requestValue) && requestValue.length === 0);
  return values.some((value) => parseBoolean(value) === isNull);
}
