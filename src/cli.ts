#!/usr/bin/env node
// The command line: argv, stdin, files and exit codes. Everything it runs below is pure.
// Commands' code is imported when one runs (the bundle splits along these imports): --version and
// --help load nothing else, and no command but the tutorial loads React (see other-commands.ts).
import module from 'node:module';
import { readFileSync, readSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import type { CommandOutput } from './commands/simulate.js';
import { tutorialCommand } from './commands/tutorial.js';
import { ProgressStoreError } from './progress/store-error.js';
import type { ConsoleSession, LineOutput } from './console/session.js';

// V8's compile cache (Node 22.1 and later) keeps the bundle's compiled code between runs; before
// the commands' code is imported, so that it applies to it. Node 20 has none and starts without.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

declare const IAM_TUTOR_VERSION: string;
/** Replaced by the bundler; `dev` when run from source. */
const VERSION = typeof IAM_TUTOR_VERSION === 'string' ? IAM_TUTOR_VERSION : 'dev';

const HELP = `iam-tutor ${VERSION}: learn when to use an AWS IAM user and when a role, in a simulated AWS.

Usage: iam-tutor [--lessons DIR] [--seed TEXT] [--data-dir DIR] [--no-color] [--plain]
                           The interactive tutorial. --seed (or IAM_TUTOR_SEED) gives you
                           accounts and ids of your own, as a workshop asks (grade --seed too).
       iam-tutor <command> [options]

Commands:
  console                  A shell on a simulated AWS: type real \`aws\` commands (IAM, STS, S3),
                           then \`explain\` why a request was allowed or denied. See console --help.
  simulate FILE [--json]   Decide one request offline against the policies in FILE (- for stdin)
                           and explain the decision step by step, as AWS evaluates it.
  grade LESSON --solution FILE
                           Grade a solution (console commands) of a lesson's task, as the tutorial
                           would: exit 0 pass, 1 fail. See grade --help.
  list [--json]            The lessons, with their status and score.
  progress [--json]        Your progress: status, step, score, tasks passed, time spent.
  progress export FILE     Write your progress to FILE (- for stdout) to take to another machine;
  progress import FILE     merge such a file into your progress. See progress --help.
  report [--format markdown|json|html] [--out FILE]
                           Your progress as a report for an instructor. See report --help.
  reset LESSON | --all     Forget a lesson's progress (asks first; --yes to skip).
  lessons check [DIR]      Prove that lessons work as written (for lesson authors and CI).
  lessons schema [pack]    Print the JSON Schema of lesson files (of pack.yaml), for editors.
  new lesson NAME [--dir DIR]
                           Write DIR/NN-NAME.yaml (DIR: ./lessons), a commented starter lesson
                           that passes \`lessons check\`. The format: docs/authoring.md.

Options:
  --lessons DIR            A lesson pack (a folder of lessons, pack.yaml optional) instead of the
                           built-in course, with progress of its own; or $IAM_TUTOR_LESSONS.
  --data-dir DIR           Keep progress in DIR (or $IAM_TUTOR_HOME), not the config folder.
  -h, --help               Show this help
  -v, --version            Show the version

Nothing is sent anywhere: iam-tutor works offline and never reads your AWS configuration.
`;

const SIMULATE_HELP = `Usage: iam-tutor simulate FILE [--json]

FILE (or - for stdin) is JSON:
  { "request": { "principal": "arn:aws:iam::111122223333:user/alice" | "anonymous" | "ec2.amazonaws.com",
                 "action": "s3:GetObject", "resource": "arn:aws:s3:::bucket/key",
                 "resourceAccount": "111122223333",  (optional where the ARN has an account)
                 "context": { "aws:MultiFactorAuthPresent": "true" } },
    "identityPolicies": [ ... ], "permissionsBoundary": { ... }, "sessionPolicy": { ... },
    "resourcePolicy": { ... }, "resourcePolicyKind": "resource" | "trust" | "kms",
    "scps": [[ ... ], ...], "rcps": [[ ... ], ...] }

Prints the decision (allowed, explicitDeny or implicitDeny), AWS's AccessDenied message, and the
evaluation path; --json prints {"decision", "explanation", "message"}. Exit 0 whatever the decision,
2 when FILE is not a valid simulation.
`;

const CONSOLE_HELP = `Usage: iam-tutor console [--world FILE] [--script FILE] [--fail-fast] [--save FILE]

A shell on a simulated AWS account, offline. Without --world it opens the sandbox: account
111122223333, signed in on your laptop as the administrator \`admin\`. Type \`help\` for its commands.

  --world FILE   start from a session saved with --save
  --script FILE  run the commands in FILE, one per line (- for stdin), printing their output;
                 also what happens when stdin is not a terminal. A command that asks (aws
                 configure, an MFA code) takes the next lines as its answers
  --fail-fast    with a script: stop at the first command that fails, and exit 1
  --save FILE    when done, save the session (world and machines) to FILE
`;

function write(output: CommandOutput): number {
  process.stdout.write(output.stdout);
  process.stderr.write(output.stderr);
  return output.exitCode;
}

function usageError(message: string): number {
  process.stderr.write(`iam-tutor: ${message}\nRun 'iam-tutor --help' for usage.\n`);
  return 2;
}

/** A simulation file holds one request and its policies; anything larger is a mistake. */
const MAX_INPUT_BYTES = 1024 * 1024;

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
};

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * All of stdin, up to one byte past `maxBytes` (enough to say it is too large). readFileSync(0)
 * fails with EAGAIN when stdin is a pipe in non-blocking mode that is empty for a moment: here
 * that moment is waited out.
 */
