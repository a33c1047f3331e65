// Where each error points: a JSON path into the document and, for text, the 1-based line and column
// of the value (or key, or the place the JSON reading stopped).
import { describe, expect, it } from 'vitest';
import type { PolicyKind } from '../../src/policy/types.js';
import { validatePolicy } from '../../src/policy/validate.js';

function pointer(input: unknown, kind: PolicyKind = 'managed') {
  const result = validatePolicy(input, kind);
  if (result.ok) throw new Error('expected the document to be rejected');
  const { message, path, line, column } = result.error;
  return { message, path, line, column };
}

/** Lines of a document, so that each test shows the text it points into. */
const lines = (...text: string[]) => text.join('\n');

describe('JSON that does not parse points where reading stopped', () => {
  it('a trailing comma, at the closing brace after it', () => {
    const text = lines('{', '  "Version": "2012-10-17",', '  "Statement": [],', '}');
    expect(pointer(text)).toEqual({
      message: 'Syntax errors in policy.',
      path: '$',
      line: 4,
      column: 1,
    });
  });

  it('a trailing comma in a list, at the closing bracket', () => {
    const text = lines(
      '{"Statement": [',
      '  {"Effect": "Allow", "Action": "s3:*", "Resource": "*"},',
      ']}',
    );
    expect(pointer(text, 'inline')).toMatchObject({ path: '$', line: 3, column: 1 });
  });

  it('a comment, which strict JSON does not allow', () => {
    const text = lines('{', '  // no comments', '  "Version": "2012-10-17"', '}');
    expect(pointer(text)).toMatchObject({ path: '$', line: 2, column: 3 });
  });

  it('a missing comma, at the token where one was expected', () => {
    expect(pointer('{"Version": "2012-10-17" "Statement": []}')).toMatchObject({
      line: 1,
      column: 26,
    });
  });

  it('a second document, an unfinished one, and text that is not JSON', () => {
    expect(pointer('{} {}')).toMatchObject({ line: 1, column: 4 });
    expect(pointer('{"Version": ')).toMatchObject({ line: 1, column: 13 });
    expect(pointer('This is not a json document')).toMatchObject({ line: 1, column: 1 });
  });

  it('a control character inside a string, and whitespace JSON does not know', () => {
    expect(pointer('{"Id": "a\u0001b"}')).toMatchObject({ line: 1, column: 8 });
    expect(pointer('\u00a0{}')).toMatchObject({ line: 1, column: 1 });
  });
});

describe('rule errors point at the value, key or statement concerned', () => {
  const policy = lines(
    '{',
    '  "Version": "2012-10-17",',
    '  "Statement": [',
    '    {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},',
    '    {',
    '      "Effect": "Allow",',
    '      "Action": ["s3:GetObject", "s3:List:Bucket"],',
    '      "Resource": ["arn:aws:s3:::b", "not-an-arn"]',
    '    }',
    '  ]',
    '}',
  );

  it('a malformed resource in a list: $.Statement[1].Resource[1]', () => {
    expect(pointer(policy)).toEqual({
      message: 'Resource not-an-arn must be in ARN format or "*".',
      path: '$.Statement[1].Resource[1]',
      line: 8,
      column: 38,
    });
  });

  it('an action with two colons: $.Statement[1].Action[1]', () => {
    const fixed = policy.replace('"not-an-arn"', '"*"');
    expect(pointer(fixed)).toEqual({
      message: 'Actions/Condition can contain only one colon.',
      path: '$.Statement[1].Action[1]',
      line: 7,
      column: 34,
    });
  });

  it('a statement without actions: the statement itself', () => {
    const text = lines(
      '{"Version": "2012-10-17", "Statement": [',
      '  {"Effect": "Allow", "Resource": "*"}',
      ']}',
    );
    expect(pointer(text)).toEqual({
      message: 'Policy statement must contain actions.',
      path: '$.Statement[0]',
      line: 2,
      column: 3,
    });
  });

  it('an element that does not belong: its key', () => {
    const text = lines(
      '{"Version": "2012-10-17",',
      ' "Statement": {"Effect": "Allow", "Action": "s3:*",',
      '  "Extra field": 1}}',
    );
    expect(pointer(text)).toEqual({
      message: 'Syntax errors in policy.',
      path: "$.Statement['Extra field']",
      line: 3,
      column: 3,
    });
  });

  it('a missing Version points at the document, a wrong one at the Version', () => {
    expect(
      pointer('{"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}'),
    ).toMatchObject({
      path: '$',
      line: 1,
      column: 1,
    });
    const old =
      '{\n  "Version": "2008-10-17",\n  "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}';
    expect(pointer(old)).toMatchObject({ path: '$.Version', line: 2, column: 14 });
  });

  it('a condition value, with bracketed keys that are not identifiers', () => {
    const text = lines(
      '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*",',
      '  "Condition": {"DateGreaterThan": {"aws:CurrentTime": ["2020-01-01", "yesterday"]}}}}',
    );
    expect(pointer(text)).toEqual({
      message: 'The policy failed legacy parsing',
      path: "$.Statement.Condition.DateGreaterThan['aws:CurrentTime'][1]",
      line: 2,
      column: 71,
    });
  });

  it('a repeated Sid: the second one', () => {
    const text = lines(
      '{"Version": "2012-10-17", "Statement": [',
      '  {"Sid": "A", "Effect": "Allow", "Action": "s3:*", "Resource": "*"},',
      '  {"Sid": "A", "Effect": "Deny", "Action": "s3:*", "Resource": "*"}]}',
    );
    expect(pointer(text)).toMatchObject({ path: '$.Statement[1].Sid', line: 3, column: 11 });
  });

  it('a trust policy principal, by its index', () => {
    const text = lines(
      '{"Statement": {"Effect": "Allow", "Action": "sts:AssumeRole",',
      '  "Principal": {"AWS": ["111122223333", "arn:aws:iam::*:root"]}}}',
    );
    expect(pointer(text, 'trust')).toEqual({
      message: 'Invalid principal in policy: "AWS":"arn:aws:iam::*:root"',
      path: '$.Statement.Principal.AWS[1]',
      line: 2,
      column: 41,
    });
  });
});

describe('line and column', () => {
  it('count CRLF as one line break, and tabs and non-ASCII characters as one column each', () => {
    const text = '{\r\n\t"Version": "2012-10-17",\r\n\t"Id": "é", "Statement": 7\r\n}';
    expect(pointer(text)).toEqual({
      message: 'Syntax errors in policy.',
      path: '$.Statement',
      line: 3,
      column: 26,
    });
  });

  it('are left out for an already-parsed document, which has no text', () => {
    const error = pointer({
      Version: '2012-10-17',
      Statement: { Effect: 'Allow', Action: 'invalid', Resource: '*' },
    });
    expect(error).toEqual({
      message: 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
      path: '$.Statement.Action',
      line: undefined,
      column: undefined,
    });
  });

  it('reach deep into nested input without a stack overflow', () => {
    const depth = 50_000;
    const text = `{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": ${'['.repeat(depth)}${']'.repeat(depth)}}}`;
    expect(pointer(text, 'inline')).toEqual({
      message: 'Syntax errors in policy.',
      path: '$.Statement.Action[0]',
      line: 1,
      column: 71,
    });
  });
});
