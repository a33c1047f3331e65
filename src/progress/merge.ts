// Progress brought from another machine (`iam-tutor progress import`) merged into the learner's.
// Per lesson the better record goes on, better being, in this order: completed beats not
// completed; then the higher score (when the lesson is known, to score it); then the more recent
// last activity; on a tie, the learner's own. A task passed in the other record and not in the
// kept one is then taken from it: a passed task is never lost, whichever record wins.
//
// Of the times, the first activity is the earlier, the last the later, and the time spent the
// larger, not the sum: the same hours are usually in both records (a file exported, worked on
// elsewhere and brought back), and importing the same file twice must change nothing.
import { isDeepStrictEqual } from 'node:util';
import type { LessonState, StepState } from './lesson-state.js';
import type { LessonRecord } from './progress.js';

/** A lesson's score (0-100) for a state of it; undefined when the lesson is not known. */
export type ScoreOf = (lessonId: string, state: LessonState) => number | undefined;

/** What decided between the two records. */
export type Why =
  | { by: 'completed' }
  | { by: 'score'; existing: number; imported: number }
  | { by: 'recent' }
  | { by: 'tie' };

export type LessonMerge =
  /** `added`: only the imported progress had the lesson; `same`: both had the same record. */
  | { lessonId: string; kept: 'added' | 'same' }
  | {
      lessonId: string;
      kept: 'existing' | 'imported';
      why: Why;
      /** Passed tasks taken from the other record, by step id. */
      tasksAdded: string[];
    };

export interface MergedProgress {
  lessons: Record<string, LessonRecord>;
  /** One per lesson of the imported progress, in its order. */
  merges: LessonMerge[];
}

const passed = (state: StepState | undefined) =>
  state?.kind === 'task' && state.status === 'passed';

function decide(
  lessonId: string,
  existing: LessonRecord,
  imported: LessonRecord,
  scoreOf: ScoreOf,
): { kept: 'existing' | 'imported'; why: Why } {
  const pick = (importedBetter: boolean) => (importedBetter ? 'imported' : 'existing');
  if (existing.state.completed !== imported.state.completed) {
    return { kept: pick(imported.state.completed), why: { by: 'completed' } };
  }
  const scores = {
    existing: scoreOf(lessonId, existing.state),
    imported: scoreOf(lessonId, imported.state),
  };
  if (
    scores.existing !== undefined &&
    scores.imported !== undefined &&
    scores.existing !== scores.imported
  ) {
    return {
      kept: pick(scores.imported > scores.existing),
      why: { by: 'score', existing: scores.existing, imported: scores.imported },
    };
  }
  const last = Date.parse(existing.lastActivity);
  const lastImported = Date.parse(imported.lastActivity);
  if (last !== lastImported) return { kept: pick(lastImported > last), why: { by: 'recent' } };
  return { kept: 'existing', why: { by: 'tie' } };
}

const earlier = (a: string, b: string) => (Date.parse(b) < Date.parse(a) ? b : a);
const later = (a: string, b: string) => (Date.parse(b) > Date.parse(a) ? b : a);

/** The two records of one lesson as one, and how it was decided. */
export function mergeRecords(
  lessonId: string,
  existing: LessonRecord,
  imported: LessonRecord,
  scoreOf: ScoreOf,
): { record: LessonRecord; merge: LessonMerge } {
  if (isDeepStrictEqual(existing, imported))
    return { record: existing, merge: { lessonId, kept: 'same' } };
  const { kept, why } = decide(lessonId, existing, imported, scoreOf);
  const [winner, other] = kept === 'existing' ? [existing, imported] : [imported, existing];
  // A step of another kind in the kept record (the lesson changed since) is left as it is.
  const taken = Object.entries(other.state.steps).filter(([id, state]) => {
    const own = winner.state.steps[id];
    return passed(state) && !passed(own) && (own === undefined || own.kind === 'task');
  });
  const steps = Object.fromEntries([...Object.entries(winner.state.steps), ...taken]);
  const tasksAdded = taken.map(([id]) => id);
  return {
    record: {
      state: { ...winner.state, steps },
      firstActivity: earlier(existing.firstActivity, imported.firstActivity),
      lastActivity: later(existing.lastActivity, imported.lastActivity),
      secondsSpent: Math.max(existing.secondsSpent, imported.secondsSpent),
    },
    merge: { lessonId, kept, why, tasksAdded },
  };
}

/** The learner's progress with the imported progress merged in; lessons only theirs are kept. */
export function mergeProgress(
  existing: Readonly<Record<string, LessonRecord>>,
  imported: Readonly<Record<string, LessonRecord>>,
  scoreOf: ScoreOf,
): MergedProgress {
  // A Map, not an object: a lesson id is the file's text, and `__proto__` is text too.
  const lessons = new Map(Object.entries(existing));
  const merges: LessonMerge[] = [];
  for (const [lessonId, record] of Object.entries(imported)) {
    const own = lessons.get(lessonId);
    const merged =
      own === undefined
        ? { record, merge: { lessonId, kept: 'added' as const } }
        : mergeRecords(lessonId, own, record, scoreOf);
    lessons.set(lessonId, merged.record);
    merges.push(merged.merge);
  }
  return { lessons: Object.fromEntries(lessons), merges };
}
