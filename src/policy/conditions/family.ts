// What every condition operator family provides; the set logic (missing keys, IfExists,
// ForAllValues/ForAnyValue, negation) lives in ../conditions.ts and is the same for all of them.

/**
 * How the policy values of a family take policy variables (reference_policies_variables, "Where
 * you can use policy variables"): string and ARN operators take them, the wildcard ones as globs;
 * Bool takes them (reference_policies_elements_condition_operators, "Boolean condition
 * operators"); Numeric, Date, Binary, IP address and Null operators do not ("You can't use a
 * policy variable with other operators"), so their values are read literally.
 */
export type PolicyValueForm = 'glob' | 'text' | 'literal';

/**
 * One operator family, e.g. the numeric comparisons, with `R` the request value it reads and `P`
 * a policy value as it reads it. Methods, not function properties, so that a table can hold
 * families of different `R` and `P` side by side.
 */
export interface OperatorFamily<R, P> {
  readonly policyValues: PolicyValueForm;
  /**
   * Reads a request value, or undefined when it is not of the family's type (a number, a date,
   * an IP address, ...). Such a value matches nothing, under the negated operators as well.
   */
  readRequest(value: string): R | undefined;
  /**
   * Reads a policy value (after variable substitution): once per condition for values without
   * variables, as the evaluator meets the same policies on every request. A value that is not of
   * the family's type reads as something `matches` never accepts.
   */
  readPolicy(value: string): P;
  /** Whether a request value matches one policy value. */
  matches(policy: P, request: R): boolean;
}
