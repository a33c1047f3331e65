// Command lists and command substitution as the shell reads them (POSIX Shell Command Language,
// 2.9.3 Lists and 2.6.3 Command Substitution), so that the commands of the AWS documentation work
// as typed: `TOKEN=$(curl -X PUT ...) && curl -H "X-aws-ec2-metadata-token: $TOKEN" ...`.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitCommandList } from '../../src/console/command-list.js';
import { currentMachine } from '../../src/console/machine.js';
import { createSandbox } from '../../src/console/sandbox.js';
import { runLine } from '../../src/console/shell.js';
import { tokenize } from '../../src/console/tokenize.js';
import { ok, run, trustPolicy } from './helpers.js';

const sandbox = () => createSandbox('list-test', Date.UTC(2026, 10, 30, 10));

describe('splitCommandList', () => {
  it('splits at top-level &&, || and ; and keeps what quotes and $( ) hide', () => {
    expect(splitCommandList(`a && b || c; d 'x && y' "p; q" $(e && f) \`g; h\``)).toEqual({
      kind: 'list',
      items: [
        { text: 'a ', after: ';' },
        { text: ' b ', after: '&&' },
        { text: ' c', after: '||' },
        { text: ` d 'x && y' "p; q" $(e && f) \`g; h\``, after: ';' },
      ],
    });
  });

  it('a line ending in && or inside $( goes on; a stray operator is a syntax error', () => {
    expect(splitCommandList('whoami &&')).toMatchObject({ kind: 'incomplete' });
    expect(splitCommandList('echo $(whoami')).toMatchObject({ kind: 'incomplete' });
    expect(splitCommandList('&& whoami')).toMatchObject({
      kind: 'error',
      message: "syntax error near unexpected token `&&'",
    });
    expect(splitCommandList('aws iam list-users | jq')).toMatchObject({
      kind: 'error',
      message: '`|` (pipes) is not supported here',
    });
  });

  it('never throws, and what it splits joins back to the line', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (line) => {
        const result = splitCommandList(line);
        if (result.kind === 'list') {
          for (const item of result.items) expect(line).toContain(item.text);
        }
      }),
    );
  });
});

describe('lists and substitution at the console', () => {
  it('runs && on success, || on failure, ; always, and expands each command in its turn', () => {
    const session = sandbox();
    expect(ok(session, 'echo a && echo b')).toBe('a\nb');
    expect(run(session, 'cat nope && echo never').stdout).toBe('');
    expect(run(session, 'cat nope || echo instead')).toMatchObject({
      stdout: 'instead\n',
      stderr: 'cat: nope: No such file or directory\n',
      exitCode: 0,
    });
    expect(ok(session, 'export X=1; echo "x=$X"')).toBe('x=1');
    expect(ok(session, 'Y=2 && echo $Y')).toBe('2');
    expect(currentMachine(session.state).env.Y).toBe('2');
  });

  it('substitutes the output of $( ) and backquotes, without its trailing newlines', () => {
    const session = sandbox();
    expect(ok(session, 'echo "I am $(whoami --query Arn --output text)."')).toBe(
      'I am arn:aws:iam::111122223333:user/admin.',
    );
    expect(ok(session, 'echo `echo a` $(echo $(echo nested))')).toBe('a nested');
    expect(ok(session, 'ARN=$(aws iam get-user --query User.Arn --output text) && echo $ARN')).toBe(
      'arn:aws:iam::111122223333:user/admin',
    );
  });

  it('without a runner, the tokenizer still refuses substitution (completion does not run commands)', () => {
    expect(tokenize('echo $(whoami)')).toMatchObject({ kind: 'error' });
  });

  it("the AWS documentation's IMDSv2 commands work as typed on an instance", () => {
    const session = sandbox();
    ok(
      session,
      `aws iam create-role --role-name app --assume-role-policy-document '${trustPolicy({ Service: 'ec2.amazonaws.com' })}'`,
    );
    ok(session, 'aws iam create-instance-profile --instance-profile-name app');
    ok(session, 'aws iam add-role-to-instance-profile --instance-profile-name app --role-name app');
    ok(
      session,
      'ID=$(aws ec2 run-instances --image-id ami-0fff1b9a61dec8a5f --iam-instance-profile Name=app --query Instances[0].InstanceId --output text)',
    );
    ok(session, 'ssh $ID');
    const result = runLine(
      session,
      'TOKEN=`curl -X PUT "http://169.254.169.254/latest/api/token" -H "X-aws-ec2-metadata-token-ttl-seconds: 21600"` \\\n' +
        '&& curl -H "X-aws-ec2-metadata-token: $TOKEN" http://169.254.169.254/latest/meta-data/iam/security-credentials/',
    );
    expect(result).toMatchObject({ kind: 'done', stdout: 'app', exitCode: 0 });
  });
});
