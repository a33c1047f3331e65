// The command line: argv, stdin, files and exit codes. Everything it runs below is pure.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { simulate, type CommandOutput } from './commands/simulate.js';

declare const IAM_TUTOR_VERSION: string;
/** Replaced by the bundler; `dev` when run from source. */
const VERSION = typeof IAM_TUTOR_VERSION === 'string' ? IAM_TUTOR_VERSION : 'dev';

const HELP = `iam-tutor ${VERSION}: learn when to use an AWS IAM user and when a role, in a simulated AWS.

Usage: iam-tutor [command] [options]

Commands:
  simulate FILE [--json]   Decide one request offline against the policies in FILE (- for stdin)
                           and explain the decision step by step, as AWS evaluates it.

Options:
  -h, --help               Show this help
  -v, --version            Show the version

The interactive tutorial is being built; today iam-tutor offers the policy simulator.
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

/** The file's text, or a message saying in words why it cannot be used. */
function readSource(file: string): { text: string } | { error: string } {
  try {
    const bytes = readFileSync(file === '-' ? 0 : file);
    if (bytes.length > MAX_INPUT_BYTES) {
      return { error: `${file} is ${bytes.length} bytes; a simulation file is at most 1 MB` };
    }
    return { text: bytes.toString('utf8') };
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    return { error: `cannot read ${file}: ${READ_ERRORS[code] ?? code}` };
  }
}

function runSimulate(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return write({ exitCode: 0, stdout: SIMULATE_HELP, stderr: '' });
  const [file, ...extra] = positionals;
  if (file === undefined) return usageError('simulate needs a FILE (or - for stdin)');
  if (extra.length > 0) return usageError(`simulate takes one FILE, got also: ${extra.join(' ')}`);
  const source = readSource(file);
  if ('error' in source) return usageError(source.error);
  return write(simulate(source.text, file === '-' ? '<stdin>' : file, values.json === true));
}

function main(argv: string[]): number {
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
    case undefined:
      return write({ exitCode: 0, stdout: HELP, stderr: '' });
    default:
      return usageError(`unknown command or option: ${command}`);
  }
}

/** parseArgs reports unknown or malformed flags by throwing errors with these codes. */
function isUsageError(error: unknown): error is Error {
  return (
    error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')
  );
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (isUsageError(error)) {
    process.exitCode = usageError(error.message);
  } else {
    // A bug of ours, not the user's: say so plainly, with what a bug report needs.
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(
      `iam-tutor: internal error, please report it with this output:\n${detail}\n`,
    );
    process.exitCode = 70;
  }
}
