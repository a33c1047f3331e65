// Model constraints checked before authorization (src/aws/input.ts), in IAM's current wording as
// recorded against AWS in localstack's IAM snapshots (`Value at 'x' failed to satisfy ...`).
import { describe, expect, it } from 'vitest';
import { AwsError } from '../../src/aws/errors.js';
import { CreateRole } from '../../src/aws/iam/roles.js';
import { checkInput, optional, required } from '../../src/aws/input.js';
import { call, failure, lessonWorld, putUser } from './fixtures.js';

const NAME = { type: 'string', min: 1, max: 5, pattern: '[a-z]+' } as const;

function messageOf(
  spec: Parameters<typeof checkInput>[0],
  params: Record<string, unknown>,
): string {
  try {
    checkInput(spec, params);
  } catch (error) {
    if (error instanceof AwsError) return `${error.code}: ${error.message}`;
    throw error;
  }
  return 'ok';
}

describe('checkInput', () => {
  it('accepts what satisfies the model', () => {
    expect(
      messageOf(
        { Name: required(NAME), Count: optional({ type: 'integer', max: 3 }) },
        { Name: 'abc', Count: 3 },
      ),
    ).toBe('ok');
  });

  it('lists every broken constraint of every member, in the order of the spec', () => {
    const spec = {
      Name: required(NAME),
      Count: optional({ type: 'integer', min: 1 }),
      Other: required(NAME),
    };
    expect(messageOf(spec, { Name: 'ABCDEFG', Count: 0 })).toBe(
      "ValidationError: 4 validation errors detected: Value at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-z]+; " +
        "Value at 'name' failed to satisfy constraint: Member must have length less than or equal to 5; " +
        "Value at 'count' failed to satisfy constraint: Member must have value greater than or equal to 1; " +
        "Value at 'other' failed to satisfy constraint: Member must not be null",
    );
  });

  it('takes a value of the wrong type for no value', () => {
    expect(messageOf({ Name: required(NAME) }, { Name: 42 })).toBe(
      "ValidationError: 1 validation error detected: Value at 'name' failed to satisfy constraint: Member must not be null",
    );
  });

  it("runs a service's own check only once the model's constraints hold", () => {
    const own = new AwsError('InvalidInput', 'no x allowed');
    const spec = {
      Name: required({ ...NAME, check: (v: string) => (v.includes('x') ? own : undefined) }),
    };
    expect(messageOf(spec, { Name: 'xx' })).toBe('InvalidInput: no x allowed');
    expect(messageOf(spec, { Name: 'xxxxxxx' })).toMatch(/^ValidationError: 1 validation error/);
  });
});

describe('validation before authorization', () => {
  it('gives a caller without any permission the ValidationError, not AccessDenied', () => {
    const world = lessonWorld();
    const key = { accessKeyId: 'AKIABOBEXAMPLE000001', secretAccessKey: 'bob-secret' };
    putUser(world, 'bob', key);
    expect(failure(call(world, CreateRole, { RoleName: 'app' }, key))).toEqual({
      code: 'ValidationError',
      message:
        "1 validation error detected: Value at 'assumeRolePolicyDocument' failed to satisfy constraint: Member must not be null",
    });
    expect(
      failure(call(world, CreateRole, { RoleName: 'app', AssumeRolePolicyDocument: '{}' }, key))
        .code,
    ).toBe('AccessDenied');
  });
});
