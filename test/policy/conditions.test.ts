// The rules every condition operator shares: missing keys, ...IfExists, Null, set qualifiers,
// several values, a whole block, and what a ConditionResult reports.
import { describe, expect, it } from 'vitest';
import {
  evaluateCondition,
  evaluateConditions,
  isKnownConditionOperator,
} from '../../src/policy/conditions.js';
import { indexContext } from '../../src/policy/context.js';
import type { ContextValue, PolicyVersion } from '../../src/policy/types.js';

function holds(
  operator: string,
  key: string,
  values: string[],
  context: Record<string, ContextValue> = {},
  version: PolicyVersion = '2012-10-17',
): boolean {
  return evaluateCondition({ operator, key, values }, indexContext(context), version).result;
}

const NEGATED = [
  'StringNotEquals',
  'StringNotEqualsIgnoreCase',
  'StringNotLike',
  'NumericNotEquals',
  'DateNotEquals',
  'NotIpAddress',
  'ArnNotEquals',
  'ArnNotLike',
];
const POSITIVE = [
  'StringEquals',
  'StringEqualsIgnoreCase',
  'StringLike',
  'NumericEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'DateEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'Bool',
  'BinaryEquals',
  'IpAddress',
  'ArnEquals',
  'ArnLike',
];

describe('a key missing from the request (reference_policies_elements_condition_operators, "Important")', () => {
  it('makes every positive operator false: "the values do not match and the condition is false"', () => {
    for (const operator of POSITIVE)
      expect(holds(operator, 'test:missing', ['x']), operator).toBe(false);
  });

  it('makes every negated operator true: "the right key is not present, the condition is true"', () => {
    for (const operator of NEGATED)
      expect(holds(operator, 'test:missing', ['x']), operator).toBe(true);
  });

  it('makes every ...IfExists operator true, negated or not', () => {
    for (const operator of [...POSITIVE, ...NEGATED]) {
      expect(holds(`${operator}IfExists`, 'test:missing', ['x']), operator).toBe(true);
      expect(holds(`ForAnyValue:${operator}IfExists`, 'test:missing', ['x']), operator).toBe(true);
    }
  });

  it('still lets ...IfExists check a key that is present', () => {
    // The docs' example: StringLikeIfExists on ec2:InstanceType.
    const values = ['t1.*', 't2.*', 'm3.*'];
    expect(
      holds('StringLikeIfExists', 'ec2:InstanceType', values, { 'ec2:InstanceType': 't2.micro' }),
    ).toBe(true);
    expect(
      holds('StringLikeIfExists', 'ec2:InstanceType', values, {
        'ec2:InstanceType': 'p4d.24xlarge',
      }),
    ).toBe(false);
    // "If you are using an "Effect": "Deny" element with a negated condition operator like
    // StringNotEqualsIfExists, the request is still denied even if the tag is missing."
    expect(holds('StringNotEqualsIfExists', 'aws:PrincipalTag/team', ['red'])).toBe(true);
    expect(
      holds('StringNotEqualsIfExists', 'aws:PrincipalTag/team', ['red'], {
        'aws:PrincipalTag/team': 'red',
      }),
    ).toBe(false);
  });
});

describe('Null (reference_policies_elements_condition_operators, "Condition operator to check existence of condition keys")', () => {
  it('"true": the key must be missing; "false": it must be present', () => {
    const temporary = { 'aws:TokenIssueTime': '2024-01-01T00:00:00Z' };
    expect(holds('Null', 'aws:TokenIssueTime', ['true'])).toBe(true);
    expect(holds('Null', 'aws:TokenIssueTime', ['true'], temporary)).toBe(false);
    expect(holds('Null', 'aws:TokenIssueTime', ['false'])).toBe(false);
    expect(holds('Null', 'aws:TokenIssueTime', ['false'], temporary)).toBe(true);
    expect(holds('Null', 'aws:TokenIssueTime', ['FALSE'], temporary)).toBe(true);
  });

  it('counts a multivalued key without values as null (reference_policies_condition_examples-multi-valued-context-keys)', () => {
    expect(holds('Null', 'aws:TagKeys', ['false'], { 'aws:TagKeys': [] })).toBe(false);
    expect(holds('Null', 'aws:TagKeys', ['true'], { 'aws:TagKeys': [] })).toBe(true);
    expect(holds('Null', 'aws:TagKeys', ['false'], { 'aws:TagKeys': ['a'] })).toBe(true);
  });

  it('takes no IfExists suffix and no set qualifier', () => {
    expect(isKnownConditionOperator('NullIfExists')).toBe(false);
    expect(isKnownConditionOperator('ForAllValues:Null')).toBe(false);
  });
});

