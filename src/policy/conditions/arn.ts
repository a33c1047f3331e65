// ARN condition operators (reference_policies_elements_condition_operators, "Amazon Resource Name
// (ARN) condition operators"): "Case-sensitive matching of the ARN. Each of the six colon-delimited
// components of the ARN is checked separately and each can include multi-character match
// wildcards (*) or single-character match wildcards (?). The ArnEquals and ArnLike condition
// operators behave identically." So a `*` cannot reach across a colon, unlike in StringLike: the
// same segment matching as the Resource element (arnGlobMatch).
import { arnGlobMatch } from '../match.js';
import type { OperatorFamily } from './family.js';

export const arnLike: OperatorFamily<string, string> = {
  policyValues: 'glob',
  readRequest: (value) => value,
  readPolicy: (glob) => glob,
  matches: arnGlobMatch,
};
