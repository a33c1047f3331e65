// The console's own commands besides `aws`: a few shell commands a learner reaches for (`export`,
// `env`, `cat`, `ls`, `rm`, `echo`), and helpers of the tutorial: `whoami`, `explain`, `history`, `wait`,
// `help`, `clear`.
import { mfaCode } from '../aws/iam/mfa-codes.js';
import { isoSeconds } from '../aws/time.js';
import { explanationText } from '../policy/explanation-text.js';
import { runAws } from './aws-command.js';
import { certificateAuthority, signingHelper } from './certificate-tools.js';
import { curl } from './curl.js';
import { formatDuration, parseDuration } from './duration.js';
import { absolutePath, currentMachine, readMachineFile } from './machine.js';
import { oidcToken } from './oidc-token.js';
import { exit, ssh } from './remote.js';
import { samlIdp } from './saml-idp.js';
import { failed, printed, type ConsoleSession, type LineOutput } from './session.js';

export interface Builtin {
  /** How `help` shows its use. */
  usage: string;
  summary: string;
  run: (session: ConsoleSession, args: readonly string[]) => LineOutput;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A variable holds at most what a line may: `X=$X$X` repeated would otherwise grow without end. */
export const MAX_VARIABLE_LENGTH = 256 * 1024;

export const tooLong = (name: string): LineOutput =>
  failed(`bash: ${name}: a value of more than ${MAX_VARIABLE_LENGTH} characters is not kept\n`, 1);

/** Dates print as ISO 8601 with a four-digit year: the clock goes no further. */
const LAST_MOMENT = Date.UTC(9999, 11, 31, 23, 59, 59);

/** The most a single `wait` moves the clock: beyond it nothing a lesson checks changes. */
const MAX_WAIT_MS = 400 * 86_400_000;

function exportVariables(session: ConsoleSession, args: readonly string[]): LineOutput {
  const { env } = currentMachine(session.state);
  if (args.length === 0) {
    return printed(
      Object.entries(env)
        .map(([key, value]) => `declare -x ${key}="${value}"\n`)
        .join(''),
    );
  }
  for (const arg of args) {
    const equals = arg.indexOf('=');
    const name = equals === -1 ? arg : arg.slice(0, equals);
    if (!NAME.test(name)) return failed(`bash: export: \`${arg}': not a valid identifier\n`);
    if (arg.length > MAX_VARIABLE_LENGTH) return tooLong(name);
    // `export NAME` alone marks a shell variable for export; every variable here is exported.
    if (equals !== -1) env[name] = arg.slice(equals + 1);
  }
  return printed('');
}

function unset(session: ConsoleSession, args: readonly string[]): LineOutput {
  const { env } = currentMachine(session.state);
  for (const name of args) delete env[name];
  return printed('');
}

function printEnv(session: ConsoleSession): LineOutput {
  const { env } = currentMachine(session.state);
  return printed(
    Object.entries(env)
      .map(([key, value]) => `${key}=${value}\n`)
      .join(''),
  );
}

function cat(session: ConsoleSession, args: readonly string[]): LineOutput {
  const machine = currentMachine(session.state);
  let stdout = '';
  let stderr = '';
  for (const path of args) {
    const text = readMachineFile(machine, path);
    if (text === undefined) stderr += `cat: ${path}: No such file or directory\n`;
    else stdout += text;
  }
  return { stdout, stderr, exitCode: stderr === '' ? 0 : 1 };
}

/** The files under a directory (the machine keeps files only, so directories are prefixes). */
function ls(session: ConsoleSession, args: readonly string[]): LineOutput {
  const machine = currentMachine(session.state);
  const dir = absolutePath(machine, args[0] ?? '~').replace(/\/$/, '');
  const names = new Set<string>();
  for (const path of Object.keys(machine.files)) {
    if (path === dir) return printed(`${args[0] ?? dir}\n`);
    if (path.startsWith(`${dir}/`)) names.add(path.slice(dir.length + 1).split('/')[0] ?? '');
  }
  if (names.size === 0 && dir !== machine.home) {
    return failed(`ls: cannot access '${args[0]}': No such file or directory\n`, 2);
  }
  return printed(
    [...names]
      .sort()
      .map((name) => `${name}\n`)
      .join(''),
  );
}

const RM_TRY_HELP = "Try 'rm --help' for more information.\n";

/** GNU rm's options taken here: -f ignores missing files, -r (-R) removes directories too. */
function rmOptions(
  args: readonly string[],
): { force: boolean; recursive: boolean; paths: string[] } | string {
  const options = { force: false, recursive: false, paths: [] as string[] };
  let onlyPaths = false;
  for (const arg of args) {
    if (onlyPaths || !arg.startsWith('-') || arg === '-') options.paths.push(arg);
    else if (arg === '--') onlyPaths = true;
    else if (arg === '--force') options.force = true;
    else if (arg === '--recursive') options.recursive = true;
    else if (arg.startsWith('--')) return `rm: unrecognized option '${arg}'\n${RM_TRY_HELP}`;
    else {
      for (const letter of arg.slice(1)) {
        if (letter === 'f') options.force = true;
        else if (letter === 'r' || letter === 'R') options.recursive = true;
        else return `rm: invalid option -- '${letter}'\n${RM_TRY_HELP}`;
      }
    }
  }
  return options;
}

/**
 * `rm [-f] [-r] FILE...` in GNU rm's words. The machine keeps files only, so a directory is a
 * prefix of paths: `rm -r ~/.aws` removes every file under it, `rm ~/.aws` refuses it.
 */
function rm(session: ConsoleSession, args: readonly string[]): LineOutput {
  const options = rmOptions(args);
  if (typeof options === 'string') return failed(options);
  const { force, recursive, paths } = options;
  if (paths.length === 0)
    return force ? printed('') : failed(`rm: missing operand\n${RM_TRY_HELP}`);
  const machine = currentMachine(session.state);
  let stderr = '';
  for (const path of paths) {
    const file = absolutePath(machine, path).replace(/(.)\/+$/, '$1');
    const inside = Object.keys(machine.files).filter((name) => name.startsWith(`${file}/`));
    if (inside.length > 0 || file === machine.home) {
      if (!recursive) stderr += `rm: cannot remove '${path}': Is a directory\n`;
      else for (const name of inside) delete machine.files[name];
    } else if (machine.files[file] !== undefined) {
      delete machine.files[file];
    } else if (!force) {
      stderr += `rm: cannot remove '${path}': No such file or directory\n`;
    }
  }
  return { stdout: '', stderr, exitCode: stderr === '' ? 0 : 1 };
}

function explain(session: ConsoleSession): LineOutput {
  const events = session.world.events;
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i];
    if (event?.authorization === undefined) continue;
    const { request, explanation } = event.authorization;
    const outcome = event.errorCode === undefined ? 'succeeded' : `failed: ${event.errorCode}`;
    const header = `Last authorized request: ${event.eventName} at ${event.eventTime} (${outcome})\n`;
    // The denial as the service worded it, which is what the learner saw.
    const denied = explanation.decision === 'allowed' ? undefined : event.errorMessage;
    return printed(`${header}${explanationText(request, explanation, denied)}\n`);
  }
  return printed(
    'Nothing to explain yet: no request has been authorized. Run an aws command first.\n',
  );
}