describe('several values for one key (reference_policies_condition-logic-multiple-context-keys-or-values)', () => {
  it('ORs them for positive operators', () => {
    const ctx = { 'aws:PrincipalTag/role': 'security' };
    expect(holds('StringEquals', 'aws:PrincipalTag/role', ['audit', 'security'], ctx)).toBe(true);
    expect(holds('StringEquals', 'aws:PrincipalTag/role', ['audit', 'dev'], ctx)).toBe(false);
  });

  it('NORs them for negated operators: true only when none matches', () => {
    const ctx = { 'aws:PrincipalTag/role': 'security' };
    expect(holds('StringNotEquals', 'aws:PrincipalTag/role', ['audit', 'security'], ctx)).toBe(
      false,
    );
    expect(holds('StringNotEquals', 'aws:PrincipalTag/role', ['audit', 'dev'], ctx)).toBe(true);
    expect(
      holds('NotIpAddress', 'aws:SourceIp', ['10.0.0.0/8', '192.0.2.0/24'], {
        'aws:SourceIp': '192.0.2.7',
      }),
    ).toBe(false);
  });

  it('treats an empty value list as matching nothing', () => {
    const ctx = { 'aws:username': 'alice' };
    expect(holds('StringEquals', 'aws:username', [], ctx)).toBe(false);
    expect(holds('StringNotEquals', 'aws:username', [], ctx)).toBe(true);
  });
});

describe('set qualifiers (reference_policies_condition-single-vs-multi-valued-context-keys)', () => {
  const allowed = ['environment', 'cost-center'];

  it("ForAllValues: every request value matches some policy value (the docs' table)", () => {
    const all = (tagKeys: string[]) =>
      holds('ForAllValues:StringEquals', 'aws:TagKeys', allowed, { 'aws:TagKeys': tagKeys });
    expect(all(['environment'])).toBe(true);
    expect(all(['environment', 'cost-center'])).toBe(true);
    expect(all(['environment', 'dept'])).toBe(false);
  });

  it('ForAllValues: "also returns true if there are no context keys in the request", or an empty set', () => {
    expect(holds('ForAllValues:StringEquals', 'aws:TagKeys', allowed)).toBe(true);
    expect(holds('ForAllValues:StringEquals', 'aws:TagKeys', allowed, { 'aws:TagKeys': [] })).toBe(
      true,
    );
    // "an empty data set (for example, an empty string)": reference_policies_multi-value-conditions.
    expect(holds('ForAllValues:StringEquals', 'aws:TagKeys', allowed, { 'aws:TagKeys': '' })).toBe(
      true,
    );
  });

  it("ForAllValues with a Null check: a missing key no longer matches (the docs' recommended pair)", () => {
    const entries = [
      { operator: 'ForAllValues:StringEquals', key: 'aws:TagKeys', values: allowed },
      { operator: 'Null', key: 'aws:TagKeys', values: ['false'] },
    ];
    expect(evaluateConditions(entries, indexContext({}), '2012-10-17').result).toBe(false);
    expect(
      evaluateConditions(entries, indexContext({ 'aws:TagKeys': ['environment'] }), '2012-10-17')
        .result,
    ).toBe(true);
  });

  it('ForAnyValue: at least one request value matches; false when the key is missing or empty', () => {
    const any = (tagKeys?: ContextValue) =>
      holds(
        'ForAnyValue:StringEquals',
        'aws:TagKeys',
        allowed,
        tagKeys === undefined ? {} : { 'aws:TagKeys': tagKeys },
      );
    expect(any(['environment', 'dept'])).toBe(true);
    expect(any(['dept'])).toBe(false);
    expect(any(undefined)).toBe(false);
    expect(any([])).toBe(false);
    expect(any('')).toBe(false);
  });

  it('applies a negated operator to each request value (reference_policies_condition_examples-multi-valued-context-keys)', () => {
    // The docs' table for "ForAllValues:StringNotLike": { "aws:TagKeys": "key1*" }.
    const notLike = (tagKeys?: string[]) =>
      holds(
        'ForAllValues:StringNotLike',
        'aws:TagKeys',
        ['key1*'],
        tagKeys ? { 'aws:TagKeys': tagKeys } : {},
      );
    expect(notLike(['key1:legal'])).toBe(false);
    expect(notLike(['key1:hr', 'key1:personnel'])).toBe(false);
    expect(notLike(['key2:audit'])).toBe(true);
    expect(notLike(undefined)).toBe(true);
    // ForAnyValue with a negated operator: some request value is outside the policy's values.
    expect(
      holds('ForAnyValue:StringNotEquals', 'aws:TagKeys', ['a'], { 'aws:TagKeys': ['a', 'b'] }),
    ).toBe(true);
    expect(
      holds('ForAnyValue:StringNotEquals', 'aws:TagKeys', ['a', 'b'], {
        'aws:TagKeys': ['a', 'b'],
      }),
    ).toBe(false);
  });

  it('reads a single-valued request value as a set of one', () => {
    expect(
      holds('ForAnyValue:StringLike', 'aws:PrincipalTag/team', ['r*'], {
        'aws:PrincipalTag/team': 'red',
      }),
    ).toBe(true);
    expect(
      holds('ForAllValues:StringLike', 'aws:PrincipalTag/team', ['b*'], {
        'aws:PrincipalTag/team': 'red',
      }),
    ).toBe(false);
  });

  it('does not let an unqualified operator match a multivalued request value ("Multivalued context keys require a condition set operator")', () => {
    const ctx = { 'aws:TagKeys': ['environment'] };
    expect(holds('StringEquals', 'aws:TagKeys', ['environment'], ctx)).toBe(false);
    expect(holds('StringNotEquals', 'aws:TagKeys', ['other'], ctx)).toBe(false);
    expect(holds('StringEqualsIfExists', 'aws:TagKeys', ['environment'], ctx)).toBe(false);
  });
});

