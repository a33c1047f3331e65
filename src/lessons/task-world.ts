// The world a task or a predict step starts from: the sandbox (an organization of two accounts,
// the learner on a laptop as the administrator) on a clock and ids of its own, shaped by the
// step's setup commands, which run as the learner would type them and are not the learner's.
import { createSandbox } from '../console/sandbox.js';
import type { ConsoleSession } from '../console/session.js';
import { runLine } from '../console/shell.js';
import type { Learner } from './learner.js';
import type { Lesson } from './schema.js';

/** When every lesson's clock starts: a Monday morning, so that `wait` and expiry read plainly. */
export const LESSON_EPOCH = Date.UTC(2026, 0, 12, 9, 0, 0);

export type StartedWorld =
  { ok: true; session: ConsoleSession } | { ok: false; command: string; output: string };

/**
 * A fresh world for a step of a lesson (as the learner sees it: see lessonFor). Its seed makes
 * every id and secret the same on each start, and differ between steps and between learners; a
 * setup command that fails is the lesson's bug.
 */
export function startWorld(
  lesson: Lesson,
  step: { id: string; setup?: readonly string[] | undefined },
  learner: Learner,
): StartedWorld {
  const session = createSandbox(
    `${learner.seed}${lesson.id}/${step.id}`,
    LESSON_EPOCH,
    learner.accounts,
  );
  for (const command of step.setup ?? []) {
    const result = runLine(session, command);
    if (result.kind === 'incomplete') return { ok: false, command, output: result.message };
    if (result.kind === 'question') {
      return { ok: false, command, output: `it asks: ${result.question.prompt.trimEnd()}` };
    }
    if (result.exitCode !== 0) return { ok: false, command, output: result.stderr.trim() };
  }
  session.world.events = [];
  session.state.history = [];
  delete session.state.lastStatus;
  return { ok: true, session };
}
