// `aws configure set|get` on the machine's `~/.aws/credentials` and `~/.aws/config`
// (awscli/customizations/configure/): keys go to the credentials file, every other setting to the
// config file, in the section of the profile (`--profile`, the environment's, else `default`), or
// of the one a dotted name gives (`default.region`, `profile.dev.region`). The bare `aws configure`
// asks four questions, showing each current value (the keys masked), and writes the answers that
// change one (configure.py's ConfigureCommand). `configure list` shows which profile, credentials
// and region a command would use, and where each comes from (awscli/customizations/configure/list.py).
import { USAGE } from './cli-errors.js';
import { parseSections, profileSection, setValue } from './config-files.js';
import { profileName, profileSettings, type CredentialType, type Resolved } from './credentials.js';
import type { Credentials } from '../aws/caller.js';
import { readMachineFile, writeMachineFile, type Machine } from './machine.js';
import type { NotSimulated } from './parse-command.js';
import type { Ask } from './questions.js';
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

/** Writes one setting where the CLI keeps it: keys in the credentials file, the rest in config. */
function writeSetting(machine: Machine, profile: string, key: string, value: string): void {
  const file = fileOf(key);
  const text = readMachineFile(machine, pathOf(file)) ?? '';
  writeMachineFile(
    machine,
    pathOf(file),
    setValue(text, profileSection(profile, file), key, value),
  );
}

function set(machine: Machine, current: string, words: readonly string[]): LineOutput {
  const [name, value, ...extra] = words;
  if (name === undefined || value === undefined) {
    return usage('the following arguments are required: varname, value');
  }
  if (extra.length > 0) return usage(`Unknown options: ${extra.join(', ')}`);
  const { profile, key } = setting(current, name);
  writeSetting(machine, profile, key, value);
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

/** configure.py's VALUES_TO_PROMPT: the setting and its question. */
const QUESTIONS: readonly (readonly [string, string])[] = [
  ['aws_access_key_id', 'AWS Access Key ID'],
  ['aws_secret_access_key', 'AWS Secret Access Key'],
  ['region', 'Default region name'],
  ['output', 'Default output format'],
];

/** awscli/customizations/configure/__init__.py's mask_value: 16 stars and the last 4 characters. */
export const maskValue = (value: string | undefined): string =>
  value === undefined ? 'None' : `${'*'.repeat(16)}${value.slice(-4)}`;

/**
 * The four questions, each with the profile's current value in brackets; an empty answer keeps
 * it. Nothing is written before the last answer, and then only the values that change.
 */
function interactive(machine: Machine, profile: string, ask: Ask): LineOutput {
  const current = profileSettings(machine, profile);
  const changed: [string, string][] = [];
  for (const [key, text] of QUESTIONS) {
    const value = current[key];
    const shown = fileOf(key) === 'credentials' ? maskValue(value) : (value ?? 'None');
    const answer = ask({ prompt: `${text} [${shown}]: `, secret: false });
    if (answer !== '' && answer !== value) changed.push([key, answer]);
  }
  for (const [key, value] of changed) writeSetting(machine, profile, key, value);
  return printed('');
}

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
      ? { value: maskValue(secret), type: found.value.type, location: '' }
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
  ask: Ask,
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
      return interactive(machine, profile, ask);
    default:
      return usage(
        `argument subcommand: Invalid choice: '${subcommand}' (choose from set, get, list)`,
      );
  }
}