describe('policy variables in condition values (reference_policies_variables, "Condition element")', () => {
  const ctx = {
    'aws:username': 'alice',
    's3:prefix': 'home/alice/photos',
    'aws:PrincipalTag/team': 'red',
  };

  it('substitutes them in string, ARN and Bool values', () => {
    expect(holds('StringLike', 's3:prefix', ['home/${aws:username}/*'], ctx)).toBe(true);
    expect(
      holds('StringLike', 's3:prefix', ['home/${aws:username}/*'], {
        ...ctx,
        'aws:username': 'bob',
      }),
    ).toBe(false);
    expect(holds('StringEquals', 'aws:PrincipalTag/team', ['${aws:PrincipalTag/team}'], ctx)).toBe(
      true,
    );
    expect(
      holds('ArnLike', 'aws:PrincipalArn', ['arn:aws:iam::*:user/${aws:username}'], {
        ...ctx,
        'aws:PrincipalArn': 'arn:aws:iam::111122223333:user/alice',
      }),
    ).toBe(true);
    expect(
      holds('Bool', 'test:flag', ['${test:expected}'], {
        'test:flag': 'true',
        'test:expected': 'TRUE',
      }),
    ).toBe(true);
  });

  it('leaves them literal for operators that take none (Numeric, Date, IP: "You can\'t use a policy variable with other operators")', () => {
    expect(
      holds('NumericEquals', 's3:max-keys', ['${test:n}'], { 's3:max-keys': '10', 'test:n': '10' }),
    ).toBe(false);
    const result = evaluateCondition(
      { operator: 'IpAddress', key: 'aws:SourceIp', values: ['${test:cidr}'] },
      indexContext({ 'aws:SourceIp': '192.0.2.1', 'test:cidr': '192.0.2.0/24' }),
      '2012-10-17',
    );
    expect(result).toMatchObject({ values: ['${test:cidr}'], result: false });
  });

  it('makes a value with an unresolvable variable match nothing, so a negated operator holds ("Policy variables with no value")', () => {
    const tagged = { 's3:ExistingObjectTag/team': 'red' };
    expect(
      holds('StringEquals', 's3:ExistingObjectTag/team', ['${aws:PrincipalTag/team}'], tagged),
    ).toBe(false);
    expect(
      holds('StringNotEquals', 's3:ExistingObjectTag/team', ['${aws:PrincipalTag/team}'], tagged),
    ).toBe(true);
    // The other values still count.
    expect(
      holds(
        'StringEquals',
        's3:ExistingObjectTag/team',
        ['${aws:PrincipalTag/team}', 'red'],
        tagged,
      ),
    ).toBe(true);
  });

  it('treats ${...} as literal text in Version 2008-10-17', () => {
    expect(
      holds(
        'StringEquals',
        'test:k',
        ['${aws:username}'],
        { ...ctx, 'test:k': '${aws:username}' },
        '2008-10-17',
      ),
    ).toBe(true);
    expect(
      holds(
        'StringEquals',
        'test:k',
        ['${aws:username}'],
        { ...ctx, 'test:k': 'alice' },
        '2008-10-17',
      ),
    ).toBe(false);
  });
});