function readStdin(maxBytes: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.alloc(64 * 1024);
  while (total <= maxBytes) {
    let read: number;
    try {
      read = readSync(0, chunk, 0, chunk.length, null);
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'EAGAIN') {
        Atomics.wait(pause, 0, 0, 2);
        continue;
      }
      if (error instanceof Error && 'code' in error && error.code === 'EOF') break;
      throw error;
    }
    if (read === 0) break;
    chunks.push(Buffer.from(chunk.subarray(0, read)));
    total += read;
  }
  return Buffer.concat(chunks);
}

/** The file's text, or a message saying in words why it cannot be used. */
/**
 * A file's bytes as text: UTF-8 (its BOM dropped). UTF-16, which Windows PowerShell 5's `>` and
 * `Out-File` write, and bytes that are not UTF-8 are refused with what to do, rather than read
 * as garbage that fails further on for a reason nobody can see.
 */
function decodeText(bytes: Buffer, file: string): { text: string } | { error: string } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return {
      error: `${file} is UTF-16 text; save it as UTF-8 (PowerShell: Out-File -Encoding utf8)`,
    };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { error: `${file} is not UTF-8 text; save it as UTF-8` };
  }
}

function readSource(file: string, maxBytes: number): { text: string } | { error: string } {
  try {
    const bytes = file === '-' ? readStdin(maxBytes) : readFileSync(file);
    if (bytes.length > maxBytes) {
      return {
        error: `${file} is ${bytes.length} bytes; at most ${maxBytes / 1024 / 1024} MB is read`,
      };
    }
    return decodeText(bytes, file);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    return { error: `cannot read ${file}: ${READ_ERRORS[code] ?? code}` };
  }
}

/** What the commands that read a file (- for stdin) are given: its text, or why not. */
function textReader(maxBytes: number): (file: string) => string | Error {
  return (file) => {
    const source = readSource(file, maxBytes);
    return 'error' in source ? new Error(source.error) : source.text;
  };
}

/** A progress export holds a saved session per task begun; anything this large is not one. */
const MAX_PROGRESS_BYTES = 64 * 1024 * 1024;

async function runSimulate(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return write({ exitCode: 0, stdout: SIMULATE_HELP, stderr: '' });
  const [file, ...extra] = positionals;
  if (file === undefined) return usageError('simulate needs a FILE (or - for stdin)');
  if (extra.length > 0) return usageError(`simulate takes one FILE, got also: ${extra.join(' ')}`);
  const source = readSource(file, MAX_INPUT_BYTES);
  if ('error' in source) return usageError(source.error);
  const { simulate } = await import('./commands/other-commands.js');
  return write(simulate(source.text, file === '-' ? '<stdin>' : file, values.json === true));
}

