// `iam-tutor grade LESSON [--task ID] --solution FILE [--json | --junit FILE]`: runs a solution
// (console commands) from the task's starting world and grades it as the tutor would. For
// autograders (GitHub Classroom) and workshop CI: exit 0 pass, 1 fail, 2 bad input.
import { parseArgs } from 'node:util';
import { scriptLines } from '../console/script-lines.js';
import type { CheckResult } from '../lessons/grade.js';
import { lessonFor, type Learner } from '../lessons/learner.js';
import { escapeMarkup } from '../lessons/markup.js';
import type { Lesson, TaskStep } from '../lessons/schema.js';
import { runSolution, type SolutionRun } from '../lessons/solution.js';
import { courseLessons } from '../lessons/pack.js';
import { resolveCourse } from './course.js';
import { writeOutputFile } from './output-file.js';
import { learnerFromFlags, SEED_OPTION } from './seed-option.js';
import type { CommandOutput } from './simulate.js';

export const GRADE_HELP = `Usage: iam-tutor grade LESSON [--task ID] --solution FILE [--json | --junit FILE]

Runs the console commands in FILE (one per line, - for stdin) from the task's starting world and
grades them as the tutorial would: the task's checks, its least-privilege probes, and the
misconceptions the world shows. LESSON is a lesson id; --task is needed when it has several tasks.

  --lessons DIR  grade a lesson of the pack in DIR (or $IAM_TUTOR_LESSONS) instead of the
                 built-in course
  --json         print the result as JSON (format "iam-tutor-grade", version 1)
  --junit FILE   also write the result as JUnit XML to FILE
  --seed TEXT    the learner's own accounts and ids, as the tutorial made them with this seed
                 (a workshop's per-learner worlds; default: IAM_TUTOR_SEED, else none)

Exit status: 0 the task passes, 1 it does not, 2 bad input.
`;

/** The version of the JSON and JUnit outputs; bumped when a field changes meaning. */
const FORMAT_VERSION = 1;

const badInput = (message: string): CommandOutput => ({
  exitCode: 2,
  stdout: '',
  stderr: `iam-tutor grade: ${message}\n`,
});

type Graded = SolutionRun & { ok: true };

function findTask(lesson: Lesson, id: string | undefined): TaskStep | string {
  const tasks = lesson.steps.filter((step): step is TaskStep => step.kind === 'task');
  const ids = tasks.map((task) => task.id).join(', ');
  if (tasks.length === 0) return `lesson ${lesson.id} has no task to grade`;
  if (id === undefined) {
    return tasks.length === 1 && tasks[0]
      ? tasks[0]
      : `lesson ${lesson.id} has several tasks: choose one with --task (${ids})`;
  }
  return tasks.find((task) => task.id === id) ?? `lesson ${lesson.id} has no task ${id} (${ids})`;
}

const mark = (result: CheckResult) => (result.holds ? '✓' : '✗');

function textReport(lesson: Lesson, task: TaskStep, run: Graded, learner: Learner): string {
  const { grade } = run;
  const lines = [`${lesson.id} / ${task.id}: ${grade.passed ? 'PASS' : 'FAIL'}`];
  // Which worlds were graded: a solution written for another seed fails in these accounts.
  if (learner.seed !== '') {
    const { own, production } = learner.accounts;
    lines.push(`(the worlds of seed "${learner.seed}": accounts ${own} and ${production})`);
  }
  lines.push('', task.title);
  const describe = (result: CheckResult) =>
    `  ${mark(result)} ${result.title}${result.holds ? '' : `\n      found: ${result.found}`}`;
  lines.push(...grade.checks.map(describe));
  if (grade.probes.length > 0) lines.push('', 'Least privilege', ...grade.probes.map(describe));
  if (grade.feedback.length > 0) {
    lines.push('', 'Feedback');
    for (const feedback of grade.feedback) {
      const step = lesson.steps.find((s) => s.id === feedback.see);
      const see = step ? ` (see "${'title' in step && step.title ? step.title : step.id}")` : '';
      lines.push(`  • ${feedback.feedback}${see}`);
    }
  }
  const failed = run.commands.filter((command) => command.exitCode !== 0);
  if (failed.length > 0) {
    lines.push('', 'Commands that failed');
    for (const command of failed) lines.push(`  $ ${command.command}`, `    ${command.error}`);
  }
  return `${lines.join('\n')}\n`;
}

