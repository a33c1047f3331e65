// Tab completion of whole console lines: the console's commands first, then `aws` completion with
// what exists in the world.
import { describe, expect, it } from 'vitest';
import { completeLine } from '../../src/console/complete-line.js';
import { createSandbox } from '../../src/console/sandbox.js';
import { runLine } from '../../src/console/shell.js';

const session = createSandbox('complete-test', Date.UTC(2026, 10, 30, 10));
runLine(session, 'aws iam create-user --user-name alice');
runLine(session, 'aws s3api create-bucket --bucket reports-2026');
runLine(
  session,
  'aws iam create-open-id-connect-provider --url https://token.actions.githubusercontent.com',
);

describe('completeLine', () => {
  it('completes the first word from the console commands', () => {
    expect(completeLine(session, 'ex')).toEqual([['exit', 'explain', 'export'], 'ex']);
    expect(completeLine(session, '')[0]).toContain('whoami');
  });

  it('completes aws services, commands and flags from the command table', () => {
    expect(completeLine(session, 'aws ia')).toEqual([['iam'], 'ia']);
    expect(completeLine(session, 'aws iam create-us')).toEqual([['create-user'], 'create-us']);
    expect(completeLine(session, 'aws iam get-user --us')[0]).toEqual(['--user-name']);
  });

  it('offers the names and ARNs that exist in the world', () => {
    expect(completeLine(session, 'aws iam get-user --user-name a')).toEqual([
      ['admin', 'alice'],
      'a',
    ]);
    expect(completeLine(session, 'aws s3api get-bucket-policy --bucket r')).toEqual([
      ['reports-2026'],
      'r',
    ]);
    expect(
      completeLine(
        session,
        'aws iam attach-user-policy --policy-arn arn:aws:iam::aws:policy/Adm',
      )[0],
    ).toEqual(['arn:aws:iam::aws:policy/AdministratorAccess']);
    expect(
      completeLine(
        session,
        'aws iam delete-open-id-connect-provider --open-id-connect-provider-arn ',
      )[0],
    ).toEqual(['arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com']);
  });

  it('offers access key ids and instance ids', () => {
    const keys = completeLine(session, 'aws iam update-access-key --access-key-id AKIA')[0];
    // admin's key in each of the two accounts.
    expect(keys).toHaveLength(2);
    for (const key of keys) expect(key).toMatch(/^AKIA[A-Z2-7]{16}$/);
    const launched = runLine(
      session,
      "aws ec2 run-instances --image-id ami-0fff1b9a61dec8a5f --query 'Instances[0].InstanceId' --output text",
    );
    const id = launched.kind === 'done' ? launched.stdout.trim() : '';
    expect(completeLine(session, 'aws ec2 terminate-instances --instance-ids i-')[0]).toEqual([id]);
  });

  it('offers nothing after commands it does not know', () => {
    expect(completeLine(session, 'cat ~/.a')).toEqual([[], '~/.a']);
  });
});
