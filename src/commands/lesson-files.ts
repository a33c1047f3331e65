// Reading a folder of lesson files from disk: the built-in course shipped in the package's
// `lessons/`, or an instructor's folder. Unreadable files become broken lessons, not crashes.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLessons, MAX_LESSON_BYTES, type LoadedLesson } from '../lessons/load.js';

/** The package's folder: where package.json is, above this file (src/ when run from source, dist/ when bundled). */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export function builtInLessonsDir(): string {
  return join(packageRoot(), 'lessons');
}

const LESSON_FILE = /\.ya?ml$/;

/** The text of a file, or why it cannot be read, in words. */
function readText(path: string): string | Error {
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return new Error('it is not a regular file');
    if (stat.size > MAX_LESSON_BYTES) return new Error('larger than a lesson file may be');
    return readFileSync(path, 'utf8');
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

export type LessonFolder = { ok: true; lessons: LoadedLesson[] } | { ok: false; message: string };

/** Every lesson file of the folder, loaded; paths are shown relative to the working directory. */
export function readLessonFolder(dir: string): LessonFolder {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => LESSON_FILE.test(name));
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    const reason =
      code === 'ENOENT' ? 'no such folder' : code === 'ENOTDIR' ? 'not a folder' : code;
    return { ok: false, message: `cannot read lessons from ${dir}: ${reason}` };
  }
  const files = names.map((name) => {
    const full = join(dir, name);
    const path = relative(process.cwd(), full) || full;
    const text = readText(full);
    return typeof text === 'string' ? { path, text } : { path, text: '', unreadable: text.message };
  });
  const loaded = loadLessons(files.map(({ path, text }) => ({ path, text })));
  // A file that could not be read is broken for that reason, not for being empty.
  return {
    ok: true,
    lessons: loaded.map((entry) => {
      const unreadable = files.find((f) => f.path === entry.path)?.unreadable;
      return unreadable === undefined
        ? entry
        : {
            ok: false,
            path: entry.path,
            error: {
              path: entry.path,
              line: 1,
              column: 1,
              field: '',
              message: `cannot read it: ${unreadable}`,
            },
          };
    }),
  };
}
