// Where the AWS CLI finds the credentials, region and output format of a command, in the order of
// botocore's chain (botocore/credentials.py, "Configuration and credential file settings" in the
// AWS CLI User Guide): an explicit `--profile` first, else the environment's keys, else the
// profile of AWS_PROFILE (or `default`): a role profile (`role_arn` with `source_profile`), then
// the credentials file, then the config file. Instance roles come from the machine's metadata
// service where there is one.
import type { Credentials } from '../aws/caller.js';
import { digestOf } from '../aws/ids.js';
import { cliError, type CliError } from './cli-errors.js';
import { parseSections, profileSection } from './config-files.js';
import type { GlobalOptions, OutputFormat } from './global-options.js';
import { readMachineFile, writeMachineFile, type Machine } from './machine.js';

/** What a role profile asks STS for. */
export interface RoleProfile {
  roleArn: string;
  roleSessionName: string;
  externalId?: string;
  durationSeconds?: number;
  mfaSerial?: string;
}

/** Calls AssumeRole with the source credentials: the temporary credentials, or the CLI's error. */
export type AssumeRole = (
  source: Credentials,
  role: RoleProfile,
) => { ok: true; credentials: Credentials; expiration: string } | { ok: false; error: CliError };

export type Resolved<T> = { ok: true; value: T } | { ok: false; error: CliError };

/** Providers of the chain that reach outside the files: the instance role, credential_process. */
export interface CredentialSources {
  /** On an EC2 instance: its role's credentials from the metadata service. */
  instanceRole?: () => Credentials | undefined;
  /** Runs a profile's `credential_process` command line: its stdout, or its error output. */
  credentialProcess?: (
    commandLine: string,
  ) => { ok: true; stdout: string } | { ok: false; stderr: string };
}

/** The settings of one profile: the credentials file's over the config file's, as botocore merges. */
interface Profile {
  name: string;
  settings: Record<string, string>;
  /** Whether either file has the profile at all. */
  exists: boolean;
}

const CONFIGURATION_ERROR = 253;

const noCredentials = (): CliError =>
  cliError(
    'Unable to locate credentials. You can configure credentials by running "aws configure".',
    CONFIGURATION_ERROR,
  );

const profileNotFound = (name: string): CliError =>
  cliError(`The config profile (${name}) could not be found`, CONFIGURATION_ERROR);

function loadProfile(machine: Machine, name: string): Profile {
  const config = parseSections(readMachineFile(machine, '~/.aws/config') ?? '');
  const credentials = parseSections(readMachineFile(machine, '~/.aws/credentials') ?? '');
  const fromConfig = config[profileSection(name, 'config')];
  const fromCredentials = credentials[profileSection(name, 'credentials')];
  return {
    name,
    settings: { ...fromConfig, ...fromCredentials },
    exists: fromConfig !== undefined || fromCredentials !== undefined,
  };
}

/** A profile's settings as botocore's scoped config has them: the credentials file's win. */
export const profileSettings = (machine: Machine, name: string): Readonly<Record<string, string>> =>
  loadProfile(machine, name).settings;

/** The profile a command uses: `--profile`, else AWS_PROFILE, else `default`. */
export function profileName(machine: Machine, globals: GlobalOptions): string {
  // botocore reads AWS_DEFAULT_PROFILE before AWS_PROFILE.
  return globals.profile ?? machine.env.AWS_DEFAULT_PROFILE ?? machine.env.AWS_PROFILE ?? 'default';
}

/** Whether the profile was asked for by name, so that its absence is an error. */
function namedExplicitly(machine: Machine, globals: GlobalOptions): boolean {
  return (
    globals.profile !== undefined ||
    machine.env.AWS_PROFILE !== undefined ||
    machine.env.AWS_DEFAULT_PROFILE !== undefined
  );
}

function staticCredentials(
  settings: Readonly<Record<string, string | undefined>>,
  names: { id: string; secret: string; token: string },
  where: string,
): Resolved<Credentials> | undefined {
  // Empty values count as unset, as botocore's providers read them.
  const accessKeyId = settings[names.id] || undefined;
  const secretAccessKey = settings[names.secret] || undefined;
  if (accessKeyId === undefined && secretAccessKey === undefined) return undefined;
  if (accessKeyId === undefined || secretAccessKey === undefined) {
    const missing = accessKeyId === undefined ? names.id : names.secret;
    return {
      ok: false,
      error: cliError(`Partial credentials found in ${where}, missing: ${missing}`),
    };
  }
  const sessionToken = settings[names.token];
  return {
    ok: true,
    value: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) },
  };
}

const ENV_NAMES = {
  id: 'AWS_ACCESS_KEY_ID',
  secret: 'AWS_SECRET_ACCESS_KEY',
  token: 'AWS_SESSION_TOKEN',
};
const FILE_NAMES = {
  id: 'aws_access_key_id',
  secret: 'aws_secret_access_key',
  token: 'aws_session_token',
};

