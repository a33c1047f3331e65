// Commands that ask: the interactive `aws configure` (awscli/customizations/configure/configure.py:
// "AWS Access Key ID [None]: " ..., the keys shown by mask_value as 16 stars and their last 4
// characters, an empty answer keeping the value) and a role profile with `mfa_serial` (botocore's
// AssumeRoleCredentialFetcher: "Enter MFA code for <serial>: ", read unseen with getpass, the
// credentials cached in ~/.aws/cli/cache). The next line submitted is the answer.
import { describe, expect, it } from 'vitest';
import { completeLine } from '../../src/console/complete-line.js';
import { readMachineFile, currentMachine } from '../../src/console/machine.js';
import { createSandbox, SANDBOX_ACCOUNT } from '../../src/console/sandbox.js';
import { restoreSession, snapshotSession } from '../../src/console/session-file.js';
import type { ConsoleSession } from '../../src/console/session.js';
import {
  endOfInput,
  interruptQuestion,
  MAX_LINE_LENGTH,
  runLine,
} from '../../src/console/shell.js';
import { ADMIN_ARN, ok, run, trustPolicy } from './helpers.js';

const NOW = Date.UTC(2026, 10, 30, 10);
const file = (session: ConsoleSession, path: string) =>
  readMachineFile(currentMachine(session.state), path);

/** Submits a line that must leave a question pending; the question. */
function asks(session: ConsoleSession, line: string) {
  const result = runLine(session, line);
  if (result.kind !== 'question') throw new Error(`${line}: ${JSON.stringify(result)}`);
  return result;
}

const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

describe('aws configure, interactive', () => {
  it('asks the four questions of a new profile with [None], writing nothing before the last', () => {
    const session = createSandbox('configure', NOW);
    const before = { ...currentMachine(session.state).files };
    const first = asks(session, 'aws configure --profile dev');
    expect(first).toEqual({
      kind: 'question',
      stdout: '',
      stderr: '',
      // input() shows what is typed, the secret key too.
      question: { prompt: 'AWS Access Key ID [None]: ', secret: false },
    });
    expect(asks(session, KEY_ID).question.prompt).toBe('AWS Secret Access Key [None]: ');
    expect(asks(session, SECRET).question.prompt).toBe('Default region name [None]: ');
    expect(asks(session, 'eu-west-1').question.prompt).toBe('Default output format [None]: ');
    expect(currentMachine(session.state).files).toEqual(before);
    expect(run(session, 'text')).toMatchObject({ kind: 'done', stdout: '', exitCode: 0 });
    expect(file(session, '~/.aws/credentials')).toMatch(
      new RegExp(
        `\\[dev\\]\naws_access_key_id = ${KEY_ID}\naws_secret_access_key = ${SECRET.replace(/\//g, '\\/')}\n$`,
      ),
    );
    expect(file(session, '~/.aws/config')).toMatch(
      /\[profile dev\]\nregion = eu-west-1\noutput = text\n$/,
    );
  });

  it('shows what is set, the keys masked, and an empty answer keeps it', () => {
    const session = createSandbox('configure', NOW);
    const keyId = ok(session, 'aws configure get aws_access_key_id');
    const secret = ok(session, 'aws configure get aws_secret_access_key');
    const credentials = file(session, '~/.aws/credentials');
    expect(asks(session, 'aws configure').question.prompt).toBe(
      `AWS Access Key ID [****************${keyId.slice(-4)}]: `,
    );
    expect(asks(session, '').question.prompt).toBe(
      `AWS Secret Access Key [****************${secret.slice(-4)}]: `,
    );
    expect(asks(session, '').question.prompt).toBe('Default region name [us-east-1]: ');
    expect(asks(session, 'eu-west-2').question.prompt).toBe('Default output format [json]: ');
    expect(run(session, '').exitCode).toBe(0);
    expect(file(session, '~/.aws/credentials')).toBe(credentials);
    expect(ok(session, 'aws configure get region')).toBe('eu-west-2');
    expect(ok(session, 'aws configure get output')).toBe('json');
  });

  it('keeps its answers out of the history and out of Tab completion', () => {
    const session = createSandbox('configure', NOW);
    asks(session, 'aws configure --profile dev');
    expect(completeLine(session, 'aws i')).toEqual([[], 'aws i']);
    asks(session, KEY_ID);
    expect(session.state.history).toEqual(['aws configure --profile dev']);
  });

  it('reads an answer as typed, not as shell words', () => {
    const session = createSandbox('configure', NOW);
    asks(session, 'aws configure --profile odd');
    asks(session, '');
    asks(session, '');
    asks(session, "it's $HOME");
    run(session, '');
    expect(ok(session, 'aws configure get region --profile odd')).toBe("it's $HOME");
  });
});

