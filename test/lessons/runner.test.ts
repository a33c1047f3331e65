// The lesson runner as a state machine: every event from every kind of step, Next's gate, and
// the score it leads to.
import { describe, expect, it } from 'vitest';
import type { TaskGrade } from '../../src/lessons/grade.js';
import { startLesson, step, type LessonEvent, type LessonState } from '../../src/lessons/runner.js';
import { scoreLesson } from '../../src/lessons/score.js';
import { runSolution } from '../../src/lessons/solution.js';
import { fixtureLesson, taskOf } from './helpers.js';

const lesson = fixtureLesson('good/01-app-on-ec2.yaml');
const task = taskOf(lesson, 'role-for-app');

function gradeOf(commands: readonly string[]): TaskGrade {
  const run = runSolution(lesson, task, commands);
  if (!run.ok) throw new Error(run.message);
  return run.grade;
}

const PASSING = gradeOf(task.solution);
const NOTHING_DONE = gradeOf([]);
/** The checks pass, a probe does not: every bucket readable. */
const OVER_GRANTING = gradeOf(
  task.wrongSolutions?.find((w) => w.feedback === 'any-bucket')?.commands ?? [],
);

/** Runs events from a state, returning the last outcome and the state after all of them. */
function play(events: LessonEvent[], from: LessonState = startLesson(lesson)) {
  let state = from;
  let outcome;
  for (const event of events) ({ state, outcome } = step(lesson, state, event));
  return { state, outcome };
}

const TO_TASK: LessonEvent[] = [
  { type: 'next' },
  { type: 'answer-quiz', choices: [1] },
  { type: 'next' },
  { type: 'answer-predict', decision: 'implicitDeny' },
  { type: 'next' },
];

describe('the lesson runner', () => {
  it('starts on the first step with nothing done', () => {
    expect(startLesson(lesson)).toEqual({
      lessonId: 'app-on-ec2',
      step: 0,
      steps: {},
      completed: false,
    });
  });

  it('moves on from a read step, and back from anywhere (not before the first)', () => {
    expect(play([{ type: 'next' }]).outcome).toEqual({ kind: 'moved', step: 1 });
    expect(play([{ type: 'back' }]).outcome).toEqual({ kind: 'moved', step: 0 });
    expect(play([{ type: 'next' }, { type: 'back' }]).state.step).toBe(0);
  });

  it('gates Next on a question until it is answered, right or wrong', () => {
    expect(play([{ type: 'next' }, { type: 'next' }]).outcome).toEqual({
      kind: 'blocked',
      reason: 'answer the question first',
    });
    const wrong = play([{ type: 'next' }, { type: 'answer-quiz', choices: [0] }]);
    expect(wrong.outcome).toEqual({
      kind: 'answered',
      right: false,
      feedback: ['Keys on disk leak and never expire.'],
    });
    expect(step(lesson, wrong.state, { type: 'next' }).outcome).toEqual({ kind: 'moved', step: 2 });
  });

  it('wants exactly the right options of a quiz, and gives the feedback of each chosen', () => {
    const both = play([{ type: 'next' }, { type: 'answer-quiz', choices: [1, 0] }]).outcome;
    expect(both).toMatchObject({
      right: false,
      feedback: [expect.any(String), expect.any(String)],
    });
    const out = play([{ type: 'next' }, { type: 'answer-quiz', choices: [7] }]).outcome;
    expect(out).toEqual({ kind: 'answered', right: false, feedback: [] });
  });

  it('records the first answer of a question apart from a later right one', () => {
    const { state } = play([
      { type: 'next' },
      { type: 'answer-quiz', choices: [0] },
      { type: 'answer-quiz', choices: [1] },
    ]);
    expect(state.steps['which-credentials']).toEqual({
      kind: 'question',
      answers: 2,
      firstRight: false,
      right: true,
    });
  });

  it('judges a prediction against the lesson answer', () => {
    const { outcome } = play([
      ...TO_TASK.slice(0, 3),
      { type: 'answer-predict', decision: 'explicitDeny' },
    ]);
    expect(outcome).toEqual({ kind: 'answered', right: false, feedback: [] });
  });

  it('ignores events that do not belong to the step', () => {
    expect(play([{ type: 'answer-quiz', choices: [0] }]).outcome).toEqual({
      kind: 'ignored',
      reason: 'not a quiz',
    });
    expect(play([{ type: 'answer-predict', decision: 'allowed' }]).outcome).toMatchObject({
      kind: 'ignored',
    });
    expect(play([{ type: 'hint' }]).outcome).toEqual({ kind: 'ignored', reason: 'not a task' });
  });

  it('gates Next on a task until it passes; failed checks asked for count as attempts', () => {
    const atTask = play(TO_TASK);
    expect(atTask.state.step).toBe(3);
    expect(step(lesson, atTask.state, { type: 'next' }).outcome).toEqual({
      kind: 'blocked',
      reason: 'the task is not done yet: its checks must all pass',
    });
    const tried = play(
      [
        { type: 'graded', grade: NOTHING_DONE, asked: false },
        { type: 'graded', grade: NOTHING_DONE, asked: true },
        { type: 'graded', grade: PASSING, asked: false },
      ],
      atTask.state,
    );
    expect(tried.outcome).toEqual({ kind: 'graded', passed: true, newlyPassed: true });
    expect(tried.state.steps['role-for-app']).toMatchObject({
      status: 'passed',
      failedAttempts: 1,
      overGranted: false,
      holding: [
        'trusts-ec2',
        'in-instance-profile',
        'reads-reports',
        'cannot-write',
        'cannot-read-payroll',
      ],
    });
    const done = step(lesson, tried.state, { type: 'next' });
    expect(done.outcome).toEqual({ kind: 'moved', step: 3, last: true });
    expect(done.state.completed).toBe(true);
  });

  it('keeps a passed task passed while the learner practises in it', () => {
    const passed = play([...TO_TASK, { type: 'graded', grade: PASSING, asked: true }]).state;
    const practised = play(
      [
        { type: 'graded', grade: OVER_GRANTING, asked: true },
        { type: 'graded', grade: NOTHING_DONE, asked: true },
      ],
      passed,
    );
    expect(practised.state.steps['role-for-app']).toMatchObject({
      status: 'passed',
      failedAttempts: 0,
      overGranted: false,
    });
    expect(practised.outcome).toEqual({ kind: 'graded', passed: false, newlyPassed: false });
  });

  it('reveals hints one tier at a time, then says there are no more', () => {
    const first = play([...TO_TASK, { type: 'hint' }]);
    expect(first.outcome).toEqual({ kind: 'hint', text: task.hints?.[0], tier: 1, of: 2 });
    const second = play([{ type: 'hint' }], first.state);
    expect(second.outcome).toEqual({ kind: 'hint', tier: 2, of: 2, text: task.hints?.[1] });
    expect(task.hints?.[1]).toMatch(/^aws iam create-role /);
    expect(play([{ type: 'hint' }], second.state).outcome).toEqual({
      kind: 'ignored',
      reason: 'no more hints',
    });
  });

  it('shows the solution as seen, not solved: Next opens, the task scores nothing', () => {
    const seen = play([...TO_TASK, { type: 'show-solution' }]);
    expect(seen.outcome).toEqual({ kind: 'solution', commands: task.solution, passed: false });
    expect(seen.state.steps['role-for-app']).toMatchObject({ status: 'seen' });
    const done = play([{ type: 'next' }], seen.state);
    expect(done.state.completed).toBe(true);
    expect(scoreLesson(lesson, done.state)).toMatchObject({ solved: 2, graded: 3 });
  });

  it('keeps a task passed when its solution is shown after it passed, and says so', () => {
    const shown = play([
      ...TO_TASK,
      { type: 'graded', grade: PASSING, asked: true },
      { type: 'show-solution' },
    ]);
    expect(shown.outcome).toEqual({ kind: 'solution', commands: task.solution, passed: true });
    expect(shown.state.steps['role-for-app']).toMatchObject({ status: 'passed' });
  });

  it('keeps a task seen when it passes after the solution was shown', () => {
    const seen = play([
      ...TO_TASK,
      { type: 'show-solution' },
      { type: 'graded', grade: PASSING, asked: true },
    ]);
    expect(seen.state.steps['role-for-app']).toMatchObject({ status: 'seen' });
    expect(scoreLesson(lesson, seen.state).solved).toBe(2);
  });

  it('keeps the task world to resume it', () => {
    const saved = play([...TO_TASK, { type: 'save-world', world: '{"w":1}' }]);
    expect(saved.state.steps['role-for-app']).toMatchObject({ world: '{"w":1}', status: 'open' });
  });

  it('does not change the state it is given', () => {
    const before = play(TO_TASK).state;
    const copy = structuredClone(before);
    step(lesson, before, { type: 'graded', grade: PASSING, asked: true });
    expect(before).toEqual(copy);
  });
});

