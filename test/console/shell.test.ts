// The console as a learner types at it: lines run against the sandbox, the shell's own rules
// (quotes, variables, `NAME=value cmd`), the helpers, and input of every kind never crashing it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currentMachine, promptOf } from '../../src/console/machine.js';
import { createSandbox, SANDBOX_ACCOUNT } from '../../src/console/sandbox.js';
import type { ConsoleSession } from '../../src/console/session.js';
import { MAX_LINE_LENGTH, runLine } from '../../src/console/shell.js';
import { ADMIN_ARN, json, run, trustPolicy } from './helpers.js';

const START = Date.UTC(2026, 10, 30, 10);

function sandbox(): ConsoleSession {
  return createSandbox('shell-test', START);
}

const TRUST_ADMIN = trustPolicy({ AWS: ADMIN_ARN });

/** A role `app` that admin may assume, and a role profile `app` for it, as a learner sets them up. */
function withAppProfile(session: ConsoleSession): void {
  for (const line of [
    `aws iam create-role --role-name app --assume-role-policy-document '${TRUST_ADMIN}'`,
    `aws configure set role_arn arn:aws:iam::${SANDBOX_ACCOUNT}:role/app --profile app`,
    'aws configure set source_profile default --profile app',
  ]) {
    expect(run(session, line).exitCode).toBe(0);
  }
}

describe('the sandbox', () => {
  it('signs the learner in as the administrator, from the laptop keys', () => {
    const session = sandbox();
    expect(promptOf(session.state)).toBe('learner@laptop:~$ ');
    expect(json(session, 'whoami')).toMatchObject({
      Account: SANDBOX_ACCOUNT,
      Arn: `arn:aws:iam::${SANDBOX_ACCOUNT}:user/admin`,
    });
    expect(session.world.events).toHaveLength(1);
  });

  it('runs aws commands against the world and prints the CLI output', () => {
    const session = sandbox();
    const created = json(session, 'aws iam create-user --user-name alice');
    expect(created).toMatchObject({ User: { UserName: 'alice', Path: '/' } });
    const text = run(session, 'aws iam list-users --query "Users[].UserName" --output text');
    expect(text).toEqual({ kind: 'done', stdout: 'admin\talice\n', stderr: '', exitCode: 0 });
  });

  it('prints service errors as the CLI does, exit 254, and leaves the world unchanged', () => {
    const session = sandbox();
    run(session, 'aws iam create-user --user-name alice');
    const before = JSON.stringify(session.world.accounts);
    const again = run(session, 'aws iam create-user --user-name alice');
    expect(again.exitCode).toBe(254);
    expect(again.stderr).toBe(
      '\nAn error occurred (EntityAlreadyExists) when calling the CreateUser operation: User with name alice already exists.\n',
    );
    expect(JSON.stringify(session.world.accounts)).toBe(before);
  });

  it('malformed JSON in --policy-document gets the service error, and the console goes on', () => {
    const session = sandbox();
    const result = run(
      session,
      `aws iam create-role --role-name app --assume-role-policy-document '{"Version":'`,
    );
    expect(result.exitCode).toBe(254);
    expect(result.stderr).toContain('(MalformedPolicyDocument)');
    expect(run(session, 'whoami').exitCode).toBe(0);
  });
});

describe('credentials as the CLI finds them', () => {
  it('a role profile assumes the role, and AWS_PROFILE selects it', () => {
    const session = sandbox();
    withAppProfile(session);
    const viaFlag = json(session, 'aws sts get-caller-identity --profile app');
    expect(viaFlag.Arn).toMatch(
      new RegExp(`^arn:aws:sts::${SANDBOX_ACCOUNT}:assumed-role/app/botocore-session-\\d+$`),
    );
    run(session, 'export AWS_PROFILE=app');
    expect(json(session, 'whoami').Arn).toBe(viaFlag.Arn);
  });

  it('exported keys win over the files; a prefix assignment lasts one command', () => {
    const session = sandbox();
    run(session, 'aws iam create-user --user-name bob');
    const bob = json(session, 'aws iam create-access-key --user-name bob') as {
      AccessKey: { AccessKeyId: string; SecretAccessKey: string };
    };
    const bobEnv = `AWS_ACCESS_KEY_ID=${bob.AccessKey.AccessKeyId} AWS_SECRET_ACCESS_KEY=${bob.AccessKey.SecretAccessKey}`;
    expect(json(session, `${bobEnv} aws sts get-caller-identity`).Arn).toContain(':user/bob');
    expect(currentMachine(session.state).env.AWS_ACCESS_KEY_ID).toBeUndefined();
    expect(json(session, 'whoami').Arn).toContain(':user/admin');
    run(session, `export ${bobEnv}`);
    expect(json(session, 'whoami').Arn).toContain(':user/bob');
    expect(run(session, 'env').stdout).toContain(
      `AWS_ACCESS_KEY_ID=${bob.AccessKey.AccessKeyId}\n`,
    );
    run(session, 'unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY');
    expect(json(session, 'whoami').Arn).toContain(':user/admin');
  });

  it('aws configure set writes the files that aws configure get reads', () => {
    const session = sandbox();
    expect(run(session, 'aws configure set region eu-west-1 --profile dev').exitCode).toBe(0);
    expect(run(session, 'aws configure get region --profile dev').stdout).toBe('eu-west-1\n');
    expect(run(session, 'cat ~/.aws/config').stdout).toContain(
      '[profile dev]\nregion = eu-west-1\n',
    );
    expect(run(session, 'aws configure get output --profile dev')).toMatchObject({
      stdout: '',
      exitCode: 1,
    });
  });
});