describe('a chain around a question', () => {
  it('prints what ran before the question, and runs the rest of the line after the answer', () => {
    const session = createSandbox('chain', NOW);
    const asked = asks(session, 'echo before && aws configure --profile dev && echo after');
    expect(asked.stdout).toBe('before\n');
    for (const answer of [KEY_ID, SECRET, 'eu-west-1']) asks(session, answer);
    expect(run(session, 'json')).toMatchObject({ stdout: 'after\n', exitCode: 0 });
  });

  it('inside $( ) a question is refused, and nothing waits', () => {
    const session = createSandbox('chain', NOW);
    const result = run(session, 'echo "[$(aws configure)]"');
    expect(result.stdout).toBe('[]\n');
    expect(result.stderr).toBe(
      'iam-tutor: a command inside $( ) asks "AWS Access Key ID [****************' +
        `${ok(session, 'aws configure get aws_access_key_id').slice(-4)}]:", which cannot be ` +
        'answered in this console: run it on a line of its own first.\n',
    );
    expect(session.question).toBeUndefined();
  });

  it('Ctrl+C ends the command as the CLI does (a newline, 130) and drops the rest of the line', () => {
    const session = createSandbox('chain', NOW);
    asks(session, 'aws configure --profile dev; echo after');
    asks(session, KEY_ID);
    expect(interruptQuestion(session)).toEqual({ stdout: '\n', stderr: '', exitCode: 130 });
    expect(session.question).toBeUndefined();
    expect(ok(session, 'echo $?')).toBe('130');
    expect(file(session, '~/.aws/credentials')).not.toContain(KEY_ID);
  });

  it('a line too long to read is no answer: the question is asked again, and still waits', () => {
    const session = createSandbox('chain', NOW);
    asks(session, 'aws configure --profile dev');
    const refused = asks(session, 'x'.repeat(MAX_LINE_LENGTH + 1));
    expect(refused).toEqual({
      kind: 'question',
      stdout: '',
      stderr: `iam-tutor: the line is ${MAX_LINE_LENGTH + 1} characters; at most ${MAX_LINE_LENGTH} are read\n`,
      question: { prompt: 'AWS Access Key ID [None]: ', secret: false },
    });
    expect(asks(session, KEY_ID).question.prompt).toBe('AWS Secret Access Key [None]: ');
  });

  it('the end of the input fails the command as EOFError does (255), and the line goes on', () => {
    const session = createSandbox('chain', NOW);
    asks(session, 'aws configure --profile dev; echo "after $?"');
    expect(endOfInput(session)).toEqual({
      kind: 'done',
      stdout: 'after 255\n',
      stderr: '\n\n',
      exitCode: 0,
    });
  });

  it('a session saved mid-question restores without it, and the answers typed are not saved', () => {
    const session = createSandbox('snapshot', NOW);
    asks(session, 'aws configure --profile dev');
    asks(session, KEY_ID);
    const saved = snapshotSession(session);
    expect(saved).not.toContain(KEY_ID);
    const restored = restoreSession(saved);
    if (!restored.ok) throw new Error(restored.message);
    expect(restored.session.question).toBeUndefined();
    expect(ok(restored.session, 'echo restored')).toBe('restored');
    // The session that was saved still waits for its answer.
    expect(asks(session, SECRET).question.prompt).toBe('Default region name [None]: ');
  });
});

const SERIAL = `arn:aws:iam::${SANDBOX_ACCOUNT}:mfa/admin-phone`;
const ROLE_ARN = `arn:aws:iam::${SANDBOX_ACCOUNT}:role/breakglass`;
const WHO = 'aws sts get-caller-identity --profile breakglass --query Arn --output text';