describe('scoreLesson', () => {
  it('is 100 for everything right at the first try without hints', () => {
    const { state } = play([
      ...TO_TASK,
      { type: 'graded', grade: PASSING, asked: true },
      { type: 'next' },
    ]);
    expect(scoreLesson(lesson, state)).toEqual({
      score: 100,
      breakdown: { correctness: 70, leastPrivilege: 10, hints: 10, attempts: 10 },
      solved: 3,
      graded: 3,
    });
  });

  it('takes off for a late right answer, over-granting on the way, hints and failed checks', () => {
    const { state } = play([
      { type: 'next' },
      { type: 'answer-quiz', choices: [0] },
      { type: 'answer-quiz', choices: [1] },
      { type: 'next' },
      { type: 'answer-predict', decision: 'implicitDeny' },
      { type: 'next' },
      { type: 'hint' },
      { type: 'graded', grade: OVER_GRANTING, asked: true },
      { type: 'graded', grade: PASSING, asked: true },
    ]);
    const { breakdown, score } = scoreLesson(lesson, state);
    // quiz: half right after one wrong answer; task: over-granted once, one hint of two, one failed check.
    expect(breakdown.correctness).toBeCloseTo((70 * (0.5 + 1 + 1)) / 3);
    expect(breakdown.leastPrivilege).toBeCloseTo((10 * (1 + 1 + 0)) / 3);
    expect(breakdown.hints).toBeCloseTo((10 * (1 + 1 + 0.5)) / 3);
    expect(breakdown.attempts).toBeCloseTo((10 * (0.75 + 1 + 0.75)) / 3);
    expect(score).toBe(Math.round(58.333 + 6.667 + 8.333 + 8.333));
  });

  it('does not count hints asked for after the task passed', () => {
    const { state } = play([
      ...TO_TASK,
      { type: 'graded', grade: PASSING, asked: true },
      { type: 'hint' },
      { type: 'hint' },
      { type: 'next' },
    ]);
    expect(state.steps['role-for-app']).toMatchObject({ hintsShown: 2, hintsWhenPassed: 0 });
    expect(scoreLesson(lesson, state).score).toBe(100);
  });

  it('is 0 with nothing done', () => {
    expect(scoreLesson(lesson, startLesson(lesson)).score).toBe(0);
  });
});
