// Properties that hold for every condition operator, checked on generated policies and requests
// (reference_policies_elements_condition_operators, reference_policies_variables).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateCondition, isKnownConditionOperator } from '../../src/policy/conditions.js';
import { indexContext } from '../../src/policy/context.js';
import type { ContextValue, PolicyVersion } from '../../src/policy/types.js';

const KEY = 'test:key';

function holds(
  operator: string,
  values: string[],
  context: Record<string, ContextValue>,
  version: PolicyVersion,
): boolean {
  return evaluateCondition({ operator, key: KEY, values }, indexContext(context), version).result;
}

const chars = (alphabet: string[], maxLength = 8) =>
  fc.array(fc.constantFrom(...alphabet), { maxLength }).map((c) => c.join(''));
const word = chars(['a', 'b', 'A', '*', '?', ':', '/', '$', '{', '}']);
/** Policy values: plain, with wildcards, with resolvable and unresolvable variables. */
const policyText = fc.oneof(
  word,
  fc
    .tuple(
      word,
      fc.constantFrom('${test:other}', '${test:missing}', "${test:missing, 'a'}", '${*}'),
      word,
    )
    .map((p) => p.join('')),
);
const number = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }).map(String),
  fc
    .tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 99 }))
    .map(([i, f]) => `${i}.${f}`),
);
const date = fc.oneof(
  fc.integer({ min: 0, max: 2_000_000_000 }).map(String),
  fc
    .date({
      min: new Date('1990-01-01T00:00:00Z'),
      max: new Date('2040-01-01T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString()),
);
const octet = fc.integer({ min: 0, max: 255 });
const ipv4 = fc.tuple(octet, octet, octet, octet).map((o) => o.join('.'));
const ipv4Range = fc.tuple(ipv4, fc.integer({ min: 0, max: 32 })).map(([a, p]) => `${a}/${p}`);
const arn = fc
  .tuple(
    chars(['s3', 'sns', '*']),
    chars(['us-east-1', 'eu-west-1', '*', '?'], 2),
    chars(['111122223333', '*'], 1),
    word,
  )
  .map(
    ([service, region, account, resource]) => `arn:aws:${service}:${region}:${account}:${resource}`,
  );

/** A positive operator, its negation, and well-typed request values and policy values for them. */
const PAIRS: {
  positive: string;
  negated: string;
  request: fc.Arbitrary<string>;
  policy: fc.Arbitrary<string>;
}[] = [
  { positive: 'StringEquals', negated: 'StringNotEquals', request: word, policy: policyText },
  {
    positive: 'StringEqualsIgnoreCase',
    negated: 'StringNotEqualsIgnoreCase',
    request: word,
    policy: policyText,
  },
  { positive: 'StringLike', negated: 'StringNotLike', request: word, policy: policyText },
  {
    positive: 'NumericEquals',
    negated: 'NumericNotEquals',
    request: number,
    policy: fc.oneof(number, word),
  },
  { positive: 'DateEquals', negated: 'DateNotEquals', request: date, policy: fc.oneof(date, word) },
  {
    positive: 'IpAddress',
    negated: 'NotIpAddress',
    request: ipv4,
    policy: fc.oneof(ipv4Range, ipv4, word),
  },
  {
    positive: 'ArnEquals',
    negated: 'ArnNotEquals',
    request: arn,
    policy: fc.oneof(arn, policyText),
  },
  { positive: 'ArnLike', negated: 'ArnNotLike', request: arn, policy: fc.oneof(arn, policyText) },
];

const ALL_BASES = [
  ...PAIRS.flatMap((pair) => [pair.positive, pair.negated]),
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'Bool',
  'BinaryEquals',
];

const version = fc.constantFrom<PolicyVersion>('2012-10-17', '2008-10-17');
/** Other keys of the request: never the key under test. */
const otherContext = fc.dictionary(
  fc.constantFrom('test:other', 'aws:username', 'aws:TagKeys'),
  fc.oneof(word, fc.array(word, { maxLength: 3 })),
);

describe('condition operator properties', () => {
  it('knows every operator it is asked about here', () => {
    for (const base of ALL_BASES) expect(isKnownConditionOperator(base), base).toBe(true);
  });

  it('...IfExists is true whenever the key is missing, for every operator and qualifier (Conditions_IfExists)', () => {
    const operator = fc
      .tuple(fc.constantFrom('', 'ForAllValues:', 'ForAnyValue:'), fc.constantFrom(...ALL_BASES))
      .map(([qualifier, base]) => `${qualifier}${base}IfExists`);
    fc.assert(
      fc.property(
        operator,
        fc.array(policyText, { maxLength: 4 }),
        otherContext,
        version,
        (op, values, context, v) => {
          expect(holds(op, values, context, v)).toBe(true);
        },
      ),
    );
  });

  it('a Not... operator and its positive twin disagree whenever the key is present and single-valued', () => {
    // Request values are of the operator's type: a value that is not (say, "ten" for a numeric
    // operator) matches nothing, under both twins.
    const cases = fc.constantFrom(...PAIRS).chain((pair) =>
      fc.record({
        pair: fc.constant(pair),
        suffix: fc.constantFrom('', 'IfExists'),
        request: pair.request,
        values: fc.array(pair.policy, { maxLength: 4 }),
      }),
    );
    fc.assert(
      fc.property(cases, otherContext, version, ({ pair, suffix, request, values }, others, v) => {
        const context = { ...others, [KEY]: request };
        expect(holds(pair.positive + suffix, values, context, v)).toBe(
          !holds(pair.negated + suffix, values, context, v),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('with a missing key, unqualified operators are false and their Not... twins true (Conditions "Important")', () => {
    const cases = fc.record({
      pair: fc.constantFrom(...PAIRS),
      values: fc.array(policyText, { maxLength: 4 }),
    });
    fc.assert(
      fc.property(cases, otherContext, version, ({ pair, values }, context, v) => {
        expect(holds(pair.positive, values, context, v)).toBe(false);
        expect(holds(pair.negated, values, context, v)).toBe(true);
      }),
    );
  });

  it('ForAllValues holds and ForAnyValue fails when the key is missing, negated or not (single-vs-multi-valued-context-keys)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ALL_BASES),
        fc.array(policyText, { maxLength: 4 }),
        otherContext,
        version,
        (base, values, context, v) => {
          expect(holds(`ForAllValues:${base}`, values, context, v)).toBe(true);
          expect(holds(`ForAnyValue:${base}`, values, context, v)).toBe(false);
        },
      ),
    );
  });

  it('ForAnyValue over several request values is the OR of the operator over each, ForAllValues the AND', () => {
    const cases = fc.constantFrom(...PAIRS).chain((pair) =>
      fc.record({
        operator: fc.constantFrom(pair.positive, pair.negated),
        requests: fc.array(pair.request, { minLength: 1, maxLength: 4 }),
        values: fc.array(pair.policy, { maxLength: 4 }),
      }),
    );
    fc.assert(
      fc.property(cases, version, ({ operator, requests, values }, v) => {
        const each = requests.map((request) => holds(operator, values, { [KEY]: request }, v));
        const set = { [KEY]: requests };
        expect(holds(`ForAnyValue:${operator}`, values, set, v)).toBe(each.some(Boolean));
        expect(holds(`ForAllValues:${operator}`, values, set, v)).toBe(each.every(Boolean));
      }),
    );
  });
});
