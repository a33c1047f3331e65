// String condition operators (reference_policies_elements_condition_operators, "String condition
// operators"): StringEquals is "Exact matching, case sensitive", StringEqualsIgnoreCase "Exact
// matching, ignoring case", StringLike "Case-sensitive matching" where "The values can include
// multi-character match wildcards (*) and single-character match wildcards (?) anywhere in the
// string". The Not... operators negate these (../conditions.ts).
import { globRegExp } from '../wildcard.js';
import type { OperatorFamily } from './family.js';

function asWritten(value: string): string {
  return value;
}

function lowerCased(value: string): string {
  return value.toLowerCase();
}

function equal(policy: string, request: string): boolean {
  return policy === request;
}

export const stringEquals: OperatorFamily<string, string> = {
  policyValues: 'text',
  readRequest: asWritten,
  readPolicy: asWritten,
  matches: equal,
};

// Both sides lower-cased as they are read, so a request value is not lower-cased once per policy
// value.
export const stringEqualsIgnoreCase: OperatorFamily<string, string> = {
  policyValues: 'text',
  readRequest: lowerCased,
  readPolicy: lowerCased,
  matches: equal,
};

export const stringLike: OperatorFamily<string, RegExp> = {
  policyValues: 'glob',
  readRequest: asWritten,
  readPolicy: (glob) => globRegExp(glob, false),
  matches: (pattern, request) => pattern.test(request),
};
