// `iam-tutor progress [--json]`, `progress export FILE`, `progress import FILE` and
// `iam-tutor reset LESSON | --all [--yes]`: the learner's progress as a table or JSON, moved
// between machines, and lessons started over.
import { parseArgs } from 'node:util';
import { lessonReport } from '../lessons/report.js';
import { duration } from '../lessons/report-formats.js';
import { scoreLesson } from '../lessons/score.js';
import { packMismatch, progressExport, readProgressExport } from '../progress/export-file.js';
import { mergeProgress, type LessonMerge, type Why } from '../progress/merge.js';
import type { Course } from '../lessons/pack.js';
import { resolveCourse } from './course.js';
import { parseJsonText } from './json-text.js';
import {
  columns,
  DATA_OPTIONS,
  lessonCount,
  noticesOf,
  openStore,
  openStores,
  readLearnerData,
  type DataFlags,
} from './learner-data.js';
import { writeOutputFile } from './output-file.js';
import type { CommandOutput } from './simulate.js';

export const PROGRESS_HELP = `Usage: iam-tutor progress [--json] [--lessons DIR] [--data-dir DIR]
       iam-tutor progress export FILE [--lessons DIR] [--data-dir DIR]
       iam-tutor progress import FILE [--lessons DIR] [--data-dir DIR]
       iam-tutor reset LESSON | --all [--yes]

progress  Each lesson's status, step, score (with its breakdown in --json), tasks passed, hints
          used, time spent and first and last activity.
export    Write your progress to FILE (- for stdout), to import on another machine
          ("format": "iam-tutor-progress", with the progress format's "version"). With
          --lessons DIR (or $IAM_TUTOR_LESSONS), the lesson pack's own progress, and the file
          names the pack ("pack": {"id", "title"}).
import    Merge the progress of FILE (- for stdin) into yours. Per lesson the better record
          stays: a completed one over one not completed, then the higher score (scored with the
          lessons of --lessons DIR, the built-in course by default), then the more recently
          worked on, then yours; a task passed in either stays passed. Time spent is the
          larger of the two, not their sum (the same time is usually in both). A file of a newer
          iam-tutor, one that is not a valid export, or one of another pack (or of the built-in
          course into a pack) is refused whole (exit 2) and your progress is left as it was.
reset     Forget a lesson's progress (or every lesson's with --all; with a lesson pack, every
          lesson's of the pack). Asks first on a terminal; --yes skips the question (needed
          when there is no terminal to ask on).

The progress lives in iam-tutor's config folder, or in --data-dir DIR (or $IAM_TUTOR_HOME). A
lesson pack's progress is kept apart from the built-in course's and from other packs'.
`;

/** Reads a file (- for stdin) for the command; the shell supplies it. */
export type ReadInput = (file: string) => string | Error;

const fail = (message: string): CommandOutput => ({
  exitCode: 2,
  stdout: '',
  stderr: `iam-tutor: ${message}\n`,
});

export function progressCommand(args: string[], readInput: ReadInput): CommandOutput {
  const [action, ...rest] = args;
  if (action === 'export') return exportCommand(rest);
  if (action === 'import') return importCommand(rest, readInput);
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
  const { notices: stderr } = data;
  const entries = data.lessons.flatMap(({ entry, record }) =>
    entry.ok ? [lessonReport(entry.lesson, record)] : [],
  );
  if (values.json) return { exitCode: 0, stdout: `${JSON.stringify(entries, null, 2)}\n`, stderr };
  const rows = entries.map((e) => [
    e.title,
    e.status,
    e.status === 'not-started' ? '' : `${e.step}/${e.steps}`,
    e.score === null ? '' : String(e.score),
    `${e.tasksPassed}/${e.tasks}`,
    `${e.hintsUsed}/${e.hints}`,
    e.secondsSpent ? duration(e.secondsSpent) : '',
    e.lastActivity?.slice(0, 10) ?? '',
  ]);
  const header = ['Lesson', 'Status', 'Step', 'Score', 'Tasks', 'Hints', 'Time', 'Last'];
  return { exitCode: 0, stdout: `${columns([header, ...rows])}\n`, stderr };
}

/** The one FILE of `progress export` or `import`, or why the arguments are wrong. */
function oneFile(
  action: 'export' | 'import',
  positionals: string[],
): { file: string } | { error: string } {
  const [file, ...extra] = positionals;
  const std = action === 'export' ? 'stdout' : 'stdin';
  if (file === undefined) return { error: `progress ${action} needs a FILE (- for ${std})` };
  if (extra.length > 0) {
    return { error: `progress ${action} takes one FILE, got also: ${extra.join(' ')}` };
  }
  return { file };
}

/** The course's own progress (a pack's, not the built-in course it may show too) and its store. */
function ownStore(flags: DataFlags, course: Course) {
  return openStore(flags, course.sections[0]?.progress ?? '');
}

/** ` of the lesson pack "Title"`, or nothing for the built-in course. */
const ofPack = (course: Course) =>
  course.pack === undefined ? '' : ` of the lesson pack "${course.pack.title}"`;

