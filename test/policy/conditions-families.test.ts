// What each operator family compares (reference_policies_elements_condition_operators).
import { describe, expect, it } from 'vitest';
import { evaluateCondition } from '../../src/policy/conditions.js';
import { indexContext } from '../../src/policy/context.js';

/** Whether `operator` with policy `values` holds for a request whose `test:key` is `requestValue`. */
function holds(operator: string, values: string[], requestValue: string): boolean {
  const context = indexContext({ 'test:key': requestValue });
  return evaluateCondition({ operator, key: 'test:key', values }, context, '2012-10-17').result;
}

describe('String condition operators', () => {
  it('StringEquals: "Exact matching, case sensitive", no wildcards', () => {
    expect(holds('StringEquals', ['iamuser-admin'], 'iamuser-admin')).toBe(true);
    expect(holds('StringEquals', ['iamuser-admin'], 'IAMUser-Admin')).toBe(false);
    expect(holds('StringEquals', ['iamuser-*'], 'iamuser-admin')).toBe(false);
    expect(holds('StringEquals', ['iamuser-*'], 'iamuser-*')).toBe(true);
    expect(holds('StringNotEquals', ['iamuser-admin'], 'IAMUser-Admin')).toBe(true);
  });

  it('StringEqualsIgnoreCase: "Exact matching, ignoring case"', () => {
    expect(holds('StringEqualsIgnoreCase', ['Finance'], 'FINANCE')).toBe(true);
    expect(holds('StringEqualsIgnoreCase', ['Finance'], 'Finances')).toBe(false);
    expect(holds('StringNotEqualsIgnoreCase', ['Finance'], 'finance')).toBe(false);
    expect(holds('StringNotEqualsIgnoreCase', ['Finance'], 'legal')).toBe(true);
  });

  it('StringLike: case-sensitive, with * and ? "anywhere in the string"', () => {
    expect(holds('StringLike', ['home/*'], 'home/alice/photos')).toBe(true);
    expect(holds('StringLike', ['home/*'], 'Home/alice')).toBe(false);
    expect(holds('StringLike', ['t?.micro'], 't2.micro')).toBe(true);
    expect(holds('StringLike', ['*'], '')).toBe(true);
    // "You must specify wildcards to achieve partial string matches."
    expect(holds('StringLike', ['home'], 'home/alice')).toBe(false);
    expect(holds('StringNotLike', ['home/*'], 'tmp/x')).toBe(true);
    expect(holds('StringNotLike', ['home/*'], 'home/x')).toBe(false);
  });

  it("StringLike lets * reach across colons where ArnLike does not (the docs' example)", () => {
    const pattern = 'arn:aws:someservice:*:111122223333:finance/*';
    const value =
      'arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt';
    expect(holds('StringLike', [pattern], value)).toBe(true);
    expect(holds('ArnLike', [pattern], value)).toBe(false);
  });
});

describe('Numeric condition operators: "an integer or decimal value"', () => {
  it('compares integers and decimals by value', () => {
    expect(holds('NumericEquals', ['10'], '10')).toBe(true);
    expect(holds('NumericEquals', ['10'], '10.0')).toBe(true);
    expect(holds('NumericEquals', ['0.5'], '.5')).toBe(true);
    expect(holds('NumericNotEquals', ['10'], '11')).toBe(true);
    expect(holds('NumericNotEquals', ['10'], '10.00')).toBe(false);
    expect(holds('NumericLessThan', ['10'], '9.99')).toBe(true);
    expect(holds('NumericLessThan', ['10'], '10')).toBe(false);
    expect(holds('NumericLessThanEquals', ['10'], '10')).toBe(true);
    expect(holds('NumericLessThanEquals', ['10'], '-20')).toBe(true);
    expect(holds('NumericGreaterThan', ['-1.5'], '-1')).toBe(true);
    expect(holds('NumericGreaterThan', ['100'], '99')).toBe(false);
    expect(holds('NumericGreaterThanEquals', ['100'], '100')).toBe(true);
  });

  it('compares numbers, not text: 9 is less than 10', () => {
    expect(holds('NumericLessThan', ['10'], '9')).toBe(true);
    expect(holds('NumericGreaterThan', ['9'], '10')).toBe(true);
  });

  it('never matches a request value that is not a number, negated operators included', () => {
    for (const value of ['ten', '', '10 ', '1e3', '0x10', 'NaN', '10abc']) {
      expect(holds('NumericEquals', ['10'], value), value).toBe(false);
      expect(holds('NumericNotEquals', ['10'], value), value).toBe(false);
      expect(holds('NumericLessThan', ['10'], value), value).toBe(false);
    }
  });

  it('ignores policy values that are not numbers', () => {
    expect(holds('NumericEquals', ['abc', '10'], '10')).toBe(true);
    expect(holds('NumericEquals', ['abc'], '10')).toBe(false);
  });
});

