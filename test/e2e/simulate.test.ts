// `iam-tutor simulate` through the built binary: the documented examples decide as AWS documents,
// and every kind of bad input gets a clear message and exit code 2.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const EXAMPLES: Record<string, string> = {
  'carlos-logs-bucket.json': 'explicitDeny',
  'carlos-own-bucket.json': 'allowed',
  'iam-get-user.json': 'allowed',
  'iam-create-policy.json': 'implicitDeny',
  'iam-access-report.json': 'explicitDeny',
  'cross-account-both-allow.json': 'allowed',
  'cross-account-no-identity-allow.json': 'implicitDeny',
  'mfa-long-term-keys.json': 'explicitDeny',
  'mfa-session-with-mfa.json': 'allowed',
  'trust-ec2-assumes-role.json': 'allowed',
  'trust-user-not-trusted.json': 'implicitDeny',
};

describe('iam-tutor simulate: the documented examples', () => {
  for (const [file, decision] of Object.entries(EXAMPLES)) {
    it(`${file} -> ${decision}`, () => {
      const run = runCli(['simulate', `examples/simulate/${file}`, '--json']);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect((JSON.parse(run.stdout) as { decision: string }).decision).toBe(decision);
    });
  }

  it('prints the deciding statement and AWS message in the readable form', () => {
    const run = runCli(['simulate', 'examples/simulate/carlos-logs-bucket.json']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Decision: explicitDeny');
    expect(run.stdout).toContain(
      'AccessDenied: User: arn:aws:iam::123456789012:user/carlossalazar is not authorized to perform: s3:PutObject on resource: arn:aws:s3:::carlossalazar-logs/report.txt with an explicit deny in an identity-based policy',
    );
    expect(run.stdout).toContain('(Sid DenyS3Logs)');
  });

  it('reads the file from stdin with -', () => {
    const text = readFileSync('examples/simulate/iam-get-user.json', 'utf8');
    const run = runCli(['simulate', '-', '--json'], text);
    expect((JSON.parse(run.stdout) as { decision: string }).decision).toBe('allowed');
  });
});

describe('iam-tutor simulate: bad input', () => {
  const simulate = (input: string) => runCli(['simulate', '-'], input);

  it('malformed JSON: says where', () => {
    const run = simulate('{\n  "request": {\n    "principal": "anonymous",,\n');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^iam-tutor simulate: <stdin>:3:\d+: not valid JSON: /);
  });

  it('a wrong field: names the field and the expected form', () => {
    const run = simulate(
      JSON.stringify({ request: { principal: 'anonymous', action: 'GetObject', resource: '*' } }),
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('$.request.action: expected service:Action, e.g. s3:GetObject');
  });

  it('an unknown field is refused rather than ignored', () => {
    const run = simulate(
      JSON.stringify({
        request: { principal: 'anonymous', action: 's3:GetObject', resource: '*' },
        identityPolicy: {},
      }),
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('identityPolicy');
  });

  it('an invalid policy: names the policy, the place and AWS message', () => {
    const input = {
      request: {
        principal: 'arn:aws:iam::111122223333:user/alice',
        action: 's3:GetObject',
        resource: '*',
      },
      identityPolicies: [
        { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject' }] },
      ],
    };
    const run = simulate(JSON.stringify(input, null, 2));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('$.identityPolicies[0]');
    expect(run.stderr).toContain(
      'MalformedPolicyDocument: Policy statement must contain resources.',
    );
    expect(run.stderr).toMatch(/<stdin>:\d+:\d+:/);
  });

  it('a role ARN as the caller: explains that sessions make requests', () => {
    const run = simulate(
      JSON.stringify({
        request: {
          principal: 'arn:aws:iam::111122223333:role/app',
          action: 's3:GetObject',
          resource: '*',
        },
      }),
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('assumed-role/app/SESSION_NAME');
  });

  it('a missing file, a missing argument and an unknown flag', () => {
    expect(runCli(['simulate', 'no-such-file.json']).stderr).toContain(
      'cannot read no-such-file.json: no such file',
    );
    expect(runCli(['simulate', 'examples']).stderr).toContain(
      'cannot read examples: it is a directory',
    );
    expect(runCli(['simulate']).stderr).toContain('simulate needs a FILE');
    const flag = runCli(['simulate', 'x.json', '--jsn']);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toContain("Unknown option '--jsn'");
  });

  it('a 1 MB document of garbage is refused quickly with a message, not a crash', () => {
    const run = simulate(`{"request": ${'['.repeat(1_000_000)}`);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/not valid JSON|expected/);
  });

  it('JSON that is not an object', () => {
    const run = simulate('[1, 2, 3]');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('$:');
  });

  it('more than 1 MB is refused before parsing', () => {
    const run = simulate(' '.repeat(1024 * 1024 + 1));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('at most 1 MB is read');
  });

  it('binary garbage is reported without raw control characters', () => {
    const run = simulate('\u0001\u0002\u001b[31m');
    expect(run.status).toBe(2);
    // eslint-disable-next-line no-control-regex -- asserting their absence.
    expect(run.stderr).not.toMatch(/[\u0000-\u0008\u001b]/);
  });

  it('a session policy for a caller that is not a session is refused', () => {
    const input = {
      request: {
        principal: 'arn:aws:iam::111122223333:user/alice',
        action: 's3:GetObject',
        resource: '*',
      },
      sessionPolicy: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
      },
    };
    const run = simulate(JSON.stringify(input));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      '$.sessionPolicy: session policies exist only for role sessions and federated users',
    );
  });
});

describe('iam-tutor simulate: more callers and inputs', () => {
  const simulate = (input: string) => runCli(['simulate', '-', '--json'], input);

  it('accepts a byte-order mark before the JSON', () => {
    const text = readFileSync('examples/simulate/iam-get-user.json', 'utf8');
    expect((JSON.parse(simulate(`\uFEFF${text}`).stdout) as { decision: string }).decision).toBe(
      'allowed',
    );
  });

  it('a Cognito web identity caller is matched by a Federated trust principal', () => {
    const input = {
      request: {
        principal: 'cognito-identity.amazonaws.com',
        action: 'sts:AssumeRoleWithWebIdentity',
        resource: 'arn:aws:iam::111122223333:role/app',
      },
      resourcePolicy: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Federated: 'cognito-identity.amazonaws.com' },
            Action: 'sts:AssumeRoleWithWebIdentity',
          },
        ],
      },
    };
    expect(
      (JSON.parse(simulate(JSON.stringify(input)).stdout) as { decision: string }).decision,
    ).toBe('allowed');
  });

  it('a denial of an action without a resource leaves out "on resource"', () => {
    const run = simulate(readFileSync('examples/simulate/iam-create-policy.json', 'utf8'));
    expect((JSON.parse(run.stdout) as { message: string }).message).toBe(
      'User: arn:aws:iam::123456789012:user/ana is not authorized to perform: iam:CreatePolicy because no identity-based policy allows the iam:CreatePolicy action',
    );
  });
});
