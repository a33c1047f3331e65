// `iam-tutor progress [--json]` and `iam-tutor reset LESSON | --all [--yes]`: the learner's
// progress as a table or JSON, and starting lessons over.
import { parseArgs } from 'node:util';
import type { Lesson } from '../lessons/schema.js';
import { scoreLesson } from '../lessons/score.js';
import { lessonStatus, type LessonRecord } from '../progress/progress.js';
import { columns, DATA_OPTIONS, openStore, readLearnerData, taskCount } from './learner-data.js';
import type { CommandOutput } from './simulate.js';

export const PROGRESS_HELP = `Usage: iam-tutor progress [--json] [--lessons DIR] [--data-dir DIR]
       iam-tutor reset LESSON | --all [--yes]

progress  Each lesson's status, step, score (with its breakdown in --json), tasks passed, time
          spent and first and last activity.
reset     Forget a lesson's progress (or every lesson's with --all). Asks first on a terminal;
          --yes skips the question (needed when there is no terminal to ask on).

The progress lives in iam-tutor's config folder, or in --data-dir DIR (or $IAM_TUTOR_HOME).
`;

const fail = (message: string): CommandOutput => ({
  exitCode: 2,
  stdout: '',
  stderr: `iam-tutor: ${message}\n`,
});

function minutes(seconds: number): string {
  return seconds < 60 ? `${Math.round(seconds)} s` : `${Math.round(seconds / 60)} min`;
}

function entryOf(lesson: Lesson, record: LessonRecord | undefined) {
  const score = record ? scoreLesson(lesson, record.state) : undefined;
  const passed = record
    ? Object.values(record.state.steps).filter((s) => s.kind === 'task' && s.status === 'passed')
        .length
    : 0;
  return {
    id: lesson.id,
    title: lesson.title,
    status: lessonStatus(record),
    // A step beyond the lesson (a lesson shortened since) shows as its last.
    step: record ? Math.min(record.state.step + 1, lesson.steps.length) : 0,
    steps: lesson.steps.length,
    score: score?.score ?? null,
    breakdown: score?.breakdown ?? null,
    tasksPassed: passed,
    tasks: taskCount(lesson),
    secondsSpent: record?.secondsSpent ?? 0,
    firstActivity: record?.firstActivity ?? null,
    lastActivity: record?.lastActivity ?? null,
  };
}

export function progressCommand(args: string[]): CommandOutput {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, ...DATA_OPTIONS },
  });
  if (values.help) return { exitCode: 0, stdout: PROGRESS_HELP, stderr: '' };
  if (positionals.length > 0)
    return fail(`progress takes no arguments, got: ${positionals.join(' ')}`);
  const data = readLearnerData(values);
  if (!data.ok) return fail(data.message);
  const { records, notices: stderr } = data;
  const entries = data.lessons.flatMap((e) =>
    e.ok ? [entryOf(e.lesson, records[e.lesson.id])] : [],
  );
  if (values.json) return { exitCode: 0, stdout: `${JSON.stringify(entries, null, 2)}\n`, stderr };
  const rows = entries.map((e) => [
    e.title,
    e.status,
    e.status === 'not-started' ? '' : `${e.step}/${e.steps}`,
    e.score === null ? '' : String(e.score),
    `${e.tasksPassed}/${e.tasks}`,
    e.secondsSpent ? minutes(e.secondsSpent) : '',
    e.lastActivity?.slice(0, 10) ?? '',
  ]);
  const header = ['Lesson', 'Status', 'Step', 'Score', 'Tasks', 'Time', 'Last'];
  return { exitCode: 0, stdout: `${columns([header, ...rows])}\n`, stderr };
}

/** Asks the learner a yes/no question on the terminal; the shell supplies it. */
export type Confirm = (question: string) => Promise<boolean>;

export async function resetCommand(
  args: string[],
  confirm: Confirm | undefined,
): Promise<CommandOutput> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      all: { type: 'boolean' },
      yes: { type: 'boolean', short: 'y' },
      help: { type: 'boolean', short: 'h' },
      ...DATA_OPTIONS,
    },
  });
  if (values.help) return { exitCode: 0, stdout: PROGRESS_HELP, stderr: '' };
  const [lessonId, ...extra] = positionals;
  if (extra.length > 0) return fail(`reset takes one LESSON, got also: ${extra.join(' ')}`);
  if ((lessonId === undefined) === (values.all !== true))
    return fail('reset needs a LESSON, or --all');
  const store = openStore(values);
  if (lessonId !== undefined && store.lesson(lessonId) === undefined) {
    return { exitCode: 0, stdout: `Nothing to reset: ${lessonId} has no progress.\n`, stderr: '' };
  }
  const what =
    lessonId === undefined ? 'the progress of every lesson' : `the progress of ${lessonId}`;
  if (values.yes !== true) {
    if (!confirm) return fail(`not resetting ${what} without a terminal to ask on: add --yes`);
    if (!(await confirm(`Forget ${what}? [y/N] `)))
      return { exitCode: 1, stdout: 'Nothing was reset.\n', stderr: '' };
  }
  if (lessonId === undefined) store.resetAll();
  else store.update(lessonId, () => undefined);
  return { exitCode: 0, stdout: `Forgot ${what}.\n`, stderr: '' };
}
