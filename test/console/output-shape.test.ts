// The output-shape check itself, on values written by hand against IAM's model: it must catch
// what the conformance test (output-shapes.test.ts) relies on it to catch.
import { describe, expect, it } from 'vitest';
import { SERVICE_MODELS } from '../../src/aws/models/index.js';
import { outputShapeProblems } from './output-shape.js';

const iam = SERVICE_MODELS.iam;
if (iam === undefined) throw new Error('no IAM model');

const user = {
  Path: '/',
  UserName: 'alice',
  UserId: 'AIDAEXAMPLE',
  Arn: 'arn:aws:iam::111122223333:user/alice',
  CreateDate: '2026-11-30T10:00:00+00:00',
};

describe('outputShapeProblems', () => {
  it('accepts a value of the shape, and nothing printed for an operation without output', () => {
    expect(outputShapeProblems(iam, 'GetUser', { User: user })).toEqual([]);
    expect(outputShapeProblems(iam, 'DeleteUser', undefined)).toEqual([]);
  });

  it('reports a member the structure does not have, at any depth', () => {
    expect(outputShapeProblems(iam, 'GetUser', { User: { ...user, Username: 'x' } })).toEqual([
      'GetUser.User.Username: not a member of User',
    ]);
    expect(outputShapeProblems(iam, 'DeleteUser', { User: user })).toEqual([
      'DeleteUser has no output, yet printed something',
    ]);
  });

  it('reports a value of the wrong type, a timestamp not as the CLI prints it, a bad enum', () => {
    expect(
      outputShapeProblems(iam, 'ListAccessKeys', {
        AccessKeyMetadata: [
          { UserName: 'alice', AccessKeyId: 'AKIA', Status: 'Enabled', CreateDate: 1 },
        ],
        IsTruncated: 'false',
      }),
    ).toEqual([
      'ListAccessKeys.AccessKeyMetadata[0].Status: "Enabled" is not one of Active, Inactive',
      'ListAccessKeys.AccessKeyMetadata[0].CreateDate: 1 is not a timestamp as the CLI prints it (2026-11-30T10:00:00+00:00) (dateType)',
      'ListAccessKeys.IsTruncated: "false" is not a boolean (booleanType)',
    ]);
  });

  it('reports a missing required member, unless the CLI drops it or AWS always sends more', () => {
    const withoutId: Record<string, string> = { ...user };
    delete withoutId.UserId;
    expect(outputShapeProblems(iam, 'GetUser', { User: withoutId })).toEqual([
      'GetUser.User.UserId: required by User, missing',
    ]);
    expect(outputShapeProblems(iam, 'ListUsers', {})).toEqual([
      'ListUsers.Users: required by ListUsersResponse, missing',
    ]);
    expect(outputShapeProblems(iam, 'ListUsers', {}, [], ['Users'])).toEqual([]);
    expect(outputShapeProblems(iam, 'ListPolicies', {}, ['Policies'])).toEqual([
      'ListPolicies.Policies: AWS always returns it, missing',
    ]);
  });

  it('takes a policy document decoded, as the CLI prints it, but not another object for a string', () => {
    const document = { Version: '2012-10-17', Statement: [] };
    const policy = { UserName: 'alice', PolicyName: 'p', PolicyDocument: document };
    expect(outputShapeProblems(iam, 'GetUserPolicy', policy)).toEqual([]);
    expect(outputShapeProblems(iam, 'GetUserPolicy', { ...policy, PolicyName: {} })).toEqual([
      'GetUserPolicy.PolicyName: {} is not a string (policyNameType)',
    ]);
  });
});
