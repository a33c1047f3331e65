// The who-can-assume-what map, read from a world made with the commands a learner types.
import { describe, expect, it } from 'vitest';
import { trustMap } from '../../src/aws/trust-map.js';
import { createSandbox } from '../../src/console/sandbox.js';
import { runLine } from '../../src/console/shell.js';

function world(commands: string[]) {
  const session = createSandbox('trust-map', Date.UTC(2026, 0, 12, 9));
  for (const command of commands) {
    const result = runLine(session, command);
    if (result.kind !== 'done' || result.exitCode !== 0)
      throw new Error(`${command}: ${JSON.stringify(result)}`);
  }
  return session.world;
}

const trust = (statement: object) =>
  `'${JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', ...statement }] })}'`;

describe('trustMap', () => {
  it('names each trusted principal with its conditions, and the instances running with a role', () => {
    const map = trustMap(
      world([
        `aws iam create-role --role-name vendor --assume-role-policy-document ${trust({
          Principal: { AWS: 'arn:aws:iam::444455556666:root' },
          Condition: { StringEquals: { 'sts:ExternalId': 'x-42' } },
        })}`,
        `aws iam create-role --role-name open --assume-role-policy-document ${trust({ Principal: { AWS: '*' } })}`,
        `aws iam create-role --role-name app --assume-role-policy-document ${trust({ Principal: { Service: 'ec2.amazonaws.com' } })}`,
        'aws iam create-instance-profile --instance-profile-name app',
        'aws iam add-role-to-instance-profile --instance-profile-name app --role-name app',
        'aws ec2 run-instances --image-id ami-0fff1b9a61dec8a5f --iam-instance-profile Name=app',
      ]),
    );
    const own = map.find((account) => account.id === '111122223333');
    expect(own?.users).toEqual([{ name: 'admin', activeKeys: 1, mfa: false }]);
    const roles = Object.fromEntries((own?.roles ?? []).map((role) => [role.name, role]));
    expect(roles.vendor?.trustedBy).toEqual([
      {
        kind: 'account',
        label: 'account 444455556666 (whom its policies allow)',
        effect: 'Allow',
        conditions: ['StringEquals sts:ExternalId ["x-42"]'],
      },
    ]);
    expect(roles.open?.trustedBy[0]).toMatchObject({ kind: 'anyone', label: 'ANYONE ("*")' });
    expect(roles.app?.trustedBy[0]).toMatchObject({ kind: 'service', label: 'ec2.amazonaws.com' });
    expect(roles.app?.instances).toHaveLength(1);
    expect(roles.app?.instances[0]).toMatch(/^i-[0-9a-f]{17}$/);
    expect(roles.vendor?.instances).toEqual([]);
  });

  it('shows identity providers and the federated principals of a trust', () => {
    const map = trustMap(
      world([
        'aws iam create-open-id-connect-provider --url https://token.actions.githubusercontent.com --client-id-list sts.amazonaws.com',
        `aws iam create-role --role-name deploy --assume-role-policy-document ${trust({
          Action: 'sts:AssumeRoleWithWebIdentity',
          Principal: {
            Federated:
              'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com',
          },
        })}`,
      ]),
    );
    const own = map.find((account) => account.id === '111122223333');
    expect(own?.identityProviders).toEqual(['OIDC token.actions.githubusercontent.com']);
    expect(own?.roles[0]?.trustedBy).toEqual([
      {
        kind: 'oidc',
        label: 'OIDC token.actions.githubusercontent.com',
        effect: 'Allow',
        conditions: [],
      },
    ]);
  });
});
