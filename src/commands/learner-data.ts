// What the commands that read progress share: the course (see course.ts), the learner's progress
// store of each of its sections (`--data-dir DIR`, `IAM_TUTOR_HOME`, or conf's config folder),
// and each lesson's status as the home screen shows it.
import type { LoadedLesson } from '../lessons/load.js';
import type { Course, CourseSection } from '../lessons/pack.js';
import type { Lesson } from '../lessons/schema.js';
import type { LessonRecord } from '../progress/progress.js';
import { ProgressStore } from '../progress/store.js';
import { resolveCourse } from './course.js';
import { DATA_OPTIONS, type DataFlags } from './data-options.js';

export { DATA_OPTIONS, type DataFlags };

/** The store of one section's progress (`progress`, its file's name), in the learner's data folder. */
export function openStore(flags: DataFlags, progress: string): ProgressStore {
  const dataDir = flags['data-dir'] ?? process.env.IAM_TUTOR_HOME;
  return new ProgressStore({
    ...(dataDir ? { dataDir } : {}),
    name: progress,
    now: () => new Date(),
  });
}

/** The store of each section of the course, by its progress name. */
export function openStores(flags: DataFlags, course: Course): Map<string, ProgressStore> {
  return new Map(
    course.sections.map((section) => [section.progress, openStore(flags, section.progress)]),
  );
}

/** What the learner should be told about their progress file, for stderr. */
export const noticesOf = (store: ProgressStore) =>
  store.notices.map((notice) => `iam-tutor: ${notice}\n`).join('');

/** A section of the course with the learner's records of its lessons. */
export interface SectionData {
  section: CourseSection;
  store: ProgressStore;
  records: Record<string, LessonRecord>;
}

export type LearnerData =
  | {
      ok: true;
      course: Course;
      sections: SectionData[];
      /** Every lesson shown, in order, with the learner's record of it. */
      lessons: { entry: LoadedLesson; record: LessonRecord | undefined }[];
      notices: string;
    }
  | { ok: false; message: string };

/** The course and the learner's records of it; `notices` is what to tell them on stderr. */
export function readLearnerData(flags: DataFlags): LearnerData {
  const read = resolveCourse(flags);
  if (!read.ok) return read;
  const { course } = read;
  const stores = openStores(flags, course);
  const sections = course.sections.map((section) => {
    const store = stores.get(section.progress) as ProgressStore;
    return { section, store, records: store.read().lessons };
  });
  return {
    ok: true,
    course,
    sections,
    lessons: sections.flatMap(({ section, records }) =>
      section.lessons.map((entry) => ({
        entry,
        record: entry.ok ? records[entry.lesson.id] : undefined,
      })),
    ),
    notices: [...stores.values()].map(noticesOf).join(''),
  };
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
