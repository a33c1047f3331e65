// What the non-interactive commands share: the lessons (built-in or `--lessons DIR`), the
// learner's progress store (`--data-dir DIR`, `IAM_TUTOR_HOME`, or conf's config folder), and
// each lesson's status as the home screen shows it.
import type { LoadedLesson } from '../lessons/load.js';
import type { Lesson } from '../lessons/schema.js';
import type { LessonRecord } from '../progress/progress.js';
import { ProgressStore } from '../progress/store.js';
import { DATA_OPTIONS, type DataFlags } from './data-options.js';
import { builtInLessonsDir, readLessonFolder } from './lesson-files.js';

export { DATA_OPTIONS, type DataFlags };

export function openStore(flags: DataFlags): ProgressStore {
  const dataDir = flags['data-dir'] ?? process.env.IAM_TUTOR_HOME;
  return new ProgressStore({ ...(dataDir ? { dataDir } : {}), now: () => new Date() });
}

/** What the learner should be told about their progress file, for stderr. */
export const noticesOf = (store: ProgressStore) =>
  store.notices.map((notice) => `iam-tutor: ${notice}\n`).join('');

export type LearnerData =
  | { ok: true; lessons: LoadedLesson[]; records: Record<string, LessonRecord>; notices: string }
  | { ok: false; message: string };

/** The lessons and the learner's records of them; `notices` is what to tell them on stderr. */
export function readLearnerData(flags: DataFlags): LearnerData {
  const folder = readLessonFolder(flags.lessons ?? builtInLessonsDir());
  if (!folder.ok) return folder;
  const store = openStore(flags);
  const { lessons: records } = store.read();
  return { ok: true, lessons: folder.lessons, records, notices: noticesOf(store) };
}

/** `1 lesson`, `2 lessons`. */
export const lessonCount = (count: number) => `${count} ${count === 1 ? 'lesson' : 'lessons'}`;

export const taskCount = (lesson: Lesson) => lesson.steps.filter((s) => s.kind === 'task').length;

/** Text in columns, each as wide as its widest cell. */
export function columns(rows: readonly (readonly string[])[]): string {
  const widths =
    rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
