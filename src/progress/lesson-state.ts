// What a learner did in a lesson, as the runner (src/lessons/runner.ts) keeps it and the store
// saves it: plain data, defined here below the lessons so that the store does not reach up.

export interface QuestionState {
  kind: 'question';
  /** Answers given, right or wrong. */
  answers: number;
  /** Whether the first answer was right. */
  firstRight: boolean;
  /** Whether an answer has been right. */
  right: boolean;
}

export interface TaskState {
  kind: 'task';
  status: 'open' | 'passed' | 'seen';
  /** Times the learner asked to check their work while it did not pass. */
  failedAttempts: number;
  hintsShown: number;
  /** Hints shown when the task passed: the ones asked for in practice afterwards cost nothing. */
  hintsWhenPassed?: number;
  /** The checks met (all of the task's checks hold) while a probe did not: more was granted. */
  overGranted: boolean;
  /** The ids of the checks and probes that held at the last grade. */
  holding: string[];
  /** The task's console session, saved to resume mid-task (session-file format). */
  world?: string;
}

export type StepState = QuestionState | TaskState;

export interface LessonState {
  lessonId: string;
  /** The index of the step shown. */
  step: number;
  /** By step id; absent until the learner acts on the step. */
  steps: Record<string, StepState>;
  /** Every step gone through, the last task passed or seen. */
  completed: boolean;
}