function jsonReport(lesson: Lesson, task: TaskStep, run: Graded): string {
  const { grade } = run;
  const report = {
    format: 'iam-tutor-grade',
    version: FORMAT_VERSION,
    lesson: lesson.id,
    task: task.id,
    passed: grade.passed,
    checks: grade.checks,
    probes: grade.probes,
    feedback: grade.feedback,
    commands: run.commands,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

function junitReport(lesson: Lesson, task: TaskStep, run: Graded): string {
  const suite = `${lesson.id}.${task.id}`;
  const results = [...run.grade.checks, ...run.grade.probes];
  const cases = results.map((result) => {
    const open = `    <testcase classname="${escapeMarkup(suite)}" name="${escapeMarkup(result.title)}"`;
    return result.holds
      ? `${open}/>`
      : `${open}>\n      <failure message="${escapeMarkup(`found: ${result.found}`)}"/>\n    </testcase>`;
  });
  const failures = results.filter((result) => !result.holds).length;
  const out = run.grade.feedback.map((feedback) => feedback.feedback).join('\n');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="iam-tutor grade v${FORMAT_VERSION}" tests="${results.length}" failures="${failures}">`,
    `  <testsuite name="${escapeMarkup(suite)}" tests="${results.length}" failures="${failures}">`,
    ...cases,
    ...(out ? [`    <system-out>${escapeMarkup(out)}</system-out>`] : []),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

/** Grades a solution text; the caller reads the solution file (or stdin). */
export function gradeCommand(
  args: string[],
  readSolution: (file: string) => string | Error,
  env: NodeJS.ProcessEnv = {},
): CommandOutput {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      task: { type: 'string' },
      solution: { type: 'string' },
      lessons: { type: 'string' },
      json: { type: 'boolean' },
      junit: { type: 'string' },
      ...SEED_OPTION,
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return { exitCode: 0, stdout: GRADE_HELP, stderr: '' };
  const [lessonId, ...extra] = positionals;
  if (lessonId === undefined)
    return badInput('which lesson? (iam-tutor grade LESSON --solution FILE)');
  if (extra.length > 0) return badInput(`grade takes one LESSON, got also: ${extra.join(' ')}`);
  if (values.solution === undefined) return badInput('--solution FILE is needed (- for stdin)');
  const course = resolveCourse(values);
  if (!course.ok) return badInput(course.message);
  const shown = courseLessons(course.course).map(({ entry }) => entry);
  const entry = shown.find((e) => (e.ok ? e.lesson.id === lessonId : false));
  if (!entry?.ok) {
    const ids = shown.flatMap((e) => (e.ok ? [e.lesson.id] : []));
    return badInput(`no lesson ${lessonId}${ids.length ? ` (there are: ${ids.join(', ')})` : ''}`);
  }
  const learner = learnerFromFlags(values.seed, env);
  if ('problem' in learner) return badInput(learner.problem);
  const lesson = lessonFor(entry.lesson, learner);
  const task = findTask(lesson, values.task);
  if (typeof task === 'string') return badInput(task);
  const text = readSolution(values.solution);
  if (text instanceof Error) return badInput(text.message);
  const { lines, unterminated } = scriptLines(text);
  if (unterminated !== undefined)
    return badInput(`the solution ends inside a command: ${unterminated}`);
  const run = runSolution(lesson, task, lines, learner);
  if (!run.ok) return badInput(`the lesson is broken: ${run.message}`);
  if (values.junit !== undefined) {
    const failed = writeOutputFile(values.junit, junitReport(lesson, task, run));
    if (failed !== undefined) return badInput(failed);
  }
  return {
    exitCode: run.grade.passed ? 0 : 1,
    stdout: values.json ? jsonReport(lesson, task, run) : textReport(lesson, task, run, learner),
    stderr: '',
  };
}
