// BinaryEquals (reference_policies_elements_condition_operators, "Binary condition operators"): "It
// compares the value of the specified key byte for byte against a base-64 encoded representation
// of the binary value in the policy." Request values arrive base64-encoded too, so both sides are
// decoded and their bytes compared: `QQ==` and `QQ` (the same byte, padding left out) are equal.
import type { OperatorFamily } from './family.js';
import { memoize } from '../memo.js';

/** The bytes a base64 text encodes, as a binary string; undefined when it is not base64. */
const decodeBase64 = memoize((text: string): string | undefined => {
  try {
    return atob(text);
  } catch {
    return undefined;
  }
});

export const binaryEquals: OperatorFamily<string, string | undefined> = {
  policyValues: 'literal',
  readRequest: decodeBase64,
  readPolicy: decodeBase64,
  matches: (policy, request) => policy === request,
};
