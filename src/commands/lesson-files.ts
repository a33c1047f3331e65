// Reading a folder of lesson files from disk: the built-in course shipped in the package's
// `lessons/`, or an instructor's folder. Unreadable files become broken lessons, not crashes.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  loadLesson,
  loadLessons,
  MAX_LESSON_BYTES,
  type KnownLesson,
  type LoadedLesson,
  type LessonFile,
} from '../lessons/load.js';
import { PACK_FILE } from '../lessons/pack.js';
import type { Lesson } from '../lessons/schema.js';

/** Where the bundle finds the built-in course as its build loaded it; undefined from source. */
declare const IAM_TUTOR_COMPILED_COURSE: string | undefined;

/** The package's folder: where package.json is, above this file (src/ when run from source, dist/ when bundled). */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export function builtInLessonsDir(): string {
  return join(packageRoot(), 'lessons');
}

/** A lesson file: any YAML file of the folder but its pack.yaml. */
const isLessonFile = (name: string) => /\.ya?ml$/.test(name) && !PACK_FILE.test(name);

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

export type LessonFolder =
  | { ok: true; lessons: LoadedLesson[]; pack: LessonFile | undefined }
  | { ok: false; message: string };

/**
 * A lesson file of the built-in course with the lesson loadLesson made of it. The file is known by
 * the digest of its text, not the text itself: the package ships the file beside it anyway.
 */
export interface CompiledLesson {
  name: string;
  sha256: string;
  lesson: Lesson;
}

const digest = (text: string): string => createHash('sha256').update(text).digest('base64');

/**
 * The built-in course's lessons as the build loaded them (scripts/build.mjs writes them beside the
 * bundle), so that a start does not parse and check the same YAML again (0.3-0.5 s for the course):
 * each is used only for a file of the same name and text (by digest), and only by the bundle (from
 * source the files are always read).
 */
function compiledCourse(dir: string): KnownLesson | undefined {
  if (typeof IAM_TUTOR_COMPILED_COURSE !== 'string') return undefined;
  if (resolve(dir) !== resolve(builtInLessonsDir())) return undefined;
  let compiled: CompiledLesson[];
  try {
    compiled = JSON.parse(
      readFileSync(join(packageRoot(), IAM_TUTOR_COMPILED_COURSE), 'utf8'),
    ) as CompiledLesson[];
  } catch {
    return undefined;
  }
  const byName = new Map(compiled.map((entry) => [entry.name, entry]));
  return (file) => {
    const entry = byName.get(basename(file.path));
    return entry !== undefined && entry.sha256 === digest(file.text) ? entry.lesson : undefined;
  };
}

/** The lessons of the folder that load, for the build to write beside the bundle. */
export function compileLessons(dir: string): CompiledLesson[] {
  return readdirSync(dir)
    .filter(isLessonFile)
    .flatMap((name) => {
      const file: LessonFile = {
        path: join(dir, name),
        text: readFileSync(join(dir, name), 'utf8'),
      };
      const loaded = loadLesson(file);
      return loaded.ok ? [{ name, sha256: digest(file.text), lesson: loaded.lesson }] : [];
    });
}

/**
 * Every lesson file of the folder, loaded; paths are shown relative to the working directory.
 * `compiled: false` reads every file even of the built-in course (for `lessons check`).
 */
export function readLessonFolder(dir: string, { compiled = true } = {}): LessonFolder {
  let all: string[];
  try {
    all = readdirSync(dir);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    const reasons: Record<string, string> = {
      ENOENT: 'no such folder',
      ENOTDIR: 'not a folder',
      EACCES: 'permission denied',
    };
    const reason = reasons[code] ?? code;
    return { ok: false, message: `cannot read lessons from ${dir}: ${reason}` };
  }
  const shown = (name: string) => relative(process.cwd(), join(dir, name)) || join(dir, name);
  const packs = all.filter((name) => PACK_FILE.test(name)).sort();
  if (packs.length > 1)
    return { ok: false, message: `${dir} has both ${packs.join(' and ')}: keep one` };
  let pack: LessonFile | undefined;
  if (packs[0] !== undefined) {
    const text = readText(join(dir, packs[0]));
    if (typeof text !== 'string')
      return { ok: false, message: `${shown(packs[0])}: cannot read it: ${text.message}` };
    pack = { path: shown(packs[0]), text };
  }
  const files = all.filter(isLessonFile).map((name) => {
    const path = shown(name);
    const text = readText(join(dir, name));
    return typeof text === 'string' ? { path, text } : { path, text: '', unreadable: text.message };
  });
  const loaded = loadLessons(
    files.map(({ path, text }) => ({ path, text })),
    compiled ? compiledCourse(dir) : undefined,
  );
  // A file that could not be read is broken for that reason, not for being empty.
  return {
    ok: true,
    pack,
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
