// The tutorial's free sandbox: two accounts, a bucket in each, GitHub's OIDC provider and a SAML
// provider, and an instance whose role reads the sandbox's bucket - with nothing in the learner's
// history or event log yet.
import { describe, expect, it } from 'vitest';
import { createFurnishedSandbox } from '../../src/console/sandbox.js';
import { runLine } from '../../src/console/shell.js';

const sandbox = () => createFurnishedSandbox('furnished', Date.UTC(2026, 0, 12, 9));

function out(session: ReturnType<typeof sandbox>, line: string): string {
  const result = runLine(session, line);
  if (result.kind !== 'done' || result.exitCode !== 0)
    throw new Error(`${line}: ${JSON.stringify(result)}`);
  return result.stdout;
}

describe('the furnished sandbox', () => {
  it('starts with a clean history and event log', () => {
    const session = sandbox();
    expect(session.state.history).toEqual([]);
    expect(session.world.events).toEqual([]);
  });

  it('has a bucket per account and both identity providers', () => {
    const session = sandbox();
    expect(out(session, 'aws s3api list-buckets --query Buckets[].Name --output text')).toBe(
      'sandbox-data-111122223333\n',
    );
    expect(
      out(session, 'aws s3api list-buckets --profile prod --query Buckets[].Name --output text'),
    ).toBe('prod-reports-444455556666\n');
    expect(out(session, 'aws iam list-open-id-connect-providers --output text')).toContain(
      'oidc-provider/token.actions.githubusercontent.com',
    );
    expect(
      out(session, 'aws iam list-saml-providers --query SAMLProviderList[].Arn --output text'),
    ).toBe('arn:aws:iam::111122223333:saml-provider/Corp\n');
  });

  it('runs an instance whose role reads the bucket through the metadata service', () => {
    const session = sandbox();
    const id = out(
      session,
      "aws ec2 describe-instances --query 'Reservations[0].Instances[0].InstanceId' --output text",
    ).trim();
    out(session, `ssh ${id}`);
    expect(out(session, 'aws sts get-caller-identity --query Arn --output text')).toMatch(
      /^arn:aws:sts::111122223333:assumed-role\/sandbox-app\/i-/,
    );
    out(
      session,
      'aws s3api get-object --bucket sandbox-data-111122223333 --key hello.txt hello.txt',
    );
    expect(out(session, 'cat hello.txt')).toBe('Hello from the sandbox.\n');
  });
});
