// `iam-tutor new lesson NAME [--dir DIR]`: a commented starter lesson, DIR/NN-NAME.yaml, that
// passes `lessons check` as written; NN is the next free number in DIR. Never overwrites a file.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lessonJsonSchema, SLUG } from '../lessons/schema.js';
import { starterLesson } from '../lessons/starter-lesson.js';
import { parseArgs } from 'node:util';
import type { CommandOutput } from './simulate.js';

export const NEW_HELP = `Usage: iam-tutor new lesson NAME [--dir DIR]

Writes DIR/NN-NAME.yaml (DIR: ./lessons by default), a commented starter lesson with a read
step, a quiz, a predict step and a task (checks, probes, a misconception, hints, a reference
solution and wrong solutions) that passes \`iam-tutor lessons check DIR\` as it is. NN is the next
free number in DIR. NAME is the lesson's id: lowercase words joined by hyphens (app-on-ec2).
Writes DIR/lesson.schema.json too when DIR has none, for editor completion. Never overwrites a
file. The format: docs/authoring.md.
`;

const LESSON_FILE = /^(\d+)-(.+)\.ya?ml$/;

const refuse = (message: string): CommandOutput => ({
  exitCode: 2,
  stdout: '',
  stderr: `iam-tutor new: ${message}\nRun 'iam-tutor new --help' for usage.\n`,
});

/** The lesson files already in `dir` (none when it does not exist yet). */
function lessonFiles(dir: string): string[] {
  try {
    return readdirSync(dir).filter((name) => LESSON_FILE.test(name));
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return [];
    throw error;
  }
}

/** The number after the highest in `names` (01 in an empty folder), at least two digits. */
export function nextLessonNumber(names: string[]): string {
  const numbers = names.map((name) => Number(LESSON_FILE.exec(name)?.[1] ?? -1));
  const next = numbers.length === 0 ? 1 : Math.max(...numbers) + 1;
  return String(next).padStart(2, '0');
}

export function newCommand(args: string[]): CommandOutput {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { dir: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [what, name, ...rest] = positionals;
  if (values.help || what === undefined) return { exitCode: 0, stdout: NEW_HELP, stderr: '' };
  if (what !== 'lesson') return refuse(`unknown kind: ${what} (iam-tutor new lesson NAME)`);
  if (name === undefined) return refuse('new lesson needs a NAME, e.g. app-on-ec2');
  if (rest.length > 0) return refuse(`new lesson takes one NAME, got also: ${rest.join(' ')}`);
  if (!SLUG.test(name)) {
    return refuse(
      `"${name}" cannot be a lesson id: use lowercase letters and digits, words joined by hyphens (app-on-ec2)`,
    );
  }
  const dir = values.dir ?? 'lessons';
  let names: string[];
  try {
    names = lessonFiles(dir);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    return refuse(`cannot read ${dir}: ${code === 'ENOTDIR' ? 'not a folder' : code}`);
  }
  const same = names.find((file) => LESSON_FILE.exec(file)?.[2] === name);
  if (same !== undefined) {
    return refuse(`${join(dir, same)} already has the id ${name}: it is left as it is`);
  }
  const file = join(dir, `${nextLessonNumber(names)}-${name}.yaml`);
  const schemaFile = join(dir, 'lesson.schema.json');
  const written: string[] = [];
  try {
    mkdirSync(dir, { recursive: true });
    // `wx`: fails rather than overwrite a file that appeared meanwhile.
    writeFileSync(file, starterLesson(name), { flag: 'wx' });
    written.push(file);
    if (!existsSync(schemaFile)) {
      writeFileSync(schemaFile, `${JSON.stringify(lessonJsonSchema(), null, 2)}\n`, { flag: 'wx' });
      written.push(schemaFile);
    }
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    const reason = code === 'EEXIST' ? 'it exists; nothing is overwritten' : code;
    return refuse(`cannot write ${written.length === 0 ? file : schemaFile}: ${reason}`);
  }
  return {
    exitCode: 0,
    stdout:
      `Wrote ${written.join(' and ')}.\n` +
      `Edit it, then prove it works: iam-tutor lessons check ${dir}\n` +
      'The format is in docs/authoring.md.\n',
    stderr: '',
  };
}
