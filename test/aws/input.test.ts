// Model constraints checked before authorization (src/aws/input.ts), read from a service model's
// input shape, in IAM's current wording as recorded against AWS in localstack's IAM snapshots
// (`Value at 'x' failed to satisfy ...`).
import { describe, expect, it } from 'vitest';
import { AwsError } from '../../src/aws/errors.js';
import { CreateRole } from '../../src/aws/iam/roles.js';
import { checkInput } from '../../src/aws/input.js';
import type { ServiceModel } from '../../src/aws/models/model.js';
import type { Operation } from '../../src/aws/operation.js';
import { call, failure, lessonWorld, putUser } from './fixtures.js';

/** A model of one operation, Fake, whose input has the members Name, Count and Other. */
function modelWith(pattern: string): Record<string, ServiceModel> {
  const model: ServiceModel = {
    source: 'test',
    metadata: {
      apiVersion: '2010-05-08',
      endpointPrefix: 'iam',
      protocol: 'query',
      serviceFullName: 'Test',
      serviceId: 'IAM',
    },
    allOperations: ['Fake'],
    operations: { Fake: { input: { shape: 'FakeRequest' } } },
    shapes: {
      FakeRequest: {
        type: 'structure',
        required: ['Name', 'Other'],
        members: { Name: { shape: 'name' }, Count: { shape: 'count' }, Other: { shape: 'name' } },
      },
      name: { type: 'string', min: 1, max: 5, pattern },
      count: { type: 'integer', min: 1, max: 3 },
    },
  };
  return { iam: model };
}

function messageOf(
  params: Record<string, unknown>,
  { pattern = '[a-z]+', ownChecks }: { pattern?: string; ownChecks?: Operation['ownChecks'] } = {},
): string {
  try {
    checkInput({ service: 'iam', name: 'Fake', ownChecks }, params, modelWith(pattern));
  } catch (error) {
    if (error instanceof AwsError) return `${error.code}: ${error.message}`;
    throw error;
  }
  return 'ok';
}

describe('checkInput', () => {
  it('accepts what satisfies the model', () => {
    expect(messageOf({ Name: 'abc', Count: 3, Other: 'x' })).toBe('ok');
  });

  it('lists every broken constraint of every member, in the order of the model', () => {
    expect(messageOf({ Name: 'ABCDEFG', Count: 0 })).toBe(
      "ValidationError: 4 validation errors detected: Value at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-z]+; " +
        "Value at 'name' failed to satisfy constraint: Member must have length less than or equal to 5; " +
        "Value at 'count' failed to satisfy constraint: Member must have value greater than or equal to 1; " +
        "Value at 'other' failed to satisfy constraint: Member must not be null",
    );
  });

  it('takes a value of the wrong type for no value', () => {
    expect(messageOf({ Name: 42, Other: 'x' })).toBe(
      "ValidationError: 1 validation error detected: Value at 'name' failed to satisfy constraint: Member must not be null",
    );
  });

  it("runs a service's own check, in place of the pattern, once the model's constraints hold", () => {
    const own = new AwsError('InvalidInput', 'no x allowed');
    const ownChecks = { Name: (v: string) => (v.includes('x') ? own : undefined) };
    expect(messageOf({ Name: 'xx', Other: 'a' }, { ownChecks })).toBe('InvalidInput: no x allowed');
    expect(messageOf({ Name: 'XX', Other: 'a' }, { ownChecks })).toBe('ok');
    expect(messageOf({ Name: 'xxxxxxx', Other: 'a' }, { ownChecks })).toMatch(
      /^ValidationError: 1 validation error/,
    );
  });

  it('reads Java escapes JavaScript refuses, and skips a pattern it cannot compile', () => {
    // Java lets any punctuation be escaped; JavaScript's `u` mode does not.
    expect(messageOf({ Name: 'a:b', Other: 'a' }, { pattern: '[a-z\\:]+' })).toBe('ok');
    expect(messageOf({ Name: 'a;b', Other: 'a' }, { pattern: '[a-z\\:]+' })).toBe(
      "ValidationError: 1 validation error detected: Value at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-z\\:]+",
    );
    // Java's class intersection and its own property names mean nothing to JavaScript: the
    // pattern is not checked, the lengths still are.
    for (const pattern of ['[a-z&&[^e]]+', '\\p{javaLowerCase}+']) {
      expect(messageOf({ Name: 'E', Other: 'a' }, { pattern })).toBe('ok');
      expect(messageOf({ Name: 'EEEEEEE', Other: 'a' }, { pattern })).toBe(
        "ValidationError: 1 validation error detected: Value at 'name' failed to satisfy constraint: Member must have length less than or equal to 5",
      );
    }
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