describe('evaluateCondition reports (the explanation shows these)', () => {
  it('the operator, the key, the values after substitution and the request value', () => {
    const result = evaluateCondition(
      {
        operator: 'StringLike',
        key: 's3:prefix',
        values: ['home/${aws:username}/${*}', '${aws:nothing}/*'],
      },
      indexContext({ 'aws:username': 'alice', 's3:prefix': 'home/alice/*' }),
      '2012-10-17',
    );
    expect(result).toEqual({
      operator: 'StringLike',
      key: 's3:prefix',
      values: ['home/alice/*'],
      requestValue: 'home/alice/*',
      result: true,
    });
  });

  it('null as the request value when the request has no such key', () => {
    const result = evaluateCondition(
      { operator: 'Bool', key: 'aws:MultiFactorAuthPresent', values: ['true'] },
      indexContext({}),
      '2012-10-17',
    );
    expect(result.requestValue).toBeNull();
    expect(result.result).toBe(false);
  });

  it('finds keys case-insensitively ("Condition key names are not case-sensitive")', () => {
    const result = evaluateCondition(
      { operator: 'Bool', key: 'AWS:MULTIFACTORAUTHPRESENT', values: ['true'] },
      indexContext({ 'aws:MultiFactorAuthPresent': 'true' }),
      '2012-10-17',
    );
    expect(result).toMatchObject({ requestValue: 'true', result: true });
  });
});

describe('operator names', () => {
  it('knows every base operator with its qualifiers and IfExists', () => {
    for (const base of [...POSITIVE, ...NEGATED]) {
      for (const name of [
        base,
        `${base}IfExists`,
        `ForAllValues:${base}`,
        `ForAnyValue:${base}IfExists`,
      ]) {
        expect(isKnownConditionOperator(name), name).toBe(true);
      }
    }
    expect(isKnownConditionOperator('Null')).toBe(true);
  });

  it('is case-sensitive, as CreatePolicy rejects "Invalid Condition type : stringEquals"', () => {
    expect(isKnownConditionOperator('stringEquals')).toBe(false);
    expect(isKnownConditionOperator('forAnyValue:StringEquals')).toBe(false);
    expect(holds('stringEquals', 'aws:username', ['alice'], { 'aws:username': 'alice' })).toBe(
      false,
    );
  });

  it('rejects made-up operators, which evaluate to false and never throw', () => {
    for (const name of [
      'StringLikeIgnoreCase',
      'BinaryNotEquals',
      'ForAnyValue::StringEquals',
      'ForSomeValues:StringEquals',
      'a',
      '',
    ]) {
      expect(isKnownConditionOperator(name), name).toBe(false);
      expect(holds(name, 'test:missing', ['x']), name).toBe(false);
      expect(holds(name, 'aws:username', ['alice'], { 'aws:username': 'alice' }), name).toBe(false);
    }
  });
});

describe('evaluateConditions (reference_policies_condition-logic-multiple-context-keys-or-values)', () => {
  const entries = [
    { operator: 'StringEquals', key: 'aws:PrincipalTag/department', values: ['finance', 'hr'] },
    { operator: 'StringEquals', key: 'aws:PrincipalTag/role', values: ['audit'] },
    { operator: 'ArnLike', key: 'aws:PrincipalArn', values: ['arn:aws:iam::222222222222:user/*'] },
  ];
  const matching = {
    'aws:PrincipalTag/department': 'hr',
    'aws:PrincipalTag/role': 'audit',
    'aws:PrincipalArn': 'arn:aws:iam::222222222222:user/alice',
  };

  it('ANDs the entries: all must hold', () => {
    expect(evaluateConditions(entries, indexContext(matching), '2012-10-17').result).toBe(true);
    const oneOff = { ...matching, 'aws:PrincipalTag/role': 'dev' };
    expect(evaluateConditions(entries, indexContext(oneOff), '2012-10-17').result).toBe(false);
  });

  it('reports every entry, also those after the first that fails', () => {
    const { result, results } = evaluateConditions(entries, indexContext({}), '2012-10-17');
    expect(result).toBe(false);
    expect(results.map((r) => [r.key, r.result, r.requestValue])).toEqual([
      ['aws:PrincipalTag/department', false, null],
      ['aws:PrincipalTag/role', false, null],
      ['aws:PrincipalArn', false, null],
    ]);
  });

  it('holds for an empty block', () => {
    expect(evaluateConditions([], indexContext({}), '2012-10-17')).toEqual({
      result: true,
      results: [],
    });
  });
});
