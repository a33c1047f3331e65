// A predict step's answer as the learner sees it after choosing: the engine's decision in its own
// world, with the request and explanation behind it (what `explain` shows in the console) and
// the denial as the service words it.
import { decideRequest } from '../aws/decide.js';
import type { Authorization } from '../aws/errors.js';
import type { Decision, Lesson, PredictStep } from './schema.js';
import { COURSE_LEARNER, type Learner } from './learner.js';
import { startWorld } from './task-world.js';

export type PredictOutcome =
  | { ok: true; decision: Decision; authorization: Authorization; deniedMessage?: string }
  | { ok: false; message: string };

export function predictOutcome(
  lesson: Lesson,
  step: PredictStep,
  learner: Learner = COURSE_LEARNER,
): PredictOutcome {
  const started = startWorld(lesson, step, learner);
  if (!started.ok) return { ok: false, message: `the lesson's setup failed: ${started.command}` };
  const decided = decideRequest(started.session.world, step.request);
  if (!decided.ok) return { ok: false, message: decided.message };
  return {
    ok: true,
    decision: decided.decision,
    authorization: decided.authorization,
    ...(decided.message === undefined ? {} : { deniedMessage: decided.message }),
  };
}
