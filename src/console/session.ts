// What the console works on: the simulated cloud, the machines the learner types on, and what a
// line printed. Both halves are plain data, saved and restored together.
import type { World } from '../aws/world.js';
import type { ConsoleState } from './machine.js';
import type { PendingQuestion } from './questions.js';

export interface ConsoleSession {
  world: World;
  state: ConsoleState;
  /** Columns of the terminal, for `--output table`. */
  terminalWidth?: number;
  /** A command waits for an answer: the next line submitted is it (questions.ts). Not saved. */
  question?: PendingQuestion;
  /** While the command that asked runs again: the answers typed so far, for it to read. */
  answers?: readonly string[];
}

/** What one command line printed, and its exit status as a shell would report it. */
export interface LineOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** `exit` on the first machine: the console ends. */
  leave?: boolean;
}

export const printed = (stdout: string): LineOutput => ({ stdout, stderr: '', exitCode: 0 });

export const failed = (stderr: string, exitCode = 1): LineOutput => ({
  stdout: '',
  stderr,
  exitCode,
});
