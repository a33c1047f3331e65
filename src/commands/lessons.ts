// `iam-tutor lessons check [DIR]` and `iam-tutor lessons schema`: for lesson authors and CI.
import { parseArgs } from 'node:util';
import { checkLesson, formatCheckTable } from '../lessons/check-lessons.js';
import { packJsonSchema } from '../lessons/pack.js';
import { lessonJsonSchema } from '../lessons/schema.js';
import { readCourse } from './course.js';
import { learnerFromFlags, SEED_OPTION } from './seed-option.js';
import type { CommandOutput } from './simulate.js';

export const LESSONS_HELP = `Usage: iam-tutor lessons check [DIR] [--seed TEXT]
       iam-tutor lessons schema [pack]

check   Proves every lesson in DIR (default: the built-in course) works as written: its
        pack.yaml, if any, loads (exit 2 if not); each lesson file loads; each predict step's
        answer is the engine's; each task fails as it starts, passes with its reference
        solution, fails each wrong solution with its feedback, and rejects mutants of the
        reference that over-grant. Prints a table; exit 1 if anything fails.
        --seed TEXT: the same proof for a workshop's learner with that seed, who gets the
        lessons in accounts of their own (every 111122223333 and 444455556666 replaced).
schema  Prints the JSON Schema of lesson files, for editors
        (# yaml-language-server: $schema=lesson.schema.json); schema pack, that of pack.yaml
        (pack.schema.json).
`;

const usage = (message: string): CommandOutput => ({
  exitCode: 2,
  stdout: '',
  stderr: `iam-tutor lessons: ${message}\nRun 'iam-tutor lessons --help' for usage.\n`,
});

export function lessonsCommand(args: string[]): CommandOutput {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h' }, ...SEED_OPTION },
  });
  const [action, ...rest] = positionals;
  if (values.help || action === undefined) return { exitCode: 0, stdout: LESSONS_HELP, stderr: '' };
  if (action === 'schema') {
    const [which, ...extra] = rest;
    if (extra.length > 0 || (which !== undefined && which !== 'pack'))
      return usage(`schema takes nothing, or pack; got: ${rest.join(' ')}`);
    const schema = which === 'pack' ? packJsonSchema() : lessonJsonSchema();
    return { exitCode: 0, stdout: `${JSON.stringify(schema, null, 2)}\n`, stderr: '' };
  }
  if (action !== 'check') return usage(`unknown action: ${action} (check or schema)`);
  if (rest.length > 1) return usage(`check takes one DIR, got: ${rest.join(' ')}`);
  // The proof reads the files themselves, never the course as the build loaded it. A pack's
  // pack.yaml must load too; the built-in course it may show is proved on its own.
  const course = readCourse(rest[0], { compiled: false });
  if (!course.ok) return usage(course.message);
  // Not IAM_TUTOR_SEED, a learner's setting: an author proves the lessons for a seed by naming it.
  const learner = learnerFromFlags(values.seed, {});
  if ('problem' in learner) return usage(learner.problem);
  const rows = (course.course.sections[0]?.lessons ?? []).flatMap((loaded) =>
    checkLesson(loaded, learner),
  );
  return {
    exitCode: rows.every((row) => row.ok) ? 0 : 1,
    stdout: formatCheckTable(rows),
    stderr: '',
  };
}