/** As bash prints it: the number right-aligned in five columns, two spaces, the line. */
/**
 * What an authenticator app shows for the seed that `create-virtual-mfa-device --outfile` wrote:
 * the simulated clock drives the codes, so a real app could not follow them.
 */
function showMfaCode(session: ConsoleSession, args: readonly string[]): LineOutput {
  const [path, ...extra] = args;
  if (path === undefined || extra.length > 0) return failed('mfa-code: give one SEED_FILE\n', 2);
  const seed = readMachineFile(currentMachine(session.state), path);
  if (seed === undefined) return failed(`mfa-code: ${path}: No such file or directory\n`);
  return printed(`${mfaCode(seed.trim(), session.world.now)}\n`);
}

function history(session: ConsoleSession): LineOutput {
  return printed(
    session.state.history
      .map((line, index) => `${String(index + 1).padStart(5)}  ${line}\n`)
      .join(''),
  );
}

function wait(session: ConsoleSession, args: readonly string[]): LineOutput {
  const [text, ...extra] = args;
  const ms = text === undefined ? undefined : parseDuration(text);
  if (ms === undefined || extra.length > 0) {
    return failed('wait: give one duration such as 30s, 15m, 2h, 1h30m or 1d\n', 2);
  }
  if (ms > MAX_WAIT_MS) {
    return failed(`wait: at most ${formatDuration(MAX_WAIT_MS)} at a time\n`, 2);
  }
  if (session.world.now + ms > LAST_MOMENT) {
    return failed('wait: the simulated clock stops at the end of the year 9999\n', 2);
  }
  session.world.now += ms;
  return printed(`${formatDuration(ms)} later: it is now ${isoSeconds(session.world.now)}.\n`);
}

