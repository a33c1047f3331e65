// `aws configure set|get` on the machine's `~/.aws/credentials` and `~/.aws/config`
// (awscli/customizations/configure/): keys go to the credentials file, every other setting to the
// config file, in the section of the profile (`--profile`, the environment's, else `default`), or
// of the one a dotted name gives (`default.region`, `profile.dev.region`). The bare interactive
// `aws configure` asks four questions; in the console the same is done with `set`, which it
// suggests. (`configure list` is not simulated.)
import { USAGE } from './cli-errors.js';
import { parseSections, profileSection, setValue } from './config-files.js';
import { profileName } from './credentials.js';
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

export function runConfigure(machine: Machine, parsed: NotSimulated): LineOutput {
  const [subcommand, ...words] = parsed.args;
  const profile = profileName(machine, parsed.globals);
  switch (subcommand) {
    case 'set':
      return set(machine, profile, words);
    case 'get':
      return get(machine, profile, words);
    case undefined:
      return failed(INTERACTIVE, 252);
    default:
      return usage(`argument subcommand: Invalid choice: '${subcommand}' (choose from set, get)`);
  }
}
