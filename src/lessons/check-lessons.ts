// `iam-tutor lessons check`: proves each lesson works as written, as rustlings' `dev check` does
// for its exercises. The file loads; every predict step's answer is what the engine decides;
// every task fails as it starts, passes with its reference solution (with no misconception
// shown), fails each named wrong solution with that solution's feedback, and, where it grades
// least privilege (it has probes), rejects every mutant of the reference that over-grants.
import { COURSE_LEARNER, lessonFor, type Learner } from './learner.js';
import { formatLessonError, type LoadedLesson } from './load.js';
import { mutantsOf } from './mutants.js';
import { predictOutcome } from './predict.js';
import type { Lesson, PredictStep, TaskStep } from './schema.js';
import { runSolution, type SolutionRun } from './solution.js';

export interface CheckRow {
  /** The lesson's id, or its file when it does not load. */
  lesson: string;
  step: string;
  what: string;
  ok: boolean;
  /** Why it failed; empty when it passed. */
  detail: string;
}

function predictRow(lesson: Lesson, step: PredictStep, learner: Learner): CheckRow {
  const row = { lesson: lesson.id, step: step.id, what: `answer is ${step.answer}` };
  const outcome = predictOutcome(lesson, step, learner);
  if (!outcome.ok) return { ...row, ok: false, detail: outcome.message };
  const ok = outcome.decision === step.answer;
  return { ...row, ok, detail: ok ? '' : `the engine decides ${outcome.decision}` };
}

type Started = SolutionRun & { ok: true };

const allRan = (run: Started) => run.commands.every((command) => command.exitCode === 0);

/** What a run that should have passed got wrong: failed commands, checks, probes, feedback. */
function whyNotPassed(run: Started): string {
  const failedCommands = run.commands
    .filter((command) => command.exitCode !== 0)
    .map((command) => `\`${command.command}\` failed: ${command.error}`);
  const failedChecks = [...run.grade.checks, ...run.grade.probes]
    .filter((check) => !check.holds)
    .map((check) => `${check.id} (found ${check.found})`);
  const shown = run.grade.feedback.map((feedback) => feedback.key);
  return [
    ...failedCommands,
    ...(failedChecks.length ? [`not holding: ${failedChecks.join(', ')}`] : []),
    ...(shown.length ? [`misconceptions shown: ${shown.join(', ')}`] : []),
  ].join('; ');
}

function taskRows(lesson: Lesson, task: TaskStep, learner: Learner): CheckRow[] {
  const row = (what: string, ok: boolean, detail: string): CheckRow => ({
    lesson: lesson.id,
    step: task.id,
    what,
    ok,
    detail: ok ? '' : detail,
  });
  const start = runSolution(lesson, task, [], learner);
  if (!start.ok) return [row('starting world', false, start.message)];
  const rows = [
    row('fails as it starts', !start.grade.passed, 'the starting world already passes'),
    row(
      'shows no misconception as it starts',
      start.grade.feedback.length === 0,
      `it shows ${start.grade.feedback.map((feedback) => feedback.key).join(', ')}`,
    ),
  ];
  // The same setup ran for the start: the runs below cannot fail to start.
  const reference = runSolution(lesson, task, task.solution, learner) as Started;
  const clean = reference.grade.passed && reference.grade.feedback.length === 0;
  rows.push(row('reference solution passes', clean && allRan(reference), whyNotPassed(reference)));
  for (const wrong of task.wrongSolutions ?? []) {
    const run = runSolution(lesson, task, wrong.commands, learner) as Started;
    const shown = run.grade.feedback.map((feedback) => feedback.key);
    // A wrong solution must be a mistake a learner makes, not a command that fails.
    const ok = allRan(run) && !run.grade.passed && shown.includes(wrong.feedback);
    const detail = !allRan(run)
      ? whyNotPassed({ ...run, grade: { ...run.grade, checks: [], probes: [], feedback: [] } })
      : run.grade.passed
        ? 'it passes'
        : `it shows ${shown.join(', ') || 'no misconception'}, not ${wrong.feedback}`;
    rows.push(row(`wrong: ${wrong.name}`, ok, detail));
  }
  if ((task.probes ?? []).length > 0) {
    for (const mutant of mutantsOf(task.solution)) {
      const run = runSolution(lesson, task, mutant.commands, learner) as Started;
      const what = `mutant: ${mutant.description}`;
      // A document AWS refuses (sts:* in a trust policy) cannot over-grant: nothing to catch.
      if (!allRan(run)) rows.push(row(`${what} (AWS refuses it)`, true, ''));
      else rows.push(row(what, !run.grade.passed, 'it passes: add a probe that catches it'));
    }
  }
  return rows;
}

/**
 * The rows of one lesson file; with a workshop's learner, as that learner gets the lesson (their
 * own accounts in every text, setup and check), which proves it works for every learner.
 */
export function checkLesson(loaded: LoadedLesson, learner: Learner = COURSE_LEARNER): CheckRow[] {
  if (!loaded.ok) {
    return [
      {
        lesson: loaded.path,
        step: '',
        what: 'loads',
        ok: false,
        detail: formatLessonError(loaded.error),
      },
    ];
  }
  const lesson = lessonFor(loaded.lesson, learner);
  const rows: CheckRow[] = [{ lesson: lesson.id, step: '', what: 'loads', ok: true, detail: '' }];
  for (const step of lesson.steps) {
    if (step.kind === 'predict') rows.push(predictRow(lesson, step, learner));
    if (step.kind === 'task') rows.push(...taskRows(lesson, step, learner));
  }
  return rows;
}

/** The rows as a table, a mark and a word on each so that it reads without colour. */
export function formatCheckTable(rows: readonly CheckRow[]): string {
  const widths = [
    Math.max(6, ...rows.map((r) => r.lesson.length)),
    Math.max(4, ...rows.map((r) => r.step.length)),
  ];
  const line = (mark: string, lesson: string, step: string, what: string) =>
    `${mark}  ${lesson.padEnd(widths[0] ?? 0)}  ${step.padEnd(widths[1] ?? 0)}  ${what}`.trimEnd();
  const body = rows.map((r) => {
    const main = line(r.ok ? '✓ ok  ' : '✗ FAIL', r.lesson, r.step, r.what);
    return r.ok ? main : `${main}\n${' '.repeat(8)}${r.detail}`;
  });
  const failed = rows.filter((r) => !r.ok).length;
  const summary = failed
    ? `${failed} of ${rows.length} checks failed`
    : `all ${rows.length} checks passed`;
  return `${[line('      ', 'lesson', 'step', 'check'), ...body].join('\n')}\n\n${summary}\n`;
}
