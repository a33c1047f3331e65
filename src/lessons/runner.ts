// A lesson in progress, as a state machine: the step the learner is on and what they did at each
// step. The screens send events (an answer, a grade after a command, a hint asked for, Next) and
// show what comes back; the state is plain data that the progress store saves as it is.
//
// Next is gated as Killercoda gates it: a question must have been answered, a task passed (or its
// solution shown). Back is always allowed; completed tasks stay open for replay.
import type { LessonState, QuestionState, StepState, TaskState } from '../progress/lesson-state.js';
import type { TaskGrade } from './grade.js';
import type { Decision, Lesson, QuizStep, Step } from './schema.js';

export type { LessonState, QuestionState, StepState, TaskState };

export type LessonEvent =
  | { type: 'next' }
  | { type: 'back' }
  | { type: 'answer-quiz'; choices: readonly number[] }
  | { type: 'answer-predict'; decision: Decision }
  /** A task was graded: after each command (`asked` false) or when the learner asked (true). */
  | { type: 'graded'; grade: TaskGrade; asked: boolean }
  | { type: 'hint' }
  | { type: 'show-solution' }
  | { type: 'save-world'; world: string };

export type Outcome =
  /** `last`: Next on the last step, which completes the lesson. */
  | { kind: 'moved'; step: number; last?: boolean }
  | { kind: 'blocked'; reason: string }
  | { kind: 'answered'; right: boolean; feedback: string[] }
  | { kind: 'graded'; passed: boolean; newlyPassed: boolean }
  | { kind: 'hint'; text: string; tier: number; of: number }
  /** `passed`: the task was passed before, and stays passed. */
  | { kind: 'solution'; commands: string[]; passed: boolean }
  | { kind: 'saved' }
  | { kind: 'ignored'; reason: string };

export function startLesson(lesson: Lesson): LessonState {
  return { lessonId: lesson.id, step: 0, steps: {}, completed: false };
}

const NEW_QUESTION: QuestionState = {
  kind: 'question',
  answers: 0,
  firstRight: false,
  right: false,
};

const NEW_TASK: TaskState = {
  kind: 'task',
  status: 'open',
  failedAttempts: 0,
  hintsShown: 0,
  overGranted: false,
  holding: [],
};

/** Why Next is not allowed from this step yet, or undefined when it is. */
function nextBlockedBy(step: Step, state: StepState | undefined): string | undefined {
  switch (step.kind) {
    case 'read':
      return undefined;
    case 'quiz':
    case 'predict':
      return state?.kind === 'question' && state.answers > 0
        ? undefined
        : 'answer the question first';
    case 'task':
      return state?.kind === 'task' && state.status !== 'open'
        ? undefined
        : 'the task is not done yet: its checks must all pass';
  }
}

/** The feedback of the options chosen, and whether the choice is exactly the right options. */
function quizAnswer(step: QuizStep, choices: readonly number[]) {
  const chosen = new Set(choices.filter((i) => i >= 0 && i < step.options.length));
  const right = step.options.every((option, i) => (option.correct === true) === chosen.has(i));
  const feedback = [...chosen].sort((a, b) => a - b).map((i) => step.options[i]?.feedback ?? '');
  return { right, feedback };
}

function answered(state: StepState | undefined, right: boolean): QuestionState {
  const before = state?.kind === 'question' ? state : NEW_QUESTION;
  return {
    kind: 'question',
    answers: before.answers + 1,
    firstRight: before.answers === 0 ? right : before.firstRight,
    right: before.right || right,
  };
}

function graded(before: TaskState, grade: TaskGrade, asked: boolean): TaskState {
  const checksMet = grade.checks.every((check) => check.holds);
  // Once passed, the task is open for practice: nothing done in it afterwards is held against it.
  const practising = before.status === 'passed';
  const passesNow = grade.passed && before.status === 'open';
  return {
    ...before,
    // A task whose solution was shown stays seen: passing it afterwards is not solving it.
    status: passesNow ? 'passed' : before.status,
    ...(passesNow ? { hintsWhenPassed: before.hintsShown } : {}),
    failedAttempts: before.failedAttempts + (asked && !grade.passed && !practising ? 1 : 0),
    overGranted: before.overGranted || (!practising && checksMet && !grade.passed),
    holding: [...grade.checks, ...grade.probes].filter((c) => c.holds).map((c) => c.id),
  };
}

/** Applies one event; the state given is not changed. */
export function step(
  lesson: Lesson,
  state: LessonState,
  event: LessonEvent,
): { state: LessonState; outcome: Outcome } {
  const current = lesson.steps[state.step];
  if (current === undefined) return { state, outcome: { kind: 'ignored', reason: 'no such step' } };
  const own = state.steps[current.id];
  const withStep = (stepState: StepState) => ({
    ...state,
    steps: { ...state.steps, [current.id]: stepState },
  });
  switch (event.type) {
    case 'back': {
      const to = Math.max(0, state.step - 1);
      return { state: { ...state, step: to }, outcome: { kind: 'moved', step: to } };
    }
    case 'next': {
      const reason = nextBlockedBy(current, own);
      if (reason) return { state, outcome: { kind: 'blocked', reason } };
      const last = state.step === lesson.steps.length - 1;
      const to = last ? state.step : state.step + 1;
      return {
        state: { ...state, step: to, completed: state.completed || last },
        outcome: { kind: 'moved', step: to, ...(last ? { last } : {}) },
      };
    }
    case 'answer-quiz': {
      if (current.kind !== 'quiz')
        return { state, outcome: { kind: 'ignored', reason: 'not a quiz' } };
      const { right, feedback } = quizAnswer(current, event.choices);
      return {
        state: withStep(answered(own, right)),
        outcome: { kind: 'answered', right, feedback },
      };
    }
    case 'answer-predict': {
      if (current.kind !== 'predict')
        return { state, outcome: { kind: 'ignored', reason: 'not a prediction' } };
      const right = event.decision === current.answer;
      return {
        state: withStep(answered(own, right)),
        outcome: { kind: 'answered', right, feedback: [] },
      };
    }
    default:
      break;
  }
  if (current.kind !== 'task') return { state, outcome: { kind: 'ignored', reason: 'not a task' } };
  const task = own?.kind === 'task' ? own : NEW_TASK;
  switch (event.type) {
    case 'graded': {
      const next = graded(task, event.grade, event.asked);
      const newlyPassed = next.status === 'passed' && task.status !== 'passed';
      return {
        state: withStep(next),
        outcome: { kind: 'graded', passed: event.grade.passed, newlyPassed },
      };
    }
    case 'hint': {
      const hints = current.hints ?? [];
      if (task.hintsShown >= hints.length) {
        return {
          state,
          outcome: {
            kind: 'ignored',
            reason: hints.length ? 'no more hints' : 'this task has no hints',
          },
        };
      }
      const tier = task.hintsShown + 1;
      return {
        state: withStep({ ...task, hintsShown: tier }),
        outcome: { kind: 'hint', text: hints[tier - 1] ?? '', tier, of: hints.length },
      };
    }
    case 'show-solution':
      // Seen, not solved: Next opens, the score does not count the task as solved.
      return {
        state: withStep({ ...task, status: task.status === 'passed' ? 'passed' : 'seen' }),
        outcome: {
          kind: 'solution',
          commands: [...current.solution],
          passed: task.status === 'passed',
        },
      };
    case 'save-world':
      return { state: withStep({ ...task, world: event.world }), outcome: { kind: 'saved' } };
  }
}
