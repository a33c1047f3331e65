// No network at any time (issue 7): the console, `grade`, `list`, the tutorial and its sandbox run
// with every way out to the network replaced by a function that records the attempt and throws
// (test/e2e/preload/no-network.mjs), and they work and record none. The guard itself is shown to
// catch HTTP, fetch, ESM named imports and DNS first, so that its silence means something.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { envWords, guard, NO_NETWORK } from './guarded.js';
import { runCli } from './run-cli.js';
import { Terminal } from './tmux.js';

let terminal: Terminal | undefined;
afterEach(() => terminal?.close());

const SOLUTION = [
  `aws iam create-role --role-name app --assume-role-policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}'`,
  `aws iam put-role-policy --role-name app --policy-name read --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports-111122223333/*"}]}'`,
  'aws iam create-instance-profile --instance-profile-name app',
  'aws iam add-role-to-instance-profile --instance-profile-name app --role-name app',
  '',
].join('\n');

/** The guard's log has its `loaded` line and no attempt. */
function expectOffline(lines: string[]): void {
  expect(lines.filter((l) => l.startsWith('loaded ')).length).toBeGreaterThanOrEqual(1);
  expect(lines.filter((l) => !l.startsWith('loaded '))).toEqual([]);
}

const dataDir = () => mkdtempSync(join(tmpdir(), 'iam-tutor-offline-'));

describe('the guard', () => {
  it('records and stops HTTP, fetch (instance metadata), a named ESM import and DNS', () => {
    const g = guard([NO_NETWORK]);
    const script = [
      "import http from 'node:http';",
      "import { connect } from 'node:net';",
      "import { lookup } from 'node:dns';",
      'const tries = [',
      "  () => http.get('http://example.com/'),",
      "  () => fetch('http://169.254.169.254/latest/meta-data/'),",
      "  () => connect(443, 'example.com'),",
      "  () => lookup('example.com', () => {}),",
      '];',
      'for (const t of tries) { try { await t(); } catch { /* blocked */ } }',
    ].join('\n');
    spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...process.env, ...g.env },
    });
    const attempts = g.lines().filter((l) => l.startsWith('attempt '));
    expect(attempts).toEqual([
      expect.stringMatching(/^attempt net\.Socket\.connect/),
      'attempt net.connect 169.254.169.254:80',
      'attempt net.connect 443 example.com',
      'attempt dns.lookup example.com',
    ]);
  });
});

describe('with the network blocked', () => {
  it('runs a console script', () => {
    const g = guard([NO_NETWORK]);
    const run = runCli(
      ['console', '--script', '-', '--fail-fast'],
      'aws iam create-user --user-name alice\naws s3api list-buckets --query Buckets[].Name --output text\naws sts get-caller-identity --query Arn --output text\n',
      g.env,
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('"UserName": "alice"');
    expect(run.stdout).toContain('sandbox-data-111122223333');
    expect(run.stdout).toContain('arn:aws:iam::111122223333:user/admin');
    expectOffline(g.lines());
  });

  it('grades a task with its reference solution', () => {
    const g = guard([NO_NETWORK]);
    const run = runCli(
      ['grade', 'app-on-ec2', '--lessons', 'test/lessons/fixtures/good', '--solution', '-'],
      SOLUTION,
      g.env,
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('app-on-ec2 / role-for-app: PASS');
    expectOffline(g.lines());
  });

  it('lists the lessons', () => {
    const g = guard([NO_NETWORK]);
    const run = runCli(['list', '--data-dir', dataDir()], '', g.env);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Users and roles');
    expectOffline(g.lines());
  });

  it('runs the tutorial in a terminal: Home, the first lesson, Ctrl+C', async () => {
    const g = guard([NO_NETWORK]);
    const t = (terminal = Terminal.open(['--data-dir', dataDir()], undefined, [
      'NO_COLOR=1',
      ...envWords(g.env),
    ]));
    await t.waitFor((s) => s.includes('lessons completed'));
    t.send('Enter');
    await t.waitFor((s) => /Step 1\/\d+/.test(s));
    t.send('C-c');
    await t.waitForExit();
    expectOffline(g.lines());
  }, 30_000);

  it('runs an aws command in the sandbox console in a terminal', async () => {
    const g = guard([NO_NETWORK]);
    const t = (terminal = Terminal.open(['console'], undefined, [
      'NO_COLOR=1',
      ...envWords(g.env),
    ]));
    await t.waitFor((s) => s.includes('learner@laptop:~$'));
    t.type('aws sts get-caller-identity --query Account --output text');
    await t.waitFor((s) => s.includes('--output text'));
    t.send('Enter');
    await t.waitFor((s) => /^111122223333$/m.test(s));
    t.type('exit');
    t.send('Enter');
    await t.waitForExit();
    expectOffline(g.lines());
  }, 30_000);
});
