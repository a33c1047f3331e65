// String condition operators (reference_policies_elements_condition_operators, "String condition
// operators"): StringEquals is "Exact matching, case sensitive", StringEqualsIgnoreCase "Exact
// matching, ignoring case", StringLike "Case-sensitive matching" where "The values can include
// multi-character match wildcards (*) and single-character match wildcards (?) anywhere in the
// string". The Not... operators negate these (../conditions.ts).
import { globMatch } from '../wildcard.js';
import type { OperatorFamily } from './family.js';

function readString(value: string): string {
  return value;
}

export const stringEquals: OperatorFamily<string> = {
  policyValues: 'text',
  readRequest: readString,
  matches: (policyValue, request) => policyValue === request,
};

export const stringEqualsIgnoreCase: OperatorFamily<string> = {
  policyValues: 'text',
  readRequest: readString,
  matches: (policyValue, request) => policyValue.toLowerCase() === request.toLowerCase(),
};

export const stringLike: OperatorFamily<string> = {
  policyValues: 'glob',
  readRequest: readString,
  matches: (glob, request) => globMatch(glob, request, false),
};
