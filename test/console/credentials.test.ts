// The CLI's credential chain (botocore/credentials.py; "Configuration and credential file
// settings" and "Command line options" in the AWS CLI User Guide): which credentials, region and
// output a command uses, and the CLI's errors when there are none.
import { describe, expect, it } from 'vitest';
import type { Credentials } from '../../src/aws/caller.js';
import {
  findCredentials,
  resolveOutput,
  resolveRegion,
  type AssumeRole,
  type RoleProfile,
} from '../../src/console/credentials.js';
import type { GlobalOptions } from '../../src/console/global-options.js';
import type { Machine } from '../../src/console/machine.js';

const HOME = '/home/learner';
const NOW = Date.UTC(2026, 10, 30, 10);

function machine(files: { credentials?: string; config?: string }, env = {}): Machine {
  return {
    name: 'laptop',
    user: 'learner',
    home: HOME,
    files: {
      ...(files.credentials ? { [`${HOME}/.aws/credentials`]: files.credentials } : {}),
      ...(files.config ? { [`${HOME}/.aws/config`]: files.config } : {}),
    },
    env,
    sourceIp: '198.51.100.10',
  };
}

const globals = (extra: Partial<GlobalOptions> = {}): GlobalOptions => ({
  debug: false,
  noCliPager: false,
  noPaginate: false,
  noSignRequest: false,
  ...extra,
});

const CREDENTIALS = [
  '[default]',
  'aws_access_key_id = AKIADEFAULT',
  'aws_secret_access_key = default-secret',
  '[dev]',
  'aws_access_key_id = AKIADEV',
  'aws_secret_access_key = dev-secret',
].join('\n');

const ENV = { AWS_ACCESS_KEY_ID: 'AKIAENV', AWS_SECRET_ACCESS_KEY: 'env-secret' };

/** An AssumeRole that records its calls and hands out a session named after the role. */
function recordingAssumeRole() {
  const calls: { source: Credentials; role: RoleProfile }[] = [];
  const assumeRole: AssumeRole = (source, role) => {
    calls.push({ source, role });
    return {
      ok: true,
      credentials: { accessKeyId: 'ASIAROLE', secretAccessKey: 's', sessionToken: 't' },
      expiration: '2026-11-30T11:00:00Z',
    };
  };
  return { calls, assumeRole };
}

const noAssume: AssumeRole = () => {
  throw new Error('no role profile here');
};

function found(m: Machine, options: GlobalOptions, assumeRole = noAssume) {
  const result = findCredentials(m, options, assumeRole, NOW);
  if (!result.ok) throw new Error(result.error.stderr);
  return result.value;
}

const keyId = (m: Machine, options: GlobalOptions, assumeRole = noAssume) =>
  found(m, options, assumeRole).credentials.accessKeyId;

const typeOf = (m: Machine, options: GlobalOptions, assumeRole = noAssume) =>
  found(m, options, assumeRole).type;

function errorOf(m: Machine, options: GlobalOptions) {
  const result = findCredentials(m, options, noAssume, NOW);
  if (result.ok) throw new Error('expected no credentials');
  return result.error;
}

describe('findCredentials: the order of the chain', () => {
  it('uses the default profile of the credentials file', () => {
    expect(keyId(machine({ credentials: CREDENTIALS }), globals())).toBe('AKIADEFAULT');
    expect(typeOf(machine({ credentials: CREDENTIALS }), globals())).toBe(
      'shared-credentials-file',
    );
  });

  it('environment keys come before the profile files, AWS_PROFILE included', () => {
    const m = machine({ credentials: CREDENTIALS }, { ...ENV, AWS_PROFILE: 'dev' });
    expect(keyId(m, globals())).toBe('AKIAENV');
    expect(typeOf(m, globals())).toBe('env');
  });

  it('an explicit --profile comes before the environment keys', () => {
    const m = machine({ credentials: CREDENTIALS }, ENV);
    expect(keyId(m, globals({ profile: 'dev' }))).toBe('AKIADEV');
  });

  it('AWS_PROFILE picks the profile when there are no environment keys', () => {
    const m = machine({ credentials: CREDENTIALS }, { AWS_PROFILE: 'dev' });
    expect(keyId(m, globals())).toBe('AKIADEV');
  });

  it('keys in the config file count too, the credentials file winning', () => {
    const config = '[profile dev]\naws_access_key_id = AKIACONFIG\naws_secret_access_key = x\n';
    expect(keyId(machine({ config }), globals({ profile: 'dev' }))).toBe('AKIACONFIG');
    expect(typeOf(machine({ config }), globals({ profile: 'dev' }))).toBe('config-file');
    expect(keyId(machine({ config, credentials: CREDENTIALS }), globals({ profile: 'dev' }))).toBe(
      'AKIADEV',
    );
  });

  it('carries the session token of temporary credentials', () => {
    const m = machine({}, { ...ENV, AWS_SESSION_TOKEN: 'token' });
    expect(findCredentials(m, globals(), noAssume, NOW)).toMatchObject({
      ok: true,
      value: { credentials: { accessKeyId: 'AKIAENV', sessionToken: 'token' }, type: 'env' },
    });
  });
});

