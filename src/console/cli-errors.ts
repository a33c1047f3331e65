// How the AWS CLI v2 reports a failure on stderr, and its exit codes
// (awscli/argparser.py, awscli/errorhandler.py; "Understanding return codes" in the AWS CLI User
// Guide: 252 bad command syntax, 253 bad configuration, 254 the service said no, 255 anything else).
import { closeMatches } from './close-matches.js';
import { pythonRepr } from './python-repr.js';

export interface CliError {
  kind: 'error';
  exitCode: 252 | 253 | 254 | 255;
  /** What the CLI writes to stderr, newlines included. */
  stderr: string;
}

/** argparser.py's USAGE as `format_usage()` prints it. */
export const USAGE =
  'usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n' +
  'To see help text, you can run:\n' +
  '\n' +
  '  aws help\n' +
  '  aws <command> help\n' +
  '  aws <command> <subcommand> help\n';

/** Every error is printed with a blank line before it (errorhandler.py). */
export function cliError(message: string, exitCode: CliError['exitCode'] = 255): CliError {
  return { kind: 'error', exitCode, stderr: `\n${message}\n` };
}

/** An argparse error: usage, then `aws: error: <message>`. */
export function usageError(message: string): CliError {
  return cliError(`${USAGE}\naws: error: ${message}\n`, 252);
}

/** Options the command does not take (clidriver.py's UnknownArgumentError). */
export function unknownOptions(options: readonly string[]): CliError {
  return cliError(`${USAGE}\nUnknown options: ${options.join(', ')}\n`, 252);
}

/** `Error parsing parameter '--tags': ...` (argprocess.py's ParamError). */
export function parameterError(flag: string, message: string): CliError {
  return cliError(`Error parsing parameter '--${flag}': ${message}`, 252);
}

/** botocore's ParamValidationError. */
export function validationFailed(lines: readonly string[]): CliError {
  return cliError(`Parameter validation failed:\n${lines.join('\n')}`, 252);
}

/** A service's error response, as the CLI prints a ClientError. */
export function serviceError(code: string, operation: string, message: string): CliError {
  return cliError(
    `An error occurred (${code}) when calling the ${operation} operation: ${message}`,
    254,
  );
}

/** argparser.py's CLIArgParser._check_value: two choices a line, then near misses. */
export function invalidChoiceMessage(value: string, choices: readonly string[]): string {
  const lines: string[] = [];
  for (let i = 0; i < choices.length; i += 2) {
    lines.push(
      choices
        .slice(i, i + 2)
        .map((choice) => choice.padEnd(40))
        .join(' | '),
    );
  }
  let message = `Invalid choice, valid choices are:\n\n${lines.join('\n')}`;
  const matches = closeMatches(value, choices);
  if (matches.length > 0) {
    message += `\n\n\nInvalid choice: ${pythonRepr(value)}, maybe you meant:\n\n`;
    message += matches.map((match) => `  * ${match}`).join('\n');
  }
  return message;
}
