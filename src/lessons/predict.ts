// A predict step's answer as the learner sees it after choosing: the engine's decision in its own
// world, and its explanation, the same text `explain` prints in the console.
import { decideRequest } from '../aws/decide.js';
import { explanationText } from '../policy/explanation-text.js';
import type { Decision, Lesson, PredictStep } from './schema.js';
import { stepSeed } from './solution.js';
import { startWorld } from './task-world.js';

export type PredictOutcome =
  { ok: true; decision: Decision; explanation: string } | { ok: false; message: string };

export function predictOutcome(lesson: Lesson, step: PredictStep, seed?: string): PredictOutcome {
  const started = startWorld(stepSeed(lesson, step.id, seed), step.setup);
  if (!started.ok) return { ok: false, message: `the lesson's setup failed: ${started.command}` };
  const decided = decideRequest(started.session.world, step.request);
  if (!decided.ok) return { ok: false, message: decided.message };
  const { request, explanation } = decided.authorization;
  return {
    ok: true,
    decision: decided.decision,
    explanation: explanationText(request, explanation, decided.message),
  };
}
