// A lesson's score, 0-100, with its breakdown. Each graded step (quiz, predict, task) earns
// nothing until solved; a solved one earns 70% for being right (half of that for a question
// answered right only after a wrong answer), 10% for least privilege (lost when the task's checks
// passed while a probe showed more granted than asked), 10% for hints (in proportion to the
// hints not used) and 10% for attempts (a quarter lost per failed check or wrong answer, at most
// all of it). A task whose solution was shown is seen, not solved: it earns nothing.
import type { LessonState, StepState } from './runner.js';
import type { Lesson, Step } from './schema.js';

export interface ScoreBreakdown {
  correctness: number;
  leastPrivilege: number;
  hints: number;
  attempts: number;
}

export interface LessonScore {
  score: number;
  breakdown: ScoreBreakdown;
  /** Graded steps solved, of all graded steps. */
  solved: number;
  graded: number;
}

/** What each part is out of: a lesson's score is out of 100. */
export const WEIGHTS: ScoreBreakdown = {
  correctness: 70,
  leastPrivilege: 10,
  hints: 10,
  attempts: 10,
};

const NOTHING: ScoreBreakdown = { correctness: 0, leastPrivilege: 0, hints: 0, attempts: 0 };

const attemptsShare = (failed: number) => Math.max(0, 1 - 0.25 * failed);

/** The shares (0-1) a step earned of each part. */
function earned(step: Step, state: StepState | undefined): ScoreBreakdown {
  if (state === undefined) return NOTHING;
  if (state.kind === 'question') {
    if (!state.right) return NOTHING;
    const wrong = state.firstRight ? 0 : state.answers - 1;
    return {
      correctness: state.firstRight ? 1 : 0.5,
      leastPrivilege: 1,
      hints: 1,
      attempts: attemptsShare(wrong),
    };
  }
  if (state.status !== 'passed') return NOTHING;
  const hints = step.kind === 'task' ? (step.hints ?? []).length : 0;
  return {
    correctness: 1,
    leastPrivilege: state.overGranted ? 0 : 1,
    hints: hints === 0 ? 1 : 1 - (state.hintsWhenPassed ?? state.hintsShown) / hints,
    attempts: attemptsShare(state.failedAttempts),
  };
}

export function scoreLesson(lesson: Lesson, state: LessonState): LessonScore {
  const gradedSteps = lesson.steps.filter((step) => step.kind !== 'read');
  const shares = gradedSteps.map((step) => earned(step, state.steps[step.id]));
  const part = (key: keyof ScoreBreakdown) =>
    gradedSteps.length === 0
      ? state.completed
        ? WEIGHTS[key]
        : 0
      : (WEIGHTS[key] * shares.reduce((sum, share) => sum + share[key], 0)) / gradedSteps.length;
  const breakdown: ScoreBreakdown = {
    correctness: part('correctness'),
    leastPrivilege: part('leastPrivilege'),
    hints: part('hints'),
    attempts: part('attempts'),
  };
  const total =
    breakdown.correctness + breakdown.leastPrivilege + breakdown.hints + breakdown.attempts;
  return {
    score: Math.round(total),
    breakdown,
    solved: shares.filter((share) => share.correctness > 0).length,
    graded: gradedSteps.length,
  };
}