/** admin with a virtual MFA device; a role only MFA sessions may assume; its profile. */
function mfaProfile(): ConsoleSession {
  const session = createSandbox('mfa-profile', NOW);
  ok(
    session,
    'aws iam create-virtual-mfa-device --virtual-mfa-device-name admin-phone --outfile ~/seed.txt --bootstrap-method Base32StringSeed',
  );
  const first = ok(session, 'mfa-code ~/seed.txt');
  ok(session, 'wait 30s');
  ok(
    session,
    `aws iam enable-mfa-device --user-name admin --serial-number ${SERIAL} --authentication-code1 ${first} --authentication-code2 $(mfa-code ~/seed.txt)`,
  );
  ok(session, 'wait 30s');
  const trust = trustPolicy({ AWS: ADMIN_ARN }, { Bool: { 'aws:MultiFactorAuthPresent': 'true' } });
  ok(
    session,
    `aws iam create-role --role-name breakglass --assume-role-policy-document '${trust}'`,
  );
  ok(session, `aws configure set profile.breakglass.role_arn ${ROLE_ARN}`);
  ok(session, 'aws configure set profile.breakglass.source_profile default');
  ok(session, `aws configure set profile.breakglass.mfa_serial ${SERIAL}`);
  return session;
}

const cacheFiles = (session: ConsoleSession) =>
  Object.keys(currentMachine(session.state).files).filter((path) =>
    path.includes('/.aws/cli/cache/'),
  );

describe('a role profile with mfa_serial', () => {
  // The role's trust policy requires MFA: that the role is assumed shows the code went with it.
  it('asks for a code unseen, assumes the role with it, runs the command, and caches', () => {
    const session = mfaProfile();
    const code = ok(session, 'mfa-code ~/seed.txt');
    expect(asks(session, WHO)).toEqual({
      kind: 'question',
      stdout: '',
      stderr: '',
      question: { prompt: `Enter MFA code for ${SERIAL}: `, secret: true },
    });
    expect(run(session, code)).toMatchObject({
      kind: 'done',
      stdout: expect.stringMatching(
        /^arn:aws:sts::111122223333:assumed-role\/breakglass\/botocore-session-\d+\n$/,
      ) as unknown,
      stderr: '',
      exitCode: 0,
    });
    expect(cacheFiles(session)).toHaveLength(1);
    // The next command signs with the cached credentials: no question.
    expect(run(session, WHO)).toMatchObject({ kind: 'done', exitCode: 0 });
  });

  it("a wrong code is refused with STS's error, nothing is cached, and the next command asks again", () => {
    const session = mfaProfile();
    const code = ok(session, 'mfa-code ~/seed.txt');
    asks(session, WHO);
    expect(run(session, code === '000000' ? '111111' : '000000')).toMatchObject({
      stdout: '',
      stderr:
        '\nAn error occurred (AccessDenied) when calling the AssumeRole operation: MultiFactorAuthentication failed with invalid MFA one time pass code.\n',
      exitCode: 254,
    });
    expect(cacheFiles(session)).toEqual([]);
    asks(session, WHO);
  });

  it("an empty code fails botocore's parameter validation", () => {
    const session = mfaProfile();
    asks(session, WHO);
    expect(run(session, '')).toMatchObject({
      stderr:
        '\nParameter validation failed:\nInvalid length for parameter TokenCode, value: 0, valid min length: 6\n',
      exitCode: 252,
    });
  });

  it('asks once in a chain: the second command of the line finds the cache', () => {
    const session = mfaProfile();
    const code = ok(session, 'mfa-code ~/seed.txt');
    asks(session, `${WHO} && AWS_PROFILE=breakglass aws sts get-caller-identity --query Arn`);
    const done = run(session, code);
    expect(done.exitCode).toBe(0);
    expect(done.stdout.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('a NAME=value prefix holds when the command runs again with the answer', () => {
    const session = mfaProfile();
    const code = ok(session, 'mfa-code ~/seed.txt');
    asks(session, 'AWS_PROFILE=breakglass aws sts get-caller-identity --query Arn --output text');
    expect(run(session, code).stdout).toContain(':assumed-role/breakglass/');
    expect(currentMachine(session.state).env.AWS_PROFILE).toBeUndefined();
  });
});