/** A saved session may hold a long event log; anything this large is not one. */
const MAX_SESSION_BYTES = 16 * 1024 * 1024;

/** The commands' code, with the console's: the simulated AWS and its command line. */
type ConsoleModules = typeof import('./commands/other-commands.js');

function loadSession(
  modules: ConsoleModules,
  file: string | undefined,
): ConsoleSession | { error: string } {
  if (file === undefined) return modules.freshSandbox();
  const source = readSource(file, MAX_SESSION_BYTES);
  if ('error' in source) return source;
  const restored = modules.restoreSession(source.text);
  return restored.ok ? restored.session : { error: `${file}: ${restored.message}` };
}

function writeLineOutput(output: Pick<LineOutput, 'stdout' | 'stderr'>): void {
  process.stdout.write(output.stdout);
  process.stderr.write(output.stderr);
}

/**
 * The terminal's stdout for readline, which can stop showing what is typed: an answer the CLI
 * reads unseen (getpass: the MFA code).
 */
function muteableStdout(): { stream: Writable; mute: (muted: boolean) => void } {
  let muted = false;
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  // readline lays the line out by the terminal's width, and redraws when it changes.
  Object.defineProperty(stream, 'columns', { get: () => process.stdout.columns });
  process.stdout.on('resize', () => stream.emit('resize'));
  return {
    stream,
    mute: (on) => {
      muted = on;
    },
  };
}

/**
 * The interactive console: a prompt, history, Tab completion; Ctrl+D or `exit` to leave. While a
 * command asks (`aws configure`, an MFA code), its question is the prompt, the answer stays out
 * of the history, and Ctrl+C abandons it.
 */
function interactive(
  { completeLine, endOfInput, interruptQuestion, promptOf, runLine }: ConsoleModules,
  session: ConsoleSession,
  done: () => void,
): void {
  const output = muteableStdout();
  const rl = createInterface({
    input: process.stdin,
    output: output.stream,
    terminal: true,
    completer: (line: string) => completeLine(session, line),
    historySize: 1000,
  });
  let pending: string | undefined;
  const prompt = () => {
    const question = session.question;
    output.mute(false);
    if (question?.secret === true) {
      // readline shows nothing until Enter, not even its redraw; the question is written past it.
      rl.setPrompt('');
      output.mute(true);
      rl.prompt();
      process.stdout.write(question.prompt);
      return;
    }
    rl.setPrompt(question?.prompt ?? (pending === undefined ? promptOf(session.state) : '> '));
    rl.prompt();
  };
  // readline's documented way to keep a line out of its history: change the array it passes.
  rl.on('history', (history: string[]) => {
    if (session.question !== undefined) history.shift();
  });
  rl.on('line', (physical) => {
    if (session.question?.secret === true) {
      output.mute(false);
      process.stdout.write('\n');
    }
    const line = pending === undefined ? physical : `${pending}\n${physical}`;
    const result = runLine(session, line);
    if (result.kind === 'incomplete') pending = line;
    else {
      pending = undefined;
      writeLineOutput(result);
      // Output without a final newline (a metadata token) would run into the prompt.
      if (result.stdout !== '' && !result.stdout.endsWith('\n')) process.stdout.write('\n');
      if (result.kind === 'done' && result.leave === true) {
        rl.close();
        return;
      }
    }
    prompt();
  });
  rl.on('SIGINT', () => {
    // As in a shell: Ctrl+C abandons the line being typed, not the console, and a question too.
    pending = undefined;
    rl.write(null, { ctrl: true, name: 'e' });
    rl.write(null, { ctrl: true, name: 'u' });
    output.mute(false);
    process.stdout.write(
      session.question === undefined ? '^C\n' : `^C${interruptQuestion(session).stdout}`,
    );
    prompt();
  });
  rl.on('close', () => {
    // Ctrl+D at a question is the end of the command's input.
    while (session.question !== undefined) {
      const result = endOfInput(session);
      if (result.kind !== 'incomplete') writeLineOutput(result);
    }
    done();
  });
  process.stdout.write(
    "iam-tutor console: a simulated AWS, offline.\nType 'help' for the commands, 'exit' to leave.\n",
  );
  prompt();
}

