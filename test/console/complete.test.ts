// Tab completion from the command table, with the world's names through a callback.
import { describe, expect, it } from 'vitest';
import { complete, type ValueRequest } from '../../src/console/complete.js';

const requests: ValueRequest[] = [];
const options = {
  worldValues: (request: ValueRequest) => {
    requests.push(request);
    return request.member === 'UserName' ? ['alice', 'bob', 'albert'] : [];
  },
};

describe('complete', () => {
  it('completes aws, services and commands', () => {
    expect(complete('a')).toEqual({ from: 0, candidates: ['aws'] });
    expect(complete('aws ').candidates).toEqual([
      'ec2',
      'help',
      'iam',
      'organizations',
      'rolesanywhere',
      's3api',
      'sts',
    ]);
    expect(complete('aws s')).toEqual({ from: 4, candidates: ['s3api', 'sts'] });
    expect(complete('aws --profile dev iam create-u')).toEqual({
      from: 22,
      candidates: ['create-user'],
    });
  });

  it('offers the flags not given yet, booleans with their --no- form, then global options', () => {
    const flags = complete('aws iam list-policies --').candidates;
    expect(flags).toEqual(
      expect.arrayContaining([
        '--only-attached',
        '--no-only-attached',
        '--scope',
        '--max-items',
        '--output',
      ]),
    );
    expect(flags).not.toContain('--marker'); // hidden by the CLI's pagination
    const after = complete('aws iam list-policies --no-only-attached --').candidates;
    expect(after).not.toContain('--only-attached');
    expect(complete('aws iam create-user --user-name bob --p').candidates).toEqual([
      '--path',
      '--permissions-boundary',
      '--profile',
    ]);
  });

  it("offers enum values and the choices of the CLI's own arguments", () => {
    expect(complete('aws iam update-access-key --status ').candidates).toEqual([
      'Active',
      'Inactive',
    ]);
    expect(complete('aws iam create-virtual-mfa-device --bootstrap-method Q').candidates).toEqual([
      'QRCodePNG',
    ]);
    expect(complete('aws iam list-users --output t').candidates).toEqual(['table', 'text']);
  });

  it('asks the world for names, and keeps those that fit what was typed', () => {
    requests.length = 0;
    expect(complete('aws iam get-user --user-name al', options)).toEqual({
      from: 29,
      candidates: ['albert', 'alice'],
    });
    expect(requests).toEqual([
      { service: 'iam', operation: 'GetUser', member: 'UserName', prefix: 'al' },
    ]);
  });

  it('offers nothing where it knows nothing, and never throws', () => {
    expect(complete('aws nosuch ').candidates).toEqual([]);
    expect(complete('whoami ').candidates).toEqual([]);
    expect(complete("aws iam create-user --user-name 'unterminated").candidates).toEqual([]);
  });
});