/**
 * The CLI keeps a role profile's credentials in `~/.aws/cli/cache/<key>.json` and signs with
 * them until they come near their end, instead of calling AssumeRole for every command
 * (botocore's AssumeRoleCredentialFetcher: the key hashes the AssumeRole arguments, a generated
 * session name left out, the MFA serial in but not the code; credentials within 15 minutes of
 * expiring are renewed). So a role with `mfa_serial` asks for a code once, not on each command.
 */
const CACHE_REFRESH_MS = 15 * 60 * 1000;

function cachePath(role: RoleProfile): string {
  const args = {
    RoleArn: role.roleArn,
    ...(role.roleSessionName.startsWith('botocore-session-')
      ? {}
      : { RoleSessionName: role.roleSessionName }),
    ...(role.externalId === undefined ? {} : { ExternalId: role.externalId }),
    ...(role.durationSeconds === undefined ? {} : { DurationSeconds: role.durationSeconds }),
    ...(role.mfaSerial === undefined ? {} : { SerialNumber: role.mfaSerial }),
  };
  return `~/.aws/cli/cache/${digestOf(JSON.stringify(args), 40, '0123456789abcdef')}.json`;
}

function readCache(machine: Machine, role: RoleProfile, now: number): Credentials | undefined {
  const text = readMachineFile(machine, cachePath(role));
  if (text === undefined) return undefined;
  try {
    const cached = JSON.parse(text) as { Credentials?: Record<string, unknown> };
    const c = cached.Credentials ?? {};
    const expiration = typeof c.Expiration === 'string' ? Date.parse(c.Expiration) : NaN;
    if (!(expiration - now > CACHE_REFRESH_MS)) return undefined;
    const [id, secret, token] = [c.AccessKeyId, c.SecretAccessKey, c.SessionToken];
    if (typeof id !== 'string' || typeof secret !== 'string' || typeof token !== 'string') {
      return undefined;
    }
    return { accessKeyId: id, secretAccessKey: secret, sessionToken: token };
  } catch {
    return undefined; // a damaged cache is ignored, as botocore does
  }
}

function writeCache(
  machine: Machine,
  role: RoleProfile,
  credentials: Credentials,
  expiration: string,
): void {
  const cached = {
    Credentials: {
      AccessKeyId: credentials.accessKeyId,
      SecretAccessKey: credentials.secretAccessKey,
      SessionToken: credentials.sessionToken,
      Expiration: expiration,
    },
    ProviderType: 'sts-assume-role',
  };
  writeMachineFile(machine, cachePath(role), JSON.stringify(cached));
}

/** Role profiles may chain through source profiles; a loop is a configuration error. */
const MAX_SOURCE_DEPTH = 10;

function roleOf(profile: Profile, now: number): RoleProfile | undefined {
  const { settings } = profile;
  const roleArn = settings.role_arn;
  if (roleArn === undefined) return undefined;
  const duration = settings.duration_seconds;
  return {
    roleArn,
    // botocore names the session after the time when the profile does not.
    roleSessionName: settings.role_session_name ?? `botocore-session-${Math.floor(now / 1000)}`,
    ...(settings.external_id === undefined ? {} : { externalId: settings.external_id }),
    ...(duration === undefined
      ? {}
      : { durationSeconds: /^\d+$/.test(duration.trim()) ? Number(duration) : NaN }),
    ...(settings.mfa_serial === undefined ? {} : { mfaSerial: settings.mfa_serial }),
  };
}

function profileCredentials(
  machine: Machine,
  profile: Profile,
  assumeRole: AssumeRole,
  now: number,
  depth: number,
): Resolved<Credentials> | undefined {
  const role = roleOf(profile, now);
  if (role !== undefined && Number.isNaN(role.durationSeconds)) {
    return {
      ok: false,
      error: cliError(
        `The duration_seconds of profile "${profile.name}" is not a number of seconds: ${profile.settings.duration_seconds ?? ''}`,
        CONFIGURATION_ERROR,
      ),
    };
  }
  const cached = role && readCache(machine, role, now);
  if (cached) return { ok: true, value: cached };
  if (role !== undefined) {
    const sourceName = profile.settings.source_profile;
    if (sourceName === undefined) {
      return {
        ok: false,
        error: cliError(
          `The profile "${profile.name}" has role_arn but no source_profile: the simulated CLI takes its credentials from a source profile.`,
          CONFIGURATION_ERROR,
        ),
      };
    }
    const source = loadProfile(machine, sourceName);
    if (!source.exists) return { ok: false, error: profileNotFound(sourceName) };
    if (depth >= MAX_SOURCE_DEPTH) {
      return {
        ok: false,
        error: cliError(
          `Infinite loop in credential configuration detected. Attempting to load from profile ${sourceName} which has already been visited.`,
          CONFIGURATION_ERROR,
        ),
      };
    }
    // A source profile's own role_arn is not followed only when it also has static keys.
    const sourceCredentials =
      staticCredentials(source.settings, FILE_NAMES, 'shared-credentials-file') ??
      profileCredentials(machine, source, assumeRole, now, depth + 1);
    if (sourceCredentials === undefined) return { ok: false, error: noCredentials() };
    if (!sourceCredentials.ok) return sourceCredentials;
    const assumed = assumeRole(sourceCredentials.value, role);
    if (!assumed.ok) return assumed;
    writeCache(machine, role, assumed.credentials, assumed.expiration);
    return { ok: true, value: assumed.credentials };
  }
  return staticCredentials(profile.settings, FILE_NAMES, 'shared-credentials-file');
}

