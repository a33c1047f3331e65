// Numeric condition operators (reference_policies_elements_condition_operators, "Numeric condition
// operators"): compare "a key to an integer or decimal value". A request or policy value that is
// not a number matches nothing.
import type { OperatorFamily } from './family.js';

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** An integer or decimal such as `10`, `-3`, `0.25`; undefined for anything else. */
function parseNumber(text: string): number | undefined {
  return DECIMAL.test(text) ? Number(text) : undefined;
}

/** A numeric operator from its comparison, e.g. `(request, policy) => request < policy`. */
function numeric(
  compare: (request: number, policy: number) => boolean,
): OperatorFamily<number, number | undefined> {
  return {
    policyValues: 'literal',
    readRequest: parseNumber,
    readPolicy: parseNumber,
    matches: (policy, request) => policy !== undefined && compare(request, policy),
  };
}

export const numericEquals = numeric((request, policy) => request === policy);
export const numericLessThan = numeric((request, policy) => request < policy);
export const numericLessThanEquals = numeric((request, policy) => request <= policy);
export const numericGreaterThan = numeric((request, policy) => request > policy);
export const numericGreaterThanEquals = numeric((request, policy) => request >= policy);
