// The command line: argv, stdin, files and exit codes. Everything it runs below is pure.

declare const IAM_TUTOR_VERSION: string;
/** Replaced by the bundler; `dev` when run from source. */
const VERSION = typeof IAM_TUTOR_VERSION === 'string' ? IAM_TUTOR_VERSION : 'dev';

const HELP = `iam-tutor ${VERSION}: learn when to use an AWS IAM user and when a role, in a simulated AWS.

Usage: iam-tutor [command] [options]

Options:
  -h, --help               Show this help
  -v, --version            Show the version

The interactive tutorial is being built.
Nothing is sent anywhere: iam-tutor works offline and never reads your AWS configuration.
`;

interface CommandOutput {
  exitCode: number;
  stdout: string;
  stderr: string;
}

function write(output: CommandOutput): number {
  process.stdout.write(output.stdout);
  process.stderr.write(output.stderr);
  return output.exitCode;
}

function usageError(message: string): number {
  process.stderr.write(`iam-tutor: ${message}\nRun 'iam-tutor --help' for usage.\n`);
  return 2;
}

function main(argv: string[]): number {
  const [command] = argv;
  switch (command) {
    case '-h':
    case '--help':
    case 'help':
      return write({ exitCode: 0, stdout: HELP, stderr: '' });
    case '-v':
    case '--version':
      return write({ exitCode: 0, stdout: `${VERSION}\n`, stderr: '' });
    case undefined:
      return write({ exitCode: 0, stdout: HELP, stderr: '' });
    default:
      return usageError(`unknown command or option: ${command}`);
  }
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  // parseArgs reports unknown flags by throwing; anything else is a bug worth showing.
  process.exitCode = usageError(error instanceof Error ? error.message : String(error));
}