async function runConsole(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      world: { type: 'string' },
      script: { type: 'string' },
      save: { type: 'string' },
      'fail-fast': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return write({ exitCode: 0, stdout: CONSOLE_HELP, stderr: '' });
  if (positionals.length > 0)
    return usageError(`console takes no arguments, got: ${positionals.join(' ')}`);
  const modules = await import('./commands/other-commands.js');
  const session = loadSession(modules, values.world);
  if ('error' in session) return usageError(session.error);
  const save = () => {
    if (values.save !== undefined) writeFileSync(values.save, modules.snapshotSession(session));
  };
  const scriptFile = values.script ?? (process.stdin.isTTY ? undefined : '-');
  if (scriptFile === undefined) {
    interactive(modules, session, () => {
      save();
      process.stdout.write('\n');
    });
    return 0;
  }
  const source = readSource(scriptFile, MAX_INPUT_BYTES);
  if ('error' in source) return usageError(source.error);
  const status = modules.runScript(
    session,
    source.text,
    { failFast: values['fail-fast'] === true },
    writeLineOutput,
  );
  save();
  return status;
}

/** A yes/no question on the terminal; anything but y or yes is no. */
function askYesNo(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      resolve(/^y(es)?$/i.test(answer.trim()));
    });
  });
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case '-h':
    case '--help':
    case 'help':
      return write({ exitCode: 0, stdout: HELP, stderr: '' });
    case '-v':
    case '--version':
      return write({ exitCode: 0, stdout: `${VERSION}\n`, stderr: '' });
    case 'simulate':
      return runSimulate(rest);
    case 'console':
      return runConsole(rest);
    case 'grade': {
      const { gradeCommand } = await import('./commands/other-commands.js');
      return write(gradeCommand(rest, textReader(MAX_INPUT_BYTES), process.env));
    }
    case 'lessons': {
      const { lessonsCommand } = await import('./commands/other-commands.js');
      return write(lessonsCommand(rest));
    }
    case 'new': {
      const { newCommand } = await import('./commands/other-commands.js');
      return write(newCommand(rest));
    }
    case 'list': {
      const { listCommand } = await import('./commands/other-commands.js');
      return write(listCommand(rest));
    }
    case 'progress': {
      const { progressCommand } = await import('./commands/other-commands.js');
      return write(progressCommand(rest, textReader(MAX_PROGRESS_BYTES)));
    }
    case 'report': {
      const { reportCommand } = await import('./commands/other-commands.js');
      return write(reportCommand(rest));
    }
    case 'reset': {
      const { resetCommand } = await import('./commands/other-commands.js');
      return write(await resetCommand(rest, process.stdin.isTTY ? askYesNo : undefined));
    }
    case undefined:
    default: {
      // Options without a command are the tutorial's (`iam-tutor --lessons DIR`).
      if (command !== undefined && !command.startsWith('--'))
        return usageError(`unknown command or option: ${command}`);
      return tutorialCommand(command === undefined ? rest : argv);
    }
  }
}

/** parseArgs reports unknown or malformed flags by throwing errors with these codes. */
function isUsageError(error: unknown): error is Error {
  return (
    error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')
  );
}

function fail(error: unknown): void {
  if (isUsageError(error)) {
    process.exitCode = usageError(error.message);
  } else if (error instanceof ProgressStoreError) {
    process.stderr.write(`iam-tutor: ${error.message}\n`);
    process.exitCode = 2;
  } else {
    // A bug of ours, not the user's: say so plainly, with what a bug report needs.
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(
      `iam-tutor: internal error, please report it with this output:\n${detail}\n`,
    );
    process.exitCode = 70;
  }
}

main(process.argv.slice(2)).then((code) => (process.exitCode = code), fail);