function exportCommand(args: string[]): CommandOutput {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h' }, ...DATA_OPTIONS },
  });
  if (values.help) return { exitCode: 0, stdout: PROGRESS_HELP, stderr: '' };
  const parsed = oneFile('export', positionals);
  if ('error' in parsed) return fail(parsed.error);
  const read = resolveCourse(values);
  if (!read.ok) return fail(read.message);
  const store = ownStore(values, read.course);
  const progress = store.read();
  const stderr = noticesOf(store);
  const text = `${JSON.stringify(progressExport(progress, read.course.pack), null, 2)}\n`;
  if (parsed.file === '-') return { exitCode: 0, stdout: text, stderr };
  const failed = writeOutputFile(parsed.file, text);
  if (failed !== undefined) return fail(failed);
  const count = Object.keys(progress.lessons).length;
  return {
    exitCode: 0,
    stdout: `Exported the progress of ${lessonCount(count)}${ofPack(read.course)} to ${parsed.file}.\n`,
    stderr,
  };
}

/** Why the record kept was kept, as said of it. */
function because(why: Why, kept: 'existing' | 'imported'): string {
  switch (why.by) {
    case 'completed':
      return 'it is completed';
    case 'score': {
      const [own, other] =
        kept === 'existing' ? [why.existing, why.imported] : [why.imported, why.existing];
      return `it scores higher (${own} against ${other})`;
    }
    case 'recent':
      return 'it was worked on more recently';
    case 'tie':
      return 'the other is no better';
  }
}

function mergeLine(merge: LessonMerge): string {
  switch (merge.kept) {
    case 'added':
      return 'added';
    case 'same':
      return 'the same in both';
    case 'existing':
    case 'imported': {
      const whose = merge.kept === 'existing' ? 'yours kept' : "the file's taken";
      const from = merge.kept === 'existing' ? 'the file' : 'yours';
      const tasks = merge.tasksAdded.length
        ? `; passed in ${from} and kept: ${merge.tasksAdded.join(', ')}`
        : '';
      return `${whose}: ${because(merge.why, merge.kept)}${tasks}`;
    }
  }
}

function importCommand(args: string[], readInput: ReadInput): CommandOutput {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h' }, ...DATA_OPTIONS },
  });
  if (values.help) return { exitCode: 0, stdout: PROGRESS_HELP, stderr: '' };
  const parsed = oneFile('import', positionals);
  if ('error' in parsed) return fail(parsed.error);
  const { file } = parsed;
  const source = file === '-' ? '<stdin>' : file;
  const text = readInput(file);
  if (text instanceof Error) return fail(text.message);
  // Everything is checked before the progress is touched: a bad file changes nothing.
  const json = parseJsonText(text);
  if (!json.ok) {
    return fail(
      `cannot import ${source}:${json.line}:${json.column}: not valid JSON: ${json.message}`,
    );
  }
  const read = readProgressExport(json.value);
  if (!read.ok) {
    const where = read.at === undefined ? undefined : json.locate(read.at);
    const place = where ? `${source}:${where.line}:${where.column}` : source;
    const what = read.at === undefined ? read.message : `${read.at}: ${read.message}`;
    return fail(`cannot import ${place}: ${what}`);
  }
  const course = resolveCourse(values);
  if (!course.ok) return fail(course.message);
  const mismatch = packMismatch(read.pack, course.course.pack);
  if (mismatch !== undefined) return fail(`cannot import ${source}: ${mismatch}`);
  const own = course.course.sections[0]?.lessons ?? [];
  const lessons = new Map(own.flatMap((e) => (e.ok ? [[e.lesson.id, e.lesson]] : [])));
  const store = ownStore(values, course.course);
  let merges: LessonMerge[] = [];
  store.updateAll((own) => {
    const merged = mergeProgress(own, read.progress.lessons, (id, state) => {
      const lesson = lessons.get(id);
      return lesson ? scoreLesson(lesson, state).score : undefined;
    });
    merges = merged.merges;
    return merged.lessons;
  });
  const stderr = noticesOf(store);
  const rows = merges.map((merge) => [`  ${merge.lessonId}`, mergeLine(merge)]);
  const table = rows.length ? `${columns(rows)}\n` : '';
  return {
    exitCode: 0,
    stdout: `Imported ${source} into ${store.path}: ${lessonCount(merges.length)}\n${table}`,
    stderr,
  };
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
  const read = resolveCourse(values);
  if (!read.ok) return fail(read.message);
  // A lesson's progress is in its section's store (a pack's, or the built-in course it shows).
  const stores = [...openStores(values, read.course).values()];
  const store =
    lessonId === undefined
      ? stores[0]
      : stores.find((candidate) => candidate.lesson(lessonId) !== undefined);
  if (store === undefined) {
    return { exitCode: 0, stdout: `Nothing to reset: ${lessonId} has no progress.\n`, stderr: '' };
  }
  const what =
    lessonId === undefined
      ? `the progress of every lesson${ofPack(read.course)}`
      : `the progress of ${lessonId}`;
  if (values.yes !== true) {
    if (!confirm) return fail(`not resetting ${what} without a terminal to ask on: add --yes`);
    if (!(await confirm(`Forget ${what}? [y/N] `)))
      return { exitCode: 1, stdout: 'Nothing was reset.\n', stderr: '' };
  }
  if (lessonId === undefined) store.resetAll();
  else store.update(lessonId, () => undefined);
  return { exitCode: 0, stdout: `Forgot ${what}.\n`, stderr: '' };
}