/**
 * A profile's `credential_process`: the command prints JSON credentials (Version 1), as
 * `aws_signing_helper credential-process` does for Roles Anywhere ("Sourcing credentials with an
 * external process" in the AWS CLI User Guide).
 */
function processCredentials(
  profile: Profile,
  run: CredentialSources['credentialProcess'],
): Resolved<Credentials> | undefined {
  const commandLine = profile.settings.credential_process;
  if (commandLine === undefined || run === undefined) return undefined;
  const failure = (message: string): Resolved<Credentials> => ({
    ok: false,
    error: cliError(`Error when retrieving credentials from custom-process: ${message}`),
  });
  const result = run(commandLine);
  if (!result.ok) return failure(result.stderr.trim());
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(result.stdout) as Record<string, unknown>;
  } catch {
    return failure('the output is not JSON');
  }
  const {
    Version: version,
    AccessKeyId: id,
    SecretAccessKey: secret,
    SessionToken: token,
  } = parsed;
  if (version !== 1) {
    return failure(
      `Unsupported version '${String(version)}' for credential process provider, supported versions: 1`,
    );
  }
  if (typeof id !== 'string' || typeof secret !== 'string') {
    return failure('the output lacks AccessKeyId or SecretAccessKey');
  }
  const value = { accessKeyId: id, secretAccessKey: secret };
  return {
    ok: true,
    value: typeof token === 'string' ? { ...value, sessionToken: token } : value,
  };
}

/** Which provider of the chain gave the credentials, in `aws configure list`'s words. */
export type CredentialType =
  'env' | 'shared-credentials-file' | 'config-file' | 'assume-role' | 'custom-process' | 'iam-role';

/**
 * The credentials a command signs with, and the provider of the chain that gave them; the CLI's
 * error when there are none. On an EC2 instance the last provider is its role, from the metadata
 * service (`sources.instanceRole`).
 */
export function findCredentials(
  machine: Machine,
  globals: GlobalOptions,
  assumeRole: AssumeRole,
  now: number,
  sources: CredentialSources = {},
): Resolved<{ credentials: Credentials; type: CredentialType }> {
  const found = (
    result: Resolved<Credentials>,
    type: CredentialType,
  ): Resolved<{ credentials: Credentials; type: CredentialType }> =>
    result.ok ? { ok: true, value: { credentials: result.value, type } } : result;
  if (globals.profile === undefined) {
    const fromEnv = staticCredentials(machine.env, ENV_NAMES, 'env');
    if (fromEnv) return found(fromEnv, 'env');
  }
  const profile = loadProfile(machine, profileName(machine, globals));
  if (!profile.exists && namedExplicitly(machine, globals)) {
    return { ok: false, error: profileNotFound(profile.name) };
  }
  const fromProfile = profileCredentials(machine, profile, assumeRole, now, 0);
  if (fromProfile) {
    const fromCredentialsFile =
      parseSections(readMachineFile(machine, '~/.aws/credentials') ?? '')[
        profileSection(profile.name, 'credentials')
      ]?.aws_access_key_id !== undefined;
    const type =
      roleOf(profile, now) !== undefined
        ? 'assume-role'
        : fromCredentialsFile
          ? 'shared-credentials-file'
          : 'config-file';
    return found(fromProfile, type);
  }
  const fromProcess = processCredentials(profile, sources.credentialProcess);
  if (fromProcess) return found(fromProcess, 'custom-process');
  const fromInstance = sources.instanceRole?.();
  return fromInstance
    ? { ok: true, value: { credentials: fromInstance, type: 'iam-role' } }
    : { ok: false, error: noCredentials() };
}

/** Where a request goes: `--region`, the environment, the profile; us-east-1 when none says. */
export function resolveRegion(machine: Machine, globals: GlobalOptions): string {
  return (
    globals.region ??
    machine.env.AWS_REGION ??
    machine.env.AWS_DEFAULT_REGION ??
    loadProfile(machine, profileName(machine, globals)).settings.region ??
    'us-east-1'
  );
}

const FORMATS: readonly OutputFormat[] = ['json', 'text', 'table'];

/** `--output`, AWS_DEFAULT_OUTPUT, the profile's `output`, else json. */
export function resolveOutput(machine: Machine, globals: GlobalOptions): OutputFormat {
  const configured =
    machine.env.AWS_DEFAULT_OUTPUT ??
    loadProfile(machine, profileName(machine, globals)).settings.output;
  return globals.output ?? FORMATS.find((format) => format === configured) ?? 'json';
}
