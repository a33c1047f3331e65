// `iam-tutor console --script FILE` (or commands on a stdin that is not a terminal): one command
// per line, each output written as it comes, so that worlds and solutions can be scripted, tested
// and graded. A line that goes on (open quote, trailing backslash) is joined with the next, as in
// a shell script.
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
  let pending: string | undefined;
  let pendingMessage = '';
  for (const physical of text.split(/\r?\n/)) {
    const line = pending === undefined ? physical : `${pending}\n${physical}`;
    const result = runLine(session, line);
    if (result.kind === 'incomplete') {
      pending = line;
      pendingMessage = result.message;
      continue;
    }
    pending = undefined;
    write(result);
    if (result.leave === true) return result.exitCode;
    if (options.failFast && result.exitCode !== 0) return 1;
  }
  if (pending !== undefined && pending.trim() !== '') {
    write({
      stdout: '',
      stderr: `iam-tutor console: the script ends inside a command: ${pendingMessage}\n`,
      exitCode: 2,
    });
    if (options.failFast) return 1;
  }
  return 0;
}
