// A lesson pack: a folder of lesson files with an optional pack.yaml that names it, orders its
// lessons and says whether the built-in course is shown beside it. Its progress is its own: each
// section of a course names the progress its lessons are kept in, so a pack never reads or writes
// the built-in course's progress, nor another pack's.
import * as z from 'zod/mini';
import { FILE_NAME, type LoadedLesson } from './load.js';
import { about, slug, text } from './schema.js';
import {
  fieldName,
  readYamlFile,
  type LessonError,
  type LessonFile,
  type Path,
} from './yaml-file.js';

/** The file in a lesson folder that makes it a pack; never read as a lesson. */
export const PACK_FILE = /^pack\.ya?ml$/;

export const packSchema = z.strictObject({
  id: z.optional(
    slug.check(
      about(
        "The pack's identity, which keys its progress: copies of the pack anywhere (moved, re-cloned) share it. Without it, the folder's real path keys the progress.",
      ),
    ),
  ),
  title: z.optional(text.check(about('Shown on Home and in reports; the folder name if absent.'))),
  description: z.optional(text.check(about('Shown on Home under the title.'))),
  order: z.optional(
    z
      .array(slug)
      .check(
        about('Lesson ids in the order Home shows them; lessons not listed follow, in file order.'),
      ),
  ),
  builtIn: z.optional(
    z
      .boolean()
      .check(
        about(
          "Also show the built-in course, after the pack's lessons, with its own progress (default false).",
        ),
      ),
  ),
});

export type PackManifest = z.infer<typeof packSchema>;

/** The JSON Schema editors validate pack.yaml with (`# yaml-language-server: $schema=...`). */
export function packJsonSchema(): Record<string, unknown> {
  return {
    ...(z.toJSONSchema(packSchema, { io: 'input' }) as Record<string, unknown>),
    title: 'iam-tutor lesson pack',
  };
}

export type ReadPack =
  | { ok: true; manifest: PackManifest; errorAt: (path: Path, message: string) => LessonError }
  | { ok: false; error: LessonError };

/** Only blank lines and comments. */
const NOTHING = /^(?:[ \t]*(?:#.*)?(?:\r?\n|$))*$/;

/** pack.yaml as the schema reads it; a file of only comments is a pack with nothing to say. */
export function readPackFile(file: LessonFile): ReadPack {
  if (NOTHING.test(file.text)) return { ok: true, manifest: {}, errorAt: noPosition(file) };
  const { read, errorAt } = readYamlFile(
    file,
    packSchema,
    'expected a pack: a map with id, title, description, order and builtIn, each optional',
  );
  return read.ok ? { ok: true, manifest: read.value, errorAt } : read;
}

/** An empty file has no fields to point at: its errors are at its start. */
const noPosition = (file: LessonFile) => (path: Path, message: string) => ({
  path: file.path,
  line: 1,
  column: 1,
  field: fieldName(path),
  message,
});

/** The id a lesson file stands for: its lesson's, or for a broken file the name after its number. */
const idOf = (entry: LoadedLesson) =>
  entry.ok ? entry.lesson.id : FILE_NAME.exec(entry.path)?.[2];

/** The pack's lessons in its `order`, those not listed after them in file order. */
export function orderLessons(
  lessons: readonly LoadedLesson[],
  read: Extract<ReadPack, { ok: true }>,
): { ok: true; lessons: LoadedLesson[] } | { ok: false; error: LessonError } {
  const order = read.manifest.order ?? [];
  const listed: LoadedLesson[] = [];
  for (const [i, id] of order.entries()) {
    if (order.indexOf(id) !== i)
      return { ok: false, error: read.errorAt(['order', i], `"${id}" is listed twice`) };
    const entry = lessons.find((lesson) => idOf(lesson) === id);
    if (entry === undefined) {
      const ids = lessons.flatMap((lesson) => idOf(lesson) ?? []);
      const there = ids.length > 0 ? ids.join(', ') : 'none';
      return {
        ok: false,
        error: read.errorAt(['order', i], `no lesson "${id}" in this folder (there are: ${there})`),
      };
    }
    listed.push(entry);
  }
  return { ok: true, lessons: [...listed, ...lessons.filter((entry) => !listed.includes(entry))] };
}

/** Lessons whose progress is kept together, under `progress` (a name the shell gives a file). */
export interface CourseSection {
  progress: string;
  /** Its heading on Home when the course has more than one section. */
  title: string;
  lessons: LoadedLesson[];
}

/** What a report or an export names: the pack, by its id when it has one. */
export interface PackName {
  id: string | undefined;
  title: string;
}

/** What the tutorial and the commands show: the built-in course, or a pack (and maybe the course). */
export interface Course {
  title: string;
  description: string | undefined;
  /** undefined for the built-in course. */
  pack: PackName | undefined;
  /** The pack's own lessons first; the built-in course after them with `builtIn: true`. */
  sections: CourseSection[];
}

export const BUILT_IN_TITLE = 'iam-tutor: IAM users and roles, by doing';

export function builtInCourse(lessons: LoadedLesson[], progress: string): Course {
  return {
    title: BUILT_IN_TITLE,
    description: undefined,
    pack: undefined,
    sections: [{ progress, title: 'The built-in course', lessons }],
  };
}

/** A pack's course: its lessons in order under its own progress, and the built-in course if shown. */
export function packCourse(
  manifest: PackManifest,
  pack: { folderName: string; lessons: LoadedLesson[]; progress: string },
  builtIn: Course | undefined,
): Course {
  const title = manifest.title ?? pack.folderName;
  return {
    title,
    description: manifest.description,
    pack: { id: manifest.id, title },
    sections: [
      { progress: pack.progress, title, lessons: pack.lessons },
      ...(builtIn?.sections ?? []),
    ],
  };
}

/** Every lesson of the course with the progress it is kept in, in the order Home shows them. */
export const courseLessons = (course: Course) =>
  course.sections.flatMap((section) =>
    section.lessons.map((entry) => ({ entry, progress: section.progress })),
  );
