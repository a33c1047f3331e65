// `iam-tutor grade` through the built binary, as an autograder calls it: a solution on stdin or in
// a file, a verdict in the exit status, JSON and JUnit for the machine, words for the person.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const LESSONS = ['--lessons', 'test/lessons/fixtures/good'];
const TRUST =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}';
const READ_REPORTS =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports-111122223333/*"}]}';
const SOLUTION = [
  '# the reference solution, as a learner would hand it in',
  `aws iam create-role --role-name app \\`,
  `  --assume-role-policy-document '${TRUST}'`,
  `aws iam put-role-policy --role-name app --policy-name read --policy-document '${READ_REPORTS}'`,
  'aws iam create-instance-profile --instance-profile-name app',
  'aws iam add-role-to-instance-profile --instance-profile-name app --role-name app',
  '',
].join('\n');
const OVER_GRANTING = SOLUTION.replace(
  READ_REPORTS,
  READ_REPORTS.replace(/"Resource":"[^"]+"/, '"Resource":"*"'),
);

const grade = (input: string, ...args: string[]) =>
  runCli(['grade', 'app-on-ec2', ...LESSONS, '--solution', '-', ...args], input);

describe('iam-tutor grade', () => {
  it('passes a right solution: exit 0, every check marked', () => {
    const run = grade(SOLUTION);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('app-on-ec2 / role-for-app: PASS');
    expect(run.stdout).toContain('  ✓ The role can read the reports');
    expect(run.stdout).toContain('  ✓ It cannot read other buckets');
  });

  it('fails an over-granting one: exit 1, the probe that caught it and the feedback', () => {
    const run = grade(OVER_GRANTING);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('app-on-ec2 / role-for-app: FAIL');
    expect(run.stdout).toContain('  ✗ It cannot read other buckets\n      found: allowed');
    expect(run.stdout).toContain('"Resource": "*" lets the application read every bucket');
  });

  it('prints versioned JSON with --json, and writes JUnit XML with --junit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iam-tutor-grade-'));
    const junit = join(dir, 'report.xml');
    const run = grade(OVER_GRANTING, '--json', '--junit', junit);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({
      format: 'iam-tutor-grade',
      version: 1,
      lesson: 'app-on-ec2',
      task: 'role-for-app',
      passed: false,
      feedback: [{ key: 'any-bucket' }],
    });
    expect(report.probes).toEqual([
      expect.objectContaining({ id: 'cannot-write', holds: true }),
      expect.objectContaining({ id: 'cannot-read-payroll', holds: false, found: 'allowed' }),
    ]);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toContain('<testsuite name="app-on-ec2.role-for-app" tests="5" failures="1">');
    expect(xml).toContain(
      '<testcase classname="app-on-ec2.role-for-app" name="It cannot read other buckets">\n      <failure message="found: allowed"/>',
    );
  });

  it('lists the commands of the solution that failed', () => {
    const run = grade(`aws iam create-rol --role-name app\n${SOLUTION}`);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Commands that failed\n  $ aws iam create-rol --role-name app');
  });

  it.each([
    [['grade'], 'which lesson?'],
    [['grade', 'app-on-ec2', ...LESSONS], '--solution FILE is needed'],
    [['grade', 'nope', ...LESSONS, '--solution', '-'], 'no lesson nope (there are: app-on-ec2)'],
    [
      ['grade', 'app-on-ec2', ...LESSONS, '--task', 'x', '--solution', '-'],
      'has no task x (role-for-app)',
    ],
    [
      ['grade', 'app-on-ec2', ...LESSONS, '--solution', '/no/such/file'],
      'cannot read /no/such/file: no such file',
    ],
    [['grade', 'app-on-ec2', '--lessons', '/no/such/dir', '--solution', '-'], 'no such folder'],
    [
      ['grade', 'app-on-ec2', ...LESSONS, '--solution', '-', '--junit', '/no/such/dir/x.xml'],
      'cannot write /no/such/dir/x.xml',
    ],
    [['grade', 'app-on-ec2', ...LESSONS, '--solution', '-', '--bogus'], "Unknown option '--bogus'"],
  ])('bad input %j: exit 2 and says so', (args, message) => {
    const run = runCli(args, SOLUTION);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it('refuses a solution that ends inside a quote, exit 2', () => {
    const run = grade("aws iam create-role --role-name 'app");
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('the solution ends inside a command');
  });

  it('refuses a solution saved as UTF-16 or not UTF-8, saying how to save it (exit 2)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iam-tutor-grade-encoding-'));
    const utf16 = join(dir, 'utf16.sh');
    // What Windows PowerShell 5's `>` writes: a UTF-16 LE BOM, then two bytes a character.
    writeFileSync(utf16, Buffer.from(`\ufeff${SOLUTION}`, 'utf16le'));
    const latin1 = join(dir, 'latin1.sh');
    writeFileSync(latin1, Buffer.from('# caf\xe9\naws iam list-roles\n', 'latin1'));
    const run = (file: string) => runCli(['grade', 'app-on-ec2', ...LESSONS, '--solution', file]);
    expect(run(utf16)).toEqual({
      status: 2,
      stdout: '',
      stderr: `iam-tutor grade: ${utf16} is UTF-16 text; save it as UTF-8 (PowerShell: Out-File -Encoding utf8)\n`,
    });
    expect(run(latin1).stderr).toBe(
      `iam-tutor grade: ${latin1} is not UTF-8 text; save it as UTF-8\n`,
    );
    // A UTF-8 file with a BOM (Notepad's) is fine.
    const bom = join(dir, 'bom.sh');
    writeFileSync(bom, `\ufeff${SOLUTION}`);
    expect(run(bom).status).toBe(0);
  });

  it('names the worlds it graded when a seed is given', () => {
    const run = grade(SOLUTION, '--seed', 'alice');
    expect(run.stdout.split('\n')[1]).toMatch(
      /^\(the worlds of seed "alice": accounts \d{12} and \d{12}\)$/,
    );
    expect(grade(SOLUTION).stdout.split('\n')[1]).toBe('');
  });
});
