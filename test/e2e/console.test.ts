// `iam-tutor console` through the built binary, without a terminal: commands from stdin or
// --script, --fail-fast, and sessions saved with --save and reopened with --world.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'iam-tutor-console-'));

describe('iam-tutor console: scripts', () => {
  it('runs the commands of a stdin that is not a terminal, printing each output', () => {
    const run = runCli(
      ['console'],
      'aws iam create-user --user-name alice --query User.UserName --output text\nwhoami --query Arn\n',
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('alice\n"arn:aws:iam::111122223333:user/admin"\n');
  });

  it('goes on after a failing command, printing its error on stderr; --fail-fast stops, exit 1', () => {
    const script = 'aws iam get-user --user-name ghost\necho after\n';
    const going = runCli(['console'], script);
    expect(going.status).toBe(0);
    expect(going.stdout).toBe('after\n');
    expect(going.stderr).toBe(
      '\nAn error occurred (NoSuchEntity) when calling the GetUser operation: The user with name ghost cannot be found.\n',
    );
    const stopping = runCli(['console', '--fail-fast'], script);
    expect(stopping.status).toBe(1);
    expect(stopping.stdout).toBe('');
  });

  it('reads --script FILE, joining a quoted policy over several lines', () => {
    const file = join(dir, 'role.sh');
    writeFileSync(
      file,
      [
        "aws iam create-role --role-name app --query Role.RoleName --output text --assume-role-policy-document '{",
        '  "Version": "2012-10-17",',
        '  "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]',
        "}'",
        '',
      ].join('\n'),
    );
    const run = runCli(['console', '--script', file]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('app\n');
  });

  it('a script that ends inside a quote says so', () => {
    const run = runCli(['console', '--fail-fast'], "echo 'never closed\n");
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('the script ends inside a command');
  });

  it("--save then --world: the second run continues the first one's world", () => {
    const saved = join(dir, 'session.json');
    const first = runCli(['console', '--save', saved], 'aws iam create-user --user-name carol\n');
    expect(first.status).toBe(0);
    expect(JSON.parse(readFileSync(saved, 'utf8'))).toMatchObject({ iamTutorSession: 1 });
    const second = runCli(
      ['console', '--world', saved],
      'aws iam list-users --query "Users[].UserName" --output text\n',
    );
    expect(second.stdout).toBe('admin\tcarol\n');
  });

  // As with `bash < script`: input() prints its question on stdout and the answer is not echoed
  // (awscli/customizations/configure/configure.py); an empty line keeps the value.
  it('the lines after aws configure answer its questions, a blank one keeping the value', () => {
    const run = runCli(
      ['console'],
      [
        'aws configure --profile dev',
        'AKIAIOSFODNN7EXAMPLE',
        'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        '',
        'text',
        'aws configure get aws_access_key_id --profile dev',
        'aws configure get region --profile dev || echo "no region"',
        'aws configure --profile dev',
        '',
        '',
        'eu-west-1',
        '',
        'aws configure get region --profile dev',
        'aws configure get output --profile dev',
        '',
      ].join('\n'),
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      'AWS Access Key ID [None]: AWS Secret Access Key [None]: Default region name [None]: ' +
        'Default output format [None]: AKIAIOSFODNN7EXAMPLE\nno region\n' +
        'AWS Access Key ID [****************MPLE]: AWS Secret Access Key [****************EKEY]: ' +
        'Default region name [None]: Default output format [text]: eu-west-1\ntext\n',
    );
  });

  it('a script that ends at a question fails that command as the CLI does at end of input', () => {
    const run = runCli(['console', '--fail-fast'], 'aws configure\n');
    expect(run.stdout).toMatch(/^AWS Access Key ID \[\*{16}\w{4}\]: $/);
    expect(run.stderr).toBe('\n\n');
    expect(run.status).toBe(1);
  });

  it('a damaged --world file is refused with its place, exit 2', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"iamTutorSession": 1, "world": {}, "console": {}}');
    const run = runCli(['console', '--world', bad], 'whoami\n');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^iam-tutor: .*bad\.json: \$\.world\.formatVersion: /);
  });

  it('unknown options and arguments are usage errors', () => {
    expect(runCli(['console', '--wrld', 'x']).status).toBe(2);
    expect(runCli(['console', 'extra']).stderr).toContain('console takes no arguments');
  });
});
