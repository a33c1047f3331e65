// `iam-tutor console --script FILE` (or commands on a stdin that is not a terminal): one command
// per line, each output written as it comes, so that worlds and solutions can be scripted, tested
// and graded. As with `bash < script`, a command that asks (`aws configure`, an MFA code) reads
// its answers from the next lines; the answers are not echoed, and the questions are printed where
// the CLI prints them without a terminal: input()'s on stdout, getpass's (the MFA code) on stderr.
import { scriptLines } from '../console/script-lines.js';
import type { ConsoleSession, LineOutput } from '../console/session.js';
import { endOfInput, runLine, type LineResult } from '../console/shell.js';

export interface ScriptOptions {
  /** Stop at the first command that fails, and exit 1. */
  failFast: boolean;
}

/** A line's result as output: a question is what was printed before it, then the question. */
function outputOf(result: LineResult & { kind: 'done' | 'question' }): LineOutput {
  if (result.kind === 'done') return result;
  const { stdout, stderr, question } = result;
  return question.secret
    ? { stdout, stderr: `${stderr}${question.prompt}`, exitCode: 0 }
    : { stdout: `${stdout}${question.prompt}`, stderr, exitCode: 0 };
}

/** Runs the script's lines; returns the exit status (0, or 1 after a failure with failFast). */
export function runScript(
  session: ConsoleSession,
  text: string,
  options: ScriptOptions,
  write: (output: LineOutput) => void,
): number {
  const { lines, unterminated } = scriptLines(text);
  /** Writes the result; the status to end with, when the script ends here. */
  const ended = (result: LineResult): number | undefined => {
    // scriptLines joined every line that goes on, so each one is complete here.
    if (result.kind === 'incomplete') return undefined;
    write(outputOf(result));
    if (result.kind === 'question') return undefined;
    if (result.leave === true) return result.exitCode;
    return options.failFast && result.exitCode !== 0 ? 1 : undefined;
  };
  for (const line of lines) {
    // A blank line runs nothing, unless it is the answer to a question.
    if (session.question === undefined && line.trim() === '') continue;
    const status = ended(runLine(session, line));
    if (status !== undefined) return status;
  }
  // The script ends while a command asks: it reads the end of its input.
  while (session.question !== undefined) {
    const status = ended(endOfInput(session));
    if (status !== undefined) return status;
  }
  if (unterminated !== undefined) {
    write({
      stdout: '',
      stderr: `iam-tutor console: the script ends inside a command: ${unterminated}\n`,
      exitCode: 2,
    });
    if (options.failFast) return 1;
  }
  return 0;
}