export const BUILTINS: ReadonlyMap<string, Builtin> = new Map<string, Builtin>([
  [
    'aws',
    {
      usage: 'aws <service> <command> ...',
      summary: "the AWS CLI (try 'aws help')",
      run: runAws,
    },
  ],
  [
    'whoami',
    {
      usage: 'whoami [--profile NAME]',
      summary: 'who your requests are signed as',
      run: (session, args) => runAws(session, ['sts', 'get-caller-identity', ...args]),
    },
  ],
  [
    'explain',
    {
      usage: 'explain',
      summary: 'why the last request was allowed or denied',
      run: explain,
    },
  ],
  [
    'wait',
    {
      usage: 'wait DURATION',
      summary: 'move the clock on: 30s, 15m, 2h, 1d',
      run: wait,
    },
  ],
  [
    'mfa-code',
    {
      usage: 'mfa-code SEED_FILE',
      summary: 'the code your MFA app shows now',
      run: showMfaCode,
    },
  ],
  ['ssh', { usage: 'ssh INSTANCE_ID', summary: 'log in to an EC2 instance', run: ssh }],
  [
    'curl',
    {
      usage: 'curl [-X M] [-H H] URL',
      summary: 'the metadata service, from an instance',
      run: curl,
    },
  ],
  ['exit', { usage: 'exit [N]', summary: 'log out of this machine, or leave', run: exit }],
  [
    'oidc-token',
    {
      usage: 'oidc-token --repo O/R ...',
      summary: 'a GitHub Actions OIDC token (simulated)',
      run: oidcToken,
    },
  ],
  [
    'saml-idp',
    {
      usage: 'saml-idp metadata|sign-in',
      summary: "your company's SAML IdP (simulated)",
      run: samlIdp,
    },
  ],
  [
    'ca',
    {
      usage: 'ca create|issue ...',
      summary: "your company's CA (simulated)",
      run: certificateAuthority,
    },
  ],
  [
    'aws_signing_helper',
    {
      usage: 'aws_signing_helper ...',
      summary: 'Roles Anywhere: certificate to credentials',
      run: signingHelper,
    },
  ],
  ['history', { usage: 'history', summary: 'the commands entered so far', run: history }],
  [
    'export',
    { usage: 'export NAME=VALUE', summary: 'set an environment variable', run: exportVariables },
  ],
  ['unset', { usage: 'unset NAME', summary: 'remove an environment variable', run: unset }],
  ['env', { usage: 'env', summary: 'the environment variables', run: printEnv }],
  ['cat', { usage: 'cat FILE', summary: 'show a file of this machine', run: cat }],
  ['ls', { usage: 'ls [DIR]', summary: 'list the files of a directory', run: ls }],
  ['rm', { usage: 'rm [-f] [-r] FILE...', summary: 'remove files of this machine', run: rm }],
  [
    'echo',
    {
      usage: 'echo TEXT',
      summary: 'print its arguments',
      run: (_s, args) => printed(`${args.join(' ')}\n`),
    },
  ],
  [
    'clear',
    // The screen is the terminal's: the console answers with the escape sequence that clears it.
    { usage: 'clear', summary: 'clear the screen', run: () => printed('\u001b[H\u001b[2J') },
  ],
  ['help', { usage: 'help', summary: 'this list', run: () => printed(helpList()) }],
]);

/** The commands in two columns, within 80 characters. */
function helpList(): string {
  const rows = [...BUILTINS.values()];
  const width = Math.max(...rows.map((row) => row.usage.length)) + 2;
  return `Commands:\n${rows.map((row) => `  ${row.usage.padEnd(width)}${row.summary}\n`).join('')}`;
}
