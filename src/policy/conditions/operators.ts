// Every condition operator IAM knows, read once into a table so that evaluating one is a Map
// look-up, not string parsing. An operator is an optional set qualifier, a base operator and an
// optional IfExists suffix: `ForAnyValue:StringLikeIfExists`. Names are case-sensitive: CreatePolicy
// rejects `stringEquals` with MalformedPolicyDocument `Invalid Condition type : stringEquals` (as
// reported in github.com/ministryofjustice/modernisation-platform-environments/pull/8893).
import { arnLike } from './arn.js';
import { binaryEquals } from './binary.js';
import { bool } from './bool.js';
import {
  dateEquals,
  dateGreaterThan,
  dateGreaterThanEquals,
  dateLessThan,
  dateLessThanEquals,
} from './date.js';
import type { OperatorFamily } from './family.js';
import { ipAddress } from './ip.js';
import {
  numericEquals,
  numericGreaterThan,
  numericGreaterThanEquals,
  numericLessThan,
  numericLessThanEquals,
} from './numeric.js';
import { stringEquals, stringEqualsIgnoreCase, stringLike } from './strings.js';

/** A base operator: the family that compares, and whether the operator negates it. */
interface BaseOperator {
  family: OperatorFamily<unknown, unknown>;
  negated: boolean;
}

/**
 * The base operators of reference_policies_elements_condition_operators. A Not... operator is the
 * negation of its positive twin ("Negated matching"); ArnEquals and ArnLike "behave identically".
 */
const BASE_OPERATORS: Readonly<Record<string, BaseOperator>> = {
  StringEquals: { family: stringEquals, negated: false },
  StringNotEquals: { family: stringEquals, negated: true },
  StringEqualsIgnoreCase: { family: stringEqualsIgnoreCase, negated: false },
  StringNotEqualsIgnoreCase: { family: stringEqualsIgnoreCase, negated: true },
  StringLike: { family: stringLike, negated: false },
  StringNotLike: { family: stringLike, negated: true },
  NumericEquals: { family: numericEquals, negated: false },
  NumericNotEquals: { family: numericEquals, negated: true },
  NumericLessThan: { family: numericLessThan, negated: false },
  NumericLessThanEquals: { family: numericLessThanEquals, negated: false },
  NumericGreaterThan: { family: numericGreaterThan, negated: false },
  NumericGreaterThanEquals: { family: numericGreaterThanEquals, negated: false },
  DateEquals: { family: dateEquals, negated: false },
  DateNotEquals: { family: dateEquals, negated: true },
  DateLessThan: { family: dateLessThan, negated: false },
  DateLessThanEquals: { family: dateLessThanEquals, negated: false },
  DateGreaterThan: { family: dateGreaterThan, negated: false },
  DateGreaterThanEquals: { family: dateGreaterThanEquals, negated: false },
  Bool: { family: bool, negated: false },
  BinaryEquals: { family: binaryEquals, negated: false },
  IpAddress: { family: ipAddress, negated: false },
  NotIpAddress: { family: ipAddress, negated: true },
  ArnEquals: { family: arnLike, negated: false },
  ArnLike: { family: arnLike, negated: false },
  ArnNotEquals: { family: arnLike, negated: true },
  ArnNotLike: { family: arnLike, negated: true },
};

/** `ForAllValues:` / `ForAnyValue:` (reference_policies_condition-single-vs-multi-valued-context-keys). */
export type SetQualifier = 'ForAllValues' | 'ForAnyValue';

export type Operator =
  | { kind: 'null' }
  | (BaseOperator & { kind: 'compare'; qualifier?: SetQualifier; ifExists: boolean });

function buildOperatorTable(): ReadonlyMap<string, Operator> {
  // Null takes neither IfExists ("You can add IfExists to the end of any condition operator name
  // except the Null condition") nor, as it tests presence rather than values, a set qualifier.
  const table = new Map<string, Operator>([['Null', { kind: 'null' }]]);
  for (const [name, base] of Object.entries(BASE_OPERATORS)) {
    for (const qualifier of [undefined, 'ForAllValues', 'ForAnyValue'] as const) {
      for (const ifExists of [false, true]) {
        const operator: Operator = { kind: 'compare', ...base, ifExists };
        if (qualifier !== undefined) operator.qualifier = qualifier;
        const prefix = qualifier === undefined ? '' : `${qualifier}:`;
        table.set(`${prefix}${name}${ifExists ? 'IfExists' : ''}`, operator);
      }
    }
  }
  return table;
}

const OPERATORS = buildOperatorTable();

/** The operator a name denotes, or undefined when IAM knows no such operator. */
export function operatorNamed(name: string): Operator | undefined {
  return OPERATORS.get(name);
}
