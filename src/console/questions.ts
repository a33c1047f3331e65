// Commands that ask the learner something and wait for the answer, as the AWS CLI does: the four
// questions of `aws configure`, the MFA code of a role profile with `mfa_serial`. The console is
// pure and synchronous, so a question is data: the command unwinds with an `Unanswered` error, the
// session keeps a small plain record of it (`PendingQuestion`), and the next line the learner
// submits is its answer, not a command (shell.ts). The command then runs again from the start
// with the answers typed so far, each question taking the next one: a command that asks changes
// nothing before its last answer (configure writes once it has all four; the MFA code is asked
// before the AssumeRole it signs), so running it again is the same as having waited.
import type { ListItem } from './command-list.js';

export interface Question {
  /** What the CLI prints before the answer, e.g. `Default region name [None]: `. */
  prompt: string;
  /**
   * Whether the answer is typed unseen: the MFA code is read with Python's getpass; configure's
   * answers (the secret key too) with input(), which shows them.
   */
  secret: boolean;
}

/** A question the session waits on; plain data, but not saved with the session (dropped). */
export interface PendingQuestion extends Question {
  /** The command that asked, as the shell expanded it (`NAME=value` prefixes included). */
  words: string[];
  /** The answers it got before this question. */
  answers: string[];
  /** The commands of the line after it, run when it ends. */
  rest: ListItem[];
}

/** Thrown by a command that asks a question the answers typed so far do not answer. */
export class Unanswered extends Error {
  constructor(readonly question: Question) {
    super(question.prompt);
  }
}

/** How a command asks: the answer, or Unanswered when the learner has not typed it yet. */
export type Ask = (question: Question) => string;

/** Asks from the answers typed so far, in order. */
export function answersFrom(answers: readonly string[]): Ask {
  let next = 0;
  return (question) => {
    const answer = answers[next];
    if (answer === undefined) throw new Unanswered(question);
    next++;
    return answer;
  };
}
