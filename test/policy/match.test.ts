// Action and Resource matching (reference_policies_elements_action, reference_policies_elements_resource).
import { describe, expect, it } from 'vitest';
import { actionMatcher, arnGlobMatch, resourceMatcher } from '../../src/policy/match.js';
import type { ContextIndex } from '../../src/policy/context.js';
import type { PolicyVersion } from '../../src/policy/types.js';

const anyActionMatches = (patterns: string[], action: string) => actionMatcher(patterns)(action);
const anyResourceMatches = (
  patterns: string[],
  resource: string,
  context: ContextIndex,
  version: PolicyVersion,
) => resourceMatcher(patterns, version)(resource, context);
import { indexContext } from '../../src/policy/context.js';

describe('anyActionMatches', () => {
  it('compares case-insensitively with * and ? wildcards', () => {
    expect(anyActionMatches(['s3:getobject'], 's3:GetObject')).toBe(true);
    expect(anyActionMatches(['S3:Get*'], 's3:GetObjectAcl')).toBe(true);
    expect(anyActionMatches(['iam:?etUser'], 'iam:GetUser')).toBe(true);
    expect(anyActionMatches(['s3:Get*'], 's3:PutObject')).toBe(false);
    expect(anyActionMatches(['*'], 'ec2:RunInstances')).toBe(true);
  });

  it('does not let a wildcard service prefix leak into another service', () => {
    expect(anyActionMatches(['s3:*'], 's3-object-lambda:GetObject')).toBe(false);
  });
});

describe('arnGlobMatch', () => {
  it('matches each segment on its own', () => {
    expect(
      arnGlobMatch(
        'arn:aws:ec2:*:*:instance/*',
        'arn:aws:ec2:us-east-1:111122223333:instance/i-0abc',
      ),
    ).toBe(true);
    expect(
      arnGlobMatch(
        'arn:aws:ec2:*:instance/*',
        'arn:aws:ec2:us-east-1:111122223333:instance/i-0abc',
      ),
    ).toBe(false);
  });

  it('lets the resource segment span slashes and colons', () => {
    expect(arnGlobMatch('arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/a/b:c')).toBe(true);
    expect(
      arnGlobMatch(
        'arn:aws:logs:*:*:log-group:app:*',
        'arn:aws:logs:eu-west-1:111122223333:log-group:app:log-stream:x',
      ),
    ).toBe(true);
  });

  it('is case-sensitive', () => {
    expect(arnGlobMatch('arn:aws:s3:::Bucket/*', 'arn:aws:s3:::bucket/key')).toBe(false);
  });

  it('a bucket ARN does not match its objects, nor the objects pattern the bucket', () => {
    expect(arnGlobMatch('arn:aws:s3:::bucket', 'arn:aws:s3:::bucket/key')).toBe(false);
    expect(arnGlobMatch('arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket')).toBe(false);
  });

  it('an ARN pattern never matches the resource "*" of resource-less actions', () => {
    expect(arnGlobMatch('arn:aws:s3:::*', '*')).toBe(false);
    expect(arnGlobMatch('*', '*')).toBe(true);
  });
});

describe('anyResourceMatches with policy variables (reference_policies_variables)', () => {
  const context = indexContext({ 'aws:username': 'alice' });

  it('substitutes variables with Version 2012-10-17', () => {
    expect(
      anyResourceMatches(
        ['arn:aws:s3:::home/${aws:username}/*'],
        'arn:aws:s3:::home/alice/x',
        context,
        '2012-10-17',
      ),
    ).toBe(true);
  });

  it('treats ${...} as literal text with Version 2008-10-17', () => {
    expect(
      anyResourceMatches(
        ['arn:aws:s3:::home/${aws:username}/*'],
        'arn:aws:s3:::home/alice/x',
        context,
        '2008-10-17',
      ),
    ).toBe(false);
    expect(
      anyResourceMatches(
        ['arn:aws:s3:::home/${aws:username}/*'],
        'arn:aws:s3:::home/${aws:username}/x',
        context,
        '2008-10-17',
      ),
    ).toBe(true);
  });

  it('a pattern with an unresolvable variable matches nothing', () => {
    expect(
      anyResourceMatches(
        ['arn:aws:s3:::home/${aws:PrincipalTag/team}/*'],
        'arn:aws:s3:::home/x/y',
        context,
        '2012-10-17',
      ),
    ).toBe(false);
  });
});
