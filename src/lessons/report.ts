// A learner's progress as a report an instructor can collect (`iam-tutor report`), and each
// lesson's line of it, which `iam-tutor progress` prints too: status, step, score and its
// breakdown, tasks passed, hints used, time spent, first and last activity; and a total.
import { ownAccount } from '../console/sandbox.js';
import { restoreSession } from '../console/session-file.js';
import { lessonStatus, type LessonRecord, type LessonStatus } from '../progress/progress.js';
import type { PackName } from './pack.js';
import type { Lesson, TaskStep } from './schema.js';
import { scoreLesson, type ScoreBreakdown } from './score.js';

export interface LessonReport {
  id: string;
  title: string;
  status: LessonStatus;
  /** The step shown, from 1; 0 before the lesson is started. */
  step: number;
  steps: number;
  /** 0-100; null before the lesson is started. */
  score: number | null;
  breakdown: ScoreBreakdown | null;
  tasksPassed: number;
  tasks: number;
  /** Hints shown, of the hints the lesson's tasks have. */
  hintsUsed: number;
  hints: number;
  secondsSpent: number;
  /** ISO 8601 times; null before the lesson is started. */
  firstActivity: string | null;
  lastActivity: string | null;
  /**
   * The learner's own account in the task worlds saved (111122223333 without a seed, one of their
   * own with a workshop's `--seed`): what an instructor matches with `grade --seed`.
   */
  accounts: string[];
}

export interface ReportTotal {
  lessons: number;
  completed: number;
  inProgress: number;
  /** The mean of the lessons' scores, a lesson not started counting 0, rounded. */
  score: number;
  tasksPassed: number;
  tasks: number;
  hintsUsed: number;
  hints: number;
  secondsSpent: number;
  firstActivity: string | null;
  lastActivity: string | null;
  accounts: string[];
}

export interface Report {
  /** ISO 8601. */
  generatedAt: string;
  /** The lesson pack reported on (its `id` absent when it has none); null for the built-in course. */
  pack: PackName | null;
  lessons: LessonReport[];
  total: ReportTotal;
}

/** A report is read by people and spreadsheets: parts of a score to a tenth, not 46.666666666666664. */
const tenth = (value: number) => Math.round(value * 10) / 10;

const roundedBreakdown = (breakdown: ScoreBreakdown): ScoreBreakdown => ({
  correctness: tenth(breakdown.correctness),
  leastPrivilege: tenth(breakdown.leastPrivilege),
  hints: tenth(breakdown.hints),
  attempts: tenth(breakdown.attempts),
});

/** The learner's own account in each task world the record keeps, once each, in order. */
function accountsWorkedIn(record: LessonRecord | undefined): string[] {
  const accounts = Object.values(record?.state.steps ?? {}).flatMap((step) => {
    if (step.kind !== 'task' || step.world === undefined) return [];
    const restored = restoreSession(step.world);
    return restored.ok ? [ownAccount(restored.session.world)] : [];
  });
  return [...new Set(accounts)].sort();
}

export function lessonReport(lesson: Lesson, record: LessonRecord | undefined): LessonReport {
  const score = record ? scoreLesson(lesson, record.state) : undefined;
  const tasks = lesson.steps.filter((step): step is TaskStep => step.kind === 'task');
  const states = tasks.flatMap((task) => {
    const state = record?.state.steps[task.id];
    return state?.kind === 'task' ? [state] : [];
  });
  return {
    id: lesson.id,
    title: lesson.title,
    status: lessonStatus(record),
    // A step beyond the lesson (a lesson shortened since) shows as its last.
    step: record ? Math.min(record.state.step + 1, lesson.steps.length) : 0,
    steps: lesson.steps.length,
    score: score?.score ?? null,
    breakdown: score ? roundedBreakdown(score.breakdown) : null,
    tasksPassed: states.filter((state) => state.status === 'passed').length,
    tasks: tasks.length,
    hintsUsed: states.reduce((sum, state) => sum + state.hintsShown, 0),
    hints: tasks.reduce((sum, task) => sum + (task.hints ?? []).length, 0),
    secondsSpent: Math.round(record?.secondsSpent ?? 0),
    firstActivity: record?.firstActivity ?? null,
    lastActivity: record?.lastActivity ?? null,
    accounts: accountsWorkedIn(record),
  };
}

/** The earliest or the latest of some ISO times, by the time they name. */
function extreme(times: (string | null)[], pick: (a: number, b: number) => boolean) {
  return times.reduce<string | null>(
    (best, time) =>
      time !== null && (best === null || pick(Date.parse(time), Date.parse(best))) ? time : best,
    null,
  );
}

export function buildReport(
  lessons: readonly { lesson: Lesson; record: LessonRecord | undefined }[],
  generatedAt: Date,
  pack?: PackName,
): Report {
  const lines = lessons.map(({ lesson, record }) => lessonReport(lesson, record));
  const sum = (key: 'tasksPassed' | 'tasks' | 'hintsUsed' | 'hints' | 'secondsSpent') =>
    lines.reduce((total, line) => total + line[key], 0);
  const scores = lines.reduce((total, line) => total + (line.score ?? 0), 0);
  return {
    generatedAt: generatedAt.toISOString(),
    pack: pack ?? null,
    lessons: lines,
    total: {
      lessons: lines.length,
      completed: lines.filter((line) => line.status === 'completed').length,
      inProgress: lines.filter((line) => line.status === 'in-progress').length,
      score: lines.length === 0 ? 0 : Math.round(scores / lines.length),
      tasksPassed: sum('tasksPassed'),
      tasks: sum('tasks'),
      hintsUsed: sum('hintsUsed'),
      hints: sum('hints'),
      secondsSpent: sum('secondsSpent'),
      firstActivity: extreme(
        lines.map((line) => line.firstActivity),
        (a, b) => a < b,
      ),
      lastActivity: extreme(
        lines.map((line) => line.lastActivity),
        (a, b) => a > b,
      ),
      accounts: [...new Set(lines.flatMap((line) => line.accounts))].sort(),
    },
  };
}