describe('findCredentials: the CLI errors', () => {
  it('no credentials anywhere: exit 253 and the CLI sentence', () => {
    expect(errorOf(machine({}), globals())).toEqual({
      kind: 'error',
      exitCode: 253,
      stderr:
        '\nUnable to locate credentials. You can configure credentials by running "aws configure".\n',
    });
  });

  it('a profile named but missing: The config profile (x) could not be found', () => {
    const expected = '\nThe config profile (nope) could not be found\n';
    expect(
      errorOf(machine({ credentials: CREDENTIALS }), globals({ profile: 'nope' })).stderr,
    ).toBe(expected);
    const viaEnv = machine({ credentials: CREDENTIALS }, { AWS_PROFILE: 'nope' });
    expect(errorOf(viaEnv, globals()).stderr).toBe(expected);
  });

  it('half a key pair in the environment is partial credentials', () => {
    const m = machine({}, { AWS_ACCESS_KEY_ID: 'AKIAENV' });
    expect(errorOf(m, globals()).stderr).toContain(
      'Partial credentials found in env, missing: AWS_SECRET_ACCESS_KEY',
    );
  });
});

describe('findCredentials: role profiles (role_arn + source_profile)', () => {
  const config = [
    '[profile admin]',
    'role_arn = arn:aws:iam::111122223333:role/admin',
    'source_profile = default',
    'external_id = ext-1',
    'duration_seconds = 1800',
    '[profile chained]',
    'role_arn = arn:aws:iam::444455556666:role/deploy',
    'source_profile = admin',
    'role_session_name = ci',
    '[profile loop-a]',
    'role_arn = arn:aws:iam::111122223333:role/a',
    'source_profile = loop-b',
    '[profile loop-b]',
    'role_arn = arn:aws:iam::111122223333:role/b',
    'source_profile = loop-a',
  ].join('\n');
  // A new machine for each test: the CLI's credential cache is one of its files.
  const fresh = () => machine({ credentials: CREDENTIALS, config });

  it('assumes the role with the source profile keys, its settings, and a botocore session name', () => {
    const { calls, assumeRole } = recordingAssumeRole();
    expect(found(fresh(), globals({ profile: 'admin' }), assumeRole)).toEqual({
      credentials: { accessKeyId: 'ASIAROLE', secretAccessKey: 's', sessionToken: 't' },
      type: 'assume-role',
    });
    expect(calls).toEqual([
      {
        source: { accessKeyId: 'AKIADEFAULT', secretAccessKey: 'default-secret' },
        role: {
          roleArn: 'arn:aws:iam::111122223333:role/admin',
          roleSessionName: `botocore-session-${NOW / 1000}`,
          externalId: 'ext-1',
          durationSeconds: 1800,
        },
      },
    ]);
  });

  it('follows a chain of role profiles, each signed by the one before', () => {
    const { calls, assumeRole } = recordingAssumeRole();
    keyId(fresh(), globals({ profile: 'chained' }), assumeRole);
    expect(calls.map((call) => [call.source.accessKeyId, call.role.roleArn])).toEqual([
      ['AKIADEFAULT', 'arn:aws:iam::111122223333:role/admin'],
      ['ASIAROLE', 'arn:aws:iam::444455556666:role/deploy'],
    ]);
    expect(calls[1]?.role.roleSessionName).toBe('ci');
  });

  it('reports a loop of source profiles instead of running forever', () => {
    const { assumeRole } = recordingAssumeRole();
    const result = findCredentials(fresh(), globals({ profile: 'loop-a' }), assumeRole, NOW);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.stderr).toContain('Infinite loop in credential configuration');
  });

  it('keeps the role credentials in the CLI cache until 15 minutes before they expire', () => {
    const { calls, assumeRole } = recordingAssumeRole();
    const laptop = fresh();
    const resolve = (now: number) =>
      findCredentials(laptop, globals({ profile: 'admin' }), assumeRole, now);
    resolve(NOW);
    resolve(NOW + 40 * 60 * 1000);
    expect(calls).toHaveLength(1);
    expect(
      Object.keys(laptop.files).some((path) => path.startsWith(`${HOME}/.aws/cli/cache/`)),
    ).toBe(true);
    resolve(NOW + 46 * 60 * 1000);
    expect(calls).toHaveLength(2);
  });

  it('passes on the error of AssumeRole', () => {
    const denied: AssumeRole = () => ({
      ok: false,
      error: { kind: 'error', exitCode: 254, stderr: '\nAccessDenied\n' },
    });
    expect(findCredentials(fresh(), globals({ profile: 'admin' }), denied, NOW)).toEqual({
      ok: false,
      error: { kind: 'error', exitCode: 254, stderr: '\nAccessDenied\n' },
    });
  });
});

describe('region and output', () => {
  const config =
    '[default]\nregion = eu-west-1\noutput = table\n[profile dev]\nregion = ap-south-1\n';

  it('--region, then AWS_REGION, AWS_DEFAULT_REGION, the profile, else us-east-1', () => {
    expect(resolveRegion(machine({ config }), globals({ region: 'us-west-2' }))).toBe('us-west-2');
    expect(resolveRegion(machine({ config }, { AWS_REGION: 'sa-east-1' }), globals())).toBe(
      'sa-east-1',
    );
    expect(
      resolveRegion(machine({ config }, { AWS_DEFAULT_REGION: 'ca-central-1' }), globals()),
    ).toBe('ca-central-1');
    expect(resolveRegion(machine({ config }), globals())).toBe('eu-west-1');
    expect(resolveRegion(machine({ config }), globals({ profile: 'dev' }))).toBe('ap-south-1');
    expect(resolveRegion(machine({}), globals())).toBe('us-east-1');
  });

  it('--output, then AWS_DEFAULT_OUTPUT, the profile, else json', () => {
    expect(resolveOutput(machine({ config }), globals({ output: 'text' }))).toBe('text');
    expect(resolveOutput(machine({ config }, { AWS_DEFAULT_OUTPUT: 'text' }), globals())).toBe(
      'text',
    );
    expect(resolveOutput(machine({ config }), globals())).toBe('table');
    expect(resolveOutput(machine({}), globals())).toBe('json');
  });
});
