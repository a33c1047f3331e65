// `iam-tutor console --script FILE` (or commands on a stdin that is not a terminal): one command
// per line, each output written as it comes, so that worlds and solutions can be scripted, tested
// and graded.
import { scriptLines } from '../console/script-lines.js';
import type { ConsoleSession, LineOutput } from '../console/session.js';
import { runLine } from '../console/shell.js';

export interface ScriptOptions {
  /** Stop at the first command that fails, and exit 1. */
  failFast: boolean;
}

/** Runs the script's lines; returns the exit status (0, or 1 after a failure with failFast). */
export function runScript(
  session: ConsoleSession,
  text: string,
  options: ScriptOptions,
  write: (output: LineOutput) => void,
): number {
  const { lines, unterminated } = scriptLines(text);
  for (const line of lines) {
    const result = runLine(session, line);
    // scriptLines joined every line that goes on, so each one is complete here.
    if (result.kind === 'incomplete') continue;
    write(result);
    if (result.leave === true) return result.exitCode;
    if (options.failFast && result.exitCode !== 0) return 1;
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
