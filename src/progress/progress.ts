// A learner's progress as data: per lesson, the runner's state, and when and how long they worked
// on it (the score is computed from the state and the lesson, never stored). Reading checks every
// lesson's record on its own, so one damaged record is dropped (and named) while the others are
// kept; files of older formats are migrated forward, and a file of a newer format is refused.
import * as z from 'zod/mini';
import { en } from 'zod/locales';
import type { LessonState } from './lesson-state.js';

z.config(en());

export const PROGRESS_FORMAT = 1;

export interface LessonRecord {
  state: LessonState;
  /** ISO 8601 times. */
  firstActivity: string;
  lastActivity: string;
  secondsSpent: number;
}

export interface Progress {
  formatVersion: number;
  lessons: Record<string, LessonRecord>;
}

const questionState = z.strictObject({
  kind: z.literal('question'),
  answers: z.number().check(z.int(), z.nonnegative()),
  firstRight: z.boolean(),
  right: z.boolean(),
});

const taskState = z.strictObject({
  kind: z.literal('task'),
  status: z.enum(['open', 'passed', 'seen']),
  failedAttempts: z.number().check(z.int(), z.nonnegative()),
  hintsShown: z.number().check(z.int(), z.nonnegative()),
  hintsWhenPassed: z.optional(z.number().check(z.int(), z.nonnegative())),
  overGranted: z.boolean(),
  holding: z.array(z.string()),
  world: z.optional(z.string()),
});

const lessonRecord = z.strictObject({
  state: z.strictObject({
    lessonId: z.string(),
    step: z.number().check(z.int(), z.nonnegative()),
    steps: z.record(z.string(), z.discriminatedUnion('kind', [questionState, taskState])),
    completed: z.boolean(),
  }),
  firstActivity: z.iso.datetime(),
  lastActivity: z.iso.datetime(),
  secondsSpent: z.number().check(z.nonnegative()),
});

/** A function that turns a file of format N into format N + 1, by N. */
export type Migrations = Readonly<
  Record<number, (old: Record<string, unknown>) => Record<string, unknown>>
>;

/** None yet: format 1 is the first. A change of format adds one here and bumps PROGRESS_FORMAT. */
export const MIGRATIONS: Migrations = {};

/** A lesson record that is not valid: where in the file (a JSON path) and what is wrong there. */
export interface DroppedRecord {
  lessonId: string;
  at: string;
  message: string;
}

export type ReadProgress =
  { ok: true; progress: Progress; dropped: DroppedRecord[] } | { ok: false; message: string };

export const emptyProgress = (): Progress => ({ formatVersion: PROGRESS_FORMAT, lessons: {} });

/** Reads what the store file held (already parsed JSON); an empty file is a new learner. */
export function readProgress(
  raw: unknown,
  migrations = MIGRATIONS,
  current = PROGRESS_FORMAT,
): ReadProgress {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, message: 'it is not a progress file' };
  }
  let data = raw as Record<string, unknown>;
  if (Object.keys(data).length === 0) return { ok: true, progress: emptyProgress(), dropped: [] };
  let version = data.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, message: 'it has no format version' };
  }
  if (version > current) {
    return {
      ok: false,
      message: `it was written by a newer iam-tutor (format ${version}; this one reads up to ${current})`,
    };
  }
  while (version < current) {
    const migrate = migrations[version];
    if (!migrate) return { ok: false, message: `no way to read format ${version}` };
    data = { ...migrate(data), formatVersion: version + 1 };
    version += 1;
  }
  const stored = data.lessons;
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
    return { ok: false, message: 'its "lessons" is not an object of lesson records by lesson id' };
  }
  // Entries, not assignments: a lesson id is the file's text, and `__proto__` is text too.
  const lessons: [string, LessonRecord][] = [];
  const dropped: DroppedRecord[] = [];
  for (const [id, record] of Object.entries(stored)) {
    const parsed = lessonRecord.safeParse(record);
    if (parsed.success) lessons.push([id, parsed.data]);
    else {
      const issue = parsed.error.issues[0];
      const at = ['$', 'lessons', id, ...(issue?.path ?? []).map(String)].join('.');
      dropped.push({ lessonId: id, at, message: issue?.message ?? 'not a lesson record' });
    }
  }
  return {
    ok: true,
    progress: { formatVersion: current, lessons: Object.fromEntries(lessons) },
    dropped,
  };
}

/** Idle time beyond this between two actions is not counted as time spent on the lesson. */
const MAX_COUNTED_GAP_SECONDS = 5 * 60;

/** The record after an action at `now` that left the lesson in `state`. */
export function recordActivity(
  before: LessonRecord | undefined,
  state: LessonState,
  now: Date,
): LessonRecord {
  const at = now.toISOString();
  const gap = before ? (now.getTime() - Date.parse(before.lastActivity)) / 1000 : 0;
  return {
    state,
    firstActivity: before?.firstActivity ?? at,
    lastActivity: at,
    secondsSpent: (before?.secondsSpent ?? 0) + Math.min(Math.max(gap, 0), MAX_COUNTED_GAP_SECONDS),
  };
}

export type LessonStatus = 'not-started' | 'in-progress' | 'completed';

/** Where the learner is with a lesson, from its record. */
export function lessonStatus(record: LessonRecord | undefined): LessonStatus {
  if (!record) return 'not-started';
  return record.state.completed ? 'completed' : 'in-progress';
}