describe('Date condition operators: "W3C implementations of the ISO 8601 date formats or in epoch (UNIX) time"', () => {
  const now = '2020-06-15T12:00:00Z';

  it('compares date-times, with zone offsets taken into account', () => {
    expect(holds('DateGreaterThan', ['2020-01-01T00:00:01Z'], now)).toBe(true);
    expect(holds('DateLessThan', ['2020-01-01T00:00:01Z'], now)).toBe(false);
    expect(holds('DateEquals', ['2020-06-15T14:00:00+02:00'], now)).toBe(true);
    expect(holds('DateEquals', ['2020-06-15T07:30:00-04:30'], now)).toBe(true);
    expect(holds('DateNotEquals', ['2020-06-15T12:00:00+02:00'], now)).toBe(true);
    expect(holds('DateLessThanEquals', ['2020-06-15T12:00:00Z'], now)).toBe(true);
    expect(holds('DateGreaterThanEquals', ['2020-06-15T12:00:00.001Z'], now)).toBe(false);
  });

  it('reads the shorter W3C forms: dates, minutes, fractions of a second', () => {
    expect(holds('DateEquals', ['2020-06-15'], '2020-06-15T00:00:00Z')).toBe(true);
    expect(holds('DateEquals', ['2020-06'], '2020-06-01T00:00:00Z')).toBe(true);
    expect(holds('DateEquals', ['2020-06-15T12:00Z'], now)).toBe(true);
    expect(
      holds('DateLessThanEquals', ['2016-12-13T21:20:37.593194+00:00'], '2016-12-13T21:20:37.593Z'),
    ).toBe(true);
    expect(
      holds('DateGreaterThan', ['2016-12-13T21:20:37.593194+00:00'], '2016-12-13T21:20:37.593Z'),
    ).toBe(false);
  });

  it('reads epoch seconds, and compares them with ISO dates', () => {
    // 1592222400 is 2020-06-15T12:00:00Z.
    expect(holds('DateEquals', ['1592222400'], now)).toBe(true);
    expect(holds('DateEquals', [now], '1592222400')).toBe(true);
    expect(holds('DateLessThan', ['1592222401'], '1592222400')).toBe(true);
  });

  it('never matches a value that is not a date, negated operators included', () => {
    for (const value of [
      'yesterday',
      '2020-13-01',
      '2020-02-30',
      '2020-06-15T25:00:00Z',
      '2020-06-15 12:00:00',
      '',
    ]) {
      expect(holds('DateLessThan', ['2030-01-01T00:00:00Z'], value), value).toBe(false);
      expect(holds('DateNotEquals', ['2030-01-01T00:00:00Z'], value), value).toBe(false);
    }
    expect(holds('DateLessThan', ['soon'], now)).toBe(false);
  });

  it('keeps years below 100 in their own century', () => {
    expect(holds('DateLessThan', ['1900-01-01'], '0050-01-01T00:00:00Z')).toBe(true);
  });
});

describe('Bool: "true" or "false"', () => {
  it('matches in any letter case', () => {
    expect(holds('Bool', ['true'], 'true')).toBe(true);
    expect(holds('Bool', ['true'], 'TRUE')).toBe(true);
    expect(holds('Bool', ['False'], 'false')).toBe(true);
    expect(holds('Bool', ['false'], 'true')).toBe(false);
  });

  it('never matches other values', () => {
    expect(holds('Bool', ['true'], 'yes')).toBe(false);
    expect(holds('Bool', ['true'], '1')).toBe(false);
    expect(holds('Bool', ['yes'], 'true')).toBe(false);
  });
});

describe('BinaryEquals: byte for byte against base-64', () => {
  it('compares the decoded bytes', () => {
    expect(
      holds('BinaryEquals', ['QmluYXJ5VmFsdWVJbkJhc2U2NA=='], 'QmluYXJ5VmFsdWVJbkJhc2U2NA=='),
    ).toBe(true);
    // The same bytes without padding.
    expect(holds('BinaryEquals', ['QQ=='], 'QQ')).toBe(true);
    expect(holds('BinaryEquals', ['QQ=='], 'Qg==')).toBe(false);
  });

  it('never matches text that is not base-64', () => {
    expect(holds('BinaryEquals', ['QQ=='], 'not base64!')).toBe(false);
    expect(holds('BinaryEquals', ['???'], '???')).toBe(false);
  });
});

describe('ARN condition operators: "Each of the six colon-delimited components of the ARN is checked separately"', () => {
  const topic = 'arn:aws:sns:us-east-1:123456789012:my-topic';

  it('ArnEquals and ArnLike "behave identically", wildcards included', () => {
    for (const operator of ['ArnEquals', 'ArnLike']) {
      expect(holds(operator, [topic], topic)).toBe(true);
      expect(holds(operator, ['arn:aws:sns:*:123456789012:*'], topic)).toBe(true);
      expect(holds(operator, ['arn:aws:sns:us-east-?:123456789012:my-topic'], topic)).toBe(true);
      expect(holds(operator, ['arn:aws:sns:*:999999999999:*'], topic)).toBe(false);
    }
  });

  it('is case-sensitive', () => {
    expect(holds('ArnLike', ['arn:aws:sns:*:123456789012:My-Topic'], topic)).toBe(false);
  });

  it('does not let * cross a colon before the resource segment', () => {
    expect(holds('ArnLike', ['arn:aws:*:123456789012:my-topic'], topic)).toBe(false);
  });

  it('ArnNotEquals and ArnNotLike negate them', () => {
    expect(holds('ArnNotEquals', ['arn:aws:sns:*:123456789012:*'], topic)).toBe(false);
    expect(holds('ArnNotLike', ['arn:aws:sns:*:999999999999:*'], topic)).toBe(true);
  });
});