describe('the helpers', () => {
  it('explain shows why the last request was denied, with the deciding step', () => {
    const session = sandbox();
    withAppProfile(session);
    const denied = run(session, 'aws s3api list-buckets --profile app');
    expect(denied.exitCode).toBe(254);
    const explained = run(session, 'explain').stdout;
    expect(explained).toContain('Last authorized request: ListBuckets');
    expect(explained).toContain('(failed: AccessDenied)');
    expect(explained).toContain('Decision: implicitDeny');
    expect(explained).toMatch(/^> Identity-based policies: +no statement allows/m);
  });

  it('explain before any request says so', () => {
    expect(run(sandbox(), 'explain').stdout).toContain('Nothing to explain yet');
  });

  it('wait moves the clock: temporary credentials expire', () => {
    const session = sandbox();
    run(
      session,
      `aws iam create-role --role-name app --assume-role-policy-document '${TRUST_ADMIN}'`,
    );
    const assumed = json(
      session,
      `aws sts assume-role --role-arn arn:aws:iam::${SANDBOX_ACCOUNT}:role/app --role-session-name s1 --duration-seconds 900`,
    ) as { Credentials: Record<string, string> };
    const c = assumed.Credentials;
    run(
      session,
      `export AWS_ACCESS_KEY_ID=${c.AccessKeyId} AWS_SECRET_ACCESS_KEY=${c.SecretAccessKey} AWS_SESSION_TOKEN=${c.SessionToken}`,
    );
    expect(run(session, 'whoami').exitCode).toBe(0);
    expect(run(session, 'wait 16m').stdout).toBe('16m later: it is now 2026-11-30T10:16:00Z.\n');
    const expired = run(session, 'whoami');
    expect(expired.exitCode).toBe(254);
    expect(expired.stderr).toContain('(ExpiredToken)');
  });

  it('wait refuses what is not a duration, and spans beyond 400 days', () => {
    const session = sandbox();
    expect(run(session, 'wait soon')).toMatchObject({ exitCode: 2, stdout: '' });
    expect(run(session, 'wait 401d').exitCode).toBe(2);
    expect(session.world.now).toBe(START);
    expect(run(session, 'wait 1h30m').stdout).toContain('1h 30m later');
  });

  it('history lists the lines entered; help lists the commands', () => {
    const session = sandbox();
    run(session, 'whoami');
    run(session, '   ');
    run(session, 'echo "a  b"');
    expect(run(session, 'history').stdout).toBe(
      '    1  whoami\n    2  echo "a  b"\n    3  history\n',
    );
    const help = run(session, 'help').stdout;
    // It fits an 80-column terminal.
    for (const line of help.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    for (const name of ['aws', 'whoami', 'explain', 'wait', 'history', 'export']) {
      expect(help).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    }
  });

  it('cat and ls show the machine files', () => {
    const session = sandbox();
    expect(run(session, 'ls -a').exitCode).toBe(2);
    expect(run(session, 'ls ~/.aws').stdout).toBe('config\ncredentials\n');
    expect(run(session, 'cat ~/.aws/credentials').stdout).toMatch(
      /^\[default\]\naws_access_key_id = AKIA/,
    );
    expect(run(session, 'cat nothing.txt')).toMatchObject({
      exitCode: 1,
      stderr: 'cat: nothing.txt: No such file or directory\n',
    });
  });
});

describe('rm', () => {
  // GNU coreutils rm's messages and statuses, as bash shows them.
  it('removes files; says so for a missing one, unless -f', () => {
    const session = sandbox();
    expect(run(session, 'rm ~/.aws/credentials nothing.txt')).toMatchObject({
      exitCode: 1,
      stdout: '',
      stderr: "rm: cannot remove 'nothing.txt': No such file or directory\n",
    });
    expect(run(session, 'ls ~/.aws').stdout).toBe('config\n');
    expect(run(session, 'rm -f nothing.txt ~/.aws/credentials')).toMatchObject({
      exitCode: 0,
      stderr: '',
    });
  });

  it('refuses a directory without -r, and removes all of it with -r', () => {
    const session = sandbox();
    expect(run(session, 'rm ~/.aws')).toMatchObject({
      exitCode: 1,
      stderr: "rm: cannot remove '/home/learner/.aws': Is a directory\n",
    });
    expect(run(session, 'rm -rf ~/.aws/').exitCode).toBe(0);
    expect(run(session, 'ls ~').stdout).toBe('');
  });

  it('wants an operand and knows its options', () => {
    const session = sandbox();
    const tryHelp = "Try 'rm --help' for more information.\n";
    expect(run(session, 'rm')).toMatchObject({
      exitCode: 1,
      stderr: `rm: missing operand\n${tryHelp}`,
    });
    expect(run(session, 'rm -f').exitCode).toBe(0);
    expect(run(session, 'rm -x a')).toMatchObject({
      exitCode: 1,
      stderr: `rm: invalid option -- 'x'\n${tryHelp}`,
    });
    expect(run(session, 'rm --nope a').stderr).toBe(`rm: unrecognized option '--nope'\n${tryHelp}`);
    expect(run(session, 'rm -- -f').stderr).toBe(
      "rm: cannot remove '-f': No such file or directory\n",
    );
  });
});

describe('bad input', () => {
  it('an open quote asks for more; the joined lines then run as one', () => {
    const session = sandbox();
    expect(runLine(session, 'echo "a')).toEqual({
      kind: 'incomplete',
      message: expect.stringContaining('quote') as unknown,
    });
    expect(run(session, 'echo "a\nb"').stdout).toBe('a\nb\n');
  });

  it('an unknown command is bash\'s "command not found", exit 127', () => {
    expect(run(sandbox(), 'ssh-keygen')).toMatchObject({
      exitCode: 127,
      stderr: expect.stringContaining('bash: ssh-keygen: command not found') as unknown,
    });
  });

  it('real AWS CLI commands the simulator lacks are named as such, exit 252', () => {
    const session = sandbox();
    for (const command of ['s3 ls', 'iam list-server-certificates']) {
      expect(run(session, `aws ${command}`)).toMatchObject({
        exitCode: 252,
        stderr: expect.stringContaining(
          `'aws ${command}' is a real AWS CLI command that this simulator does not have.`,
        ) as unknown,
      });
    }
  });

  it('pipes and redirections are refused with a message', () => {
    const result = run(sandbox(), 'aws iam list-users | jq .');
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^bash: column \d+: /);
  });

  it('a line beyond the limit is refused before any work', () => {
    const session = sandbox();
    const result = run(session, `echo ${'x'.repeat(MAX_LINE_LENGTH)}`);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(`at most ${MAX_LINE_LENGTH}`);
    expect(session.state.history).toEqual([]);
  });

  it('no line of any characters makes it fail inside (an internal error, exit 70)', () => {
    const session = sandbox();
    const words = fc.constantFrom(
      'aws',
      'iam',
      's3api',
      'sts',
      '--user-name',
      '--query',
      "'",
      '"',
      '\\',
      '$X',
      '{',
      '--output',
      'table',
      'export',
      'wait',
      'explain',
      '$(',
      ')',
      '&&',
      ';',
      'ssh',
      'curl',
      'oidc-token',
      'saml-idp',
      'ca',
      'aws_signing_helper',
      '--repo',
    );
    const line = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.array(words, { maxLength: 8 }).map((parts) => parts.join(' ')),
    );
    fc.assert(
      fc.property(line, (text) => {
        // runLine turns a crash into exit status 70; the property is that nothing crashes.
        const result = runLine(session, text);
        if (result.kind === 'done') expect(result.exitCode, result.stderr).not.toBe(70);
        else if (result.kind === 'incomplete') expect(result.message).not.toBe('');
      }),
      { numRuns: 500 },
    );
  });
});
