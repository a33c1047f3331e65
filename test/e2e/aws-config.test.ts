// It never reads the user's real AWS configuration (issue 7): a fake HOME with ~/.aws/credentials
// and ~/.aws/config holding distinctive keys, a profile and a region, and the AWS_* variables that
// point at them, are planted; the simulated shell shows only its own identities and files, and a
// preload (test/e2e/preload/watch-reads.mjs) records that no file under the planted ~/.aws was
// touched and no AWS_* variable read, through the console, `grade`, `list` and the tutorial.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { envWords, guard, NO_NETWORK, WATCH_READS } from './guarded.js';
import { runCli } from './run-cli.js';
import { Terminal } from './tmux.js';

let terminal: Terminal | undefined;
afterEach(() => terminal?.close());

const PLANTED = {
  keyId: 'AKIAPLANTEDFAKE0KEY7',
  secret: 'plantedSecretDoNotUse/xxxxxxxxxxxxxxxxxxxx',
  token: 'plantedSessionTokenDoNotUse',
  region: 'ap-planted-7',
  profile: 'planted-profile',
  account: '999988887777',
};
const planted = Object.values(PLANTED);

let home = '';
let env: Record<string, string> = {};

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'iam-tutor-home-'));
  const aws = join(home, '.aws');
  mkdirSync(aws);
  writeFileSync(
    join(aws, 'credentials'),
    `[default]\naws_access_key_id = ${PLANTED.keyId}\naws_secret_access_key = ${PLANTED.secret}\n` +
      `[${PLANTED.profile}]\naws_access_key_id = ${PLANTED.keyId}\naws_secret_access_key = ${PLANTED.secret}\n`,
  );
  writeFileSync(
    join(aws, 'config'),
    `[default]\nregion = ${PLANTED.region}\n[profile ${PLANTED.profile}]\nregion = ${PLANTED.region}\n` +
      `role_arn = arn:aws:iam::${PLANTED.account}:role/planted\nsource_profile = default\n`,
  );
  env = {
    HOME: home,
    AWS_ACCESS_KEY_ID: PLANTED.keyId,
    AWS_SECRET_ACCESS_KEY: PLANTED.secret,
    AWS_SESSION_TOKEN: PLANTED.token,
    AWS_PROFILE: PLANTED.profile,
    AWS_REGION: PLANTED.region,
    AWS_DEFAULT_REGION: PLANTED.region,
    AWS_CONFIG_FILE: join(aws, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(aws, 'credentials'),
    IAM_TUTOR_WATCH: aws,
  };
});

/** Nothing under the planted ~/.aws touched, no AWS_* variable read, no connection tried. */
function expectUntouched(lines: string[]): void {
  expect(lines.filter((l) => l.startsWith('loaded ')).length).toBeGreaterThanOrEqual(2);
  expect(lines.filter((l) => !l.startsWith('loaded '))).toEqual([]);
}

const expectNothingPlanted = (text: string) => {
  for (const value of planted) expect(text).not.toContain(value);
};

describe('a planted AWS configuration', () => {
  it('would be caught: the preload records a read of the planted file and of AWS_PROFILE', () => {
    const g = guard([WATCH_READS], env);
    const script =
      "import { readFileSync } from 'node:fs'; import { homedir } from 'node:os';" +
      " readFileSync(homedir() + '/.aws/credentials'); void process.env.AWS_PROFILE;";
    spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...process.env, ...g.env },
    });
    expect(g.lines()).toEqual(
      expect.arrayContaining([
        `read fs.readFileSync ${join(home, '.aws', 'credentials')}`,
        'env AWS_PROFILE',
      ]),
    );
  });

  it('never shows or matters in the console: its own identity, configuration, env and files', () => {
    const g = guard([WATCH_READS, NO_NETWORK], env);
    const run = runCli(
      ['console', '--script', '-'],
      [
        'aws sts get-caller-identity',
        'aws configure list',
        'env',
        'cat ~/.aws/credentials',
        'cat ~/.aws/config',
        'aws s3api list-buckets --query Buckets[].Name --output text',
        '',
      ].join('\n'),
      g.env,
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('"Arn": "arn:aws:iam::111122223333:user/admin"');
    expect(run.stdout).toMatch(/region +us-east-1 +config-file +~\/\.aws\/config/);
    expect(run.stdout).toContain('HOME=/home/learner');
    expect(run.stdout).toMatch(/\[default\]\naws_access_key_id = AKIA[A-Z0-9]{16}\n/);
    expect(run.stdout).toContain('[profile prod]');
    expect(run.stdout).toContain('sandbox-data-111122223333');
    expectNothingPlanted(run.stdout + run.stderr);
    expect(run.stdout).not.toContain(home);
    expectUntouched(g.lines());
  });

  it('is not read by grade or list', () => {
    const g = guard([WATCH_READS, NO_NETWORK], env);
    const list = runCli(['list'], '', g.env);
    expect(list.status).toBe(0);
    expect(list.stdout).toContain('Users and roles');
    const graded = runCli(
      ['grade', 'app-on-ec2', '--lessons', 'test/lessons/fixtures/good', '--solution', '-'],
      'aws iam create-user --user-name nobody\n',
      g.env,
    );
    expect(graded.status).toBe(1);
    expect(graded.stdout).toContain('app-on-ec2 / role-for-app: FAIL');
    expectNothingPlanted(list.stdout + graded.stdout + graded.stderr);
    expectUntouched(g.lines());
  });

  it('is not read by the tutorial or its sandbox in a terminal', async () => {
    const g = guard([WATCH_READS, NO_NETWORK], env);
    let t = (terminal = Terminal.open([], undefined, ['NO_COLOR=1', ...envWords(g.env)]));
    await t.waitFor((s) => s.includes('lessons completed'));
    t.send('Enter');
    await t.waitFor((s) => /Step 1\/\d+/.test(s));
    t.send('C-c');
    await t.waitForExit();

    t = terminal = Terminal.open(['console'], undefined, ['NO_COLOR=1', ...envWords(g.env)]);
    await t.waitFor((s) => s.includes('learner@laptop:~$'));
    t.type('aws configure list');
    await t.waitFor((s) => s.includes('configure list'));
    t.send('Enter');
    const screen = await t.waitFor((s) => s.includes('config-file'));
    expectNothingPlanted(screen);
    t.type('exit');
    t.send('Enter');
    await t.waitForExit();
    expectUntouched(g.lines());
  }, 30_000);
});
