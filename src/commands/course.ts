// Which lessons a command shows and where their progress is kept, decided in one place for every
// command: `--lessons DIR`, else $IAM_TUTOR_LESSONS, else the built-in course. A folder is a lesson
// pack (see src/lessons/pack.ts) whose progress has a file of its own, named by the pack's `id`
// (so that a moved or re-cloned copy keeps its progress), else by the folder's real path.
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { basename } from 'node:path';
import {
  builtInCourse,
  orderLessons,
  packCourse,
  readPackFile,
  type Course,
  type PackManifest,
} from '../lessons/pack.js';
import { formatLessonError } from '../lessons/yaml-file.js';
import { BUILT_IN_PROGRESS } from '../progress/store.js';
import { builtInLessonsDir, readLessonFolder } from './lesson-files.js';

export type ReadCourse = { ok: true; course: Course } | { ok: false; message: string };

/** The folder of lessons asked for, if any: the flag, else the environment variable. */
export function lessonsFolder(flags: { lessons?: string | undefined }): string | undefined {
  return flags.lessons ?? (process.env.IAM_TUTOR_LESSONS || undefined);
}

/** The progress file of a pack: by its id, else by its folder's real path. */
export function packProgress(manifest: PackManifest, realPath: string): string {
  if (manifest.id !== undefined) return `${BUILT_IN_PROGRESS}.pack.${manifest.id}`;
  const hash = createHash('sha256').update(realPath).digest('hex').slice(0, 16);
  return `${BUILT_IN_PROGRESS}.folder.${hash}`;
}

/**
 * The course a command shows. `compiled: false` reads every file even of the built-in course
 * (for `lessons check`).
 */
export function resolveCourse(
  flags: { lessons?: string | undefined },
  options: { compiled?: boolean } = {},
): ReadCourse {
  return readCourse(lessonsFolder(flags), options);
}

function builtIn(options: { compiled?: boolean }): ReadCourse {
  const folder = readLessonFolder(builtInLessonsDir(), options);
  return folder.ok
    ? { ok: true, course: builtInCourse(folder.lessons, BUILT_IN_PROGRESS) }
    : folder;
}

/** The course of the folder `dir` (the built-in course when undefined, or when it is its folder). */
export function readCourse(
  dir: string | undefined,
  options: { compiled?: boolean } = {},
): ReadCourse {
  if (dir === undefined) return builtIn(options);
  const folder = readLessonFolder(dir, options);
  if (!folder.ok) return folder;
  const realPath = realpathSync(dir);
  if (realPath === realpathSync(builtInLessonsDir())) return builtIn(options);
  if (folder.lessons.length === 0)
    return { ok: false, message: `no lesson files (NN-name.yaml) in ${dir}` };
  const pack = folder.pack === undefined ? undefined : readPackFile(folder.pack);
  if (pack !== undefined && !pack.ok) return { ok: false, message: formatLessonError(pack.error) };
  const manifest = pack?.manifest ?? {};
  const ordered =
    pack === undefined
      ? { ok: true as const, lessons: folder.lessons }
      : orderLessons(folder.lessons, pack);
  if (!ordered.ok) return { ok: false, message: formatLessonError(ordered.error) };
  let shown: Course | undefined;
  if (manifest.builtIn === true) {
    const course = builtIn(options);
    if (!course.ok) return course;
    shown = course.course;
  }
  return {
    ok: true,
    course: packCourse(
      manifest,
      {
        folderName: basename(realPath),
        lessons: ordered.lessons,
        progress: packProgress(manifest, realPath),
      },
      shown,
    ),
  };
}
