// `aws configure set|get` on the machine's `~/.aws/credentials` and `~/.aws/config`
// (awscli/customizations/configure/): keys go to the credentials file, every other setting to the
// config file, in the section of the profile (`--profile`, the environment's, else `default`), or
// of the one a dotted name gives (`default.region`, `profile.dev.region`). The bare interactive
// `aws configure` asks four questions; in the console the same is done with `set`, which it
// suggests. `configure list` shows which profile, credentials and region a command would use,
// and where each comes from (awscli/customizations/configure/list.py).
import { USAGE } from './cli-errors.js';
import { parseSections, profileSection, setValue } from './config-files.js';
import { profileName, type CredentialType, type Resolved } from './credentials.js';
import type { Credentials } from '../aws/caller.js';
import { readMachineFile, writeMachineFile, type Machine } from './machine.js';
import type { NotSimulated } from './parse-command.js';
import { failed, printed, type LineOutput } from './session.js';

const CREDENTIAL_KEYS = new Set([
  'aws_access_key_id',
  'aws_secret_access_key',
  'aws_session_token',
]);

const fileOf = (key: string): 'credentials' | 'config' =>
  CREDENTIAL_KEYS.has(key) ? 'credentials' : 'config';

const pathOf = (file: 'credentials' | 'config') => `~/.aws/${file}`;

/** The profile and setting a name means: `default.region` and `profile.dev.region` name both. */
function setting(profile: string, name: string): { profile: string; key: string } {
  const dotted = /^(?:default|profile\.(.+))\.([^.]+)$/.exec(name);
  if (dotted === null) return { profile, key: name };
  return { profile: dotted[1] ?? 'default', key: dotted[2] ?? name };
}

function usage(message: string): LineOutput {
  return failed(`\n${USAGE}\naws: error: ${message}\n`, 252);
}

function set(machine: Machine, current: string, words: readonly string[]): LineOutput {
  const [name, value, ...extra] = words;
  if (name === undefined || value === undefined) {
    return usage('the following arguments are required: varname, value');
  }
  if (extra.length > 0) return usage(`Unknown options: ${extra.join(', ')}`);
  const { profile, key } = setting(current, name);
  const file = fileOf(key);
  const text = readMachineFile(machine, pathOf(file)) ?? '';
  writeMachineFile(
    machine,
    pathOf(file),
    setValue(text, profileSection(profile, file), key, value),
  );
  return printed('');
}

/** The value, or exit 1 with nothing printed when it is not set (configure get's contract). */
function get(machine: Machine, current: string, words: readonly string[]): LineOutput {
  const [name, ...extra] = words;
  if (name === undefined) return usage('the following arguments are required: varname');
  if (extra.length > 0) return usage(`Unknown options: ${extra.join(', ')}`);
  const { profile, key } = setting(current, name);
  const file = fileOf(key);
  const sections = parseSections(readMachineFile(machine, pathOf(file)) ?? '');
  const value = sections[profileSection(profile, file)]?.[key];
  return value === undefined ? failed('', 1) : printed(`${value}\n`);
}

const INTERACTIVE =
  '\niam-tutor: the simulated CLI does not ask questions. Set each value instead, e.g.\n' +
  '  aws configure set aws_access_key_id AKIA...\n' +
  '  aws configure set aws_secret_access_key ...\n' +
  '  aws configure set region us-east-1\n' +
  '(add --profile NAME for a named profile), which writes the same files as `aws configure`.\n';

/** What the credential chain finds for the command's profile (aws-command.ts resolves it). */
export type FindCredentials = () => Resolved<{ credentials: Credentials; type: CredentialType }>;

interface Setting {
  value: string;
  type: string;
  location: string;
}

const NOT_SET: Setting = { value: '<not set>', type: 'None', location: 'None' };

/** list.py's row: `'%10s %24s %16s    %s'`. */
const row = (name: string, { value, type, location }: Setting) =>
  `${name.padStart(10)} ${value.padStart(24)} ${type.padStart(16)}    ${location}\n`;

/** The first of the variables that is set, as an `env` setting. */
function fromEnv(env: Readonly<Record<string, string>>, names: readonly string[]) {
  const name = names.find((candidate) => env[candidate]);
  const value = name === undefined ? undefined : env[name];
  return name === undefined || value === undefined
    ? undefined
    : { value, type: 'env', location: name };
}

function list(machine: Machine, parsed: NotSimulated, find: FindCredentials): LineOutput {
  const { globals } = parsed;
  const profile: Setting =
    (globals.profile === undefined
      ? undefined
      : { value: globals.profile, type: 'manual', location: '--profile' }) ??
    fromEnv(machine.env, ['AWS_DEFAULT_PROFILE', 'AWS_PROFILE']) ??
    NOT_SET;
  const found = find();
  const key = (secret: string | undefined): Setting =>
    found.ok && secret !== undefined
      ? { value: `${'*'.repeat(16)}${secret.slice(-4)}`, type: found.value.type, location: '' }
      : NOT_SET;
  const credentials = found.ok ? found.value.credentials : undefined;
  const configured = parseSections(readMachineFile(machine, pathOf('config')) ?? '')[
    profileSection(profileName(machine, globals), 'config')
  ]?.region;
  const region: Setting =
    (globals.region === undefined
      ? undefined
      : { value: globals.region, type: 'manual', location: '--region' }) ??
    fromEnv(machine.env, ['AWS_REGION', 'AWS_DEFAULT_REGION']) ??
    (configured === undefined
      ? undefined
      : { value: configured, type: 'config-file', location: pathOf('config') }) ??
    NOT_SET;
  return printed(
    row('Name', { value: 'Value', type: 'Type', location: 'Location' }) +
      row('----', { value: '-----', type: '----', location: '--------' }) +
      row('profile', profile) +
      row('access_key', key(credentials?.accessKeyId)) +
      row('secret_key', key(credentials?.secretAccessKey)) +
      row('region', region),
  );
}

export function runConfigure(
  machine: Machine,
  parsed: NotSimulated,
  find: FindCredentials,
): LineOutput {
  const [subcommand, ...words] = parsed.args;
  const profile = profileName(machine, parsed.globals);
  switch (subcommand) {
    case 'set':
      return set(machine, profile, words);
    case 'get':
      return get(machine, profile, words);
    case 'list':
      return list(machine, parsed, find);
    case undefined:
      return failed(INTERACTIVE, 252);
    default:
      return usage(
        `argument subcommand: Invalid choice: '${subcommand}' (choose from set, get, list)`,
      );
  }
}
