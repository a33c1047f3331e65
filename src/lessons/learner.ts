// Who is taking the lessons, as far as their worlds go. In a workshop every learner may be given a
// seed of their own (`--seed`): their accounts, key ids and instance ids differ from their
// neighbours', so answers cannot be copied, and the same seed always makes the same worlds, so
// grading stays deterministic. Without a seed, the worlds are the ones the lessons were written in.
import { accountsFor, relabelDeep, type SandboxAccounts } from '../console/sandbox-accounts.js';
import type { LoadedLesson } from './load.js';
import type { Course } from './pack.js';
import type { Lesson } from './schema.js';

export interface Learner {
  seed: string;
  accounts: SandboxAccounts;
}

export function learnerWithSeed(seed = ''): Learner {
  return { seed, accounts: accountsFor(seed) };
}

/** The learner the lessons were written for: no seed, the documentation's example accounts. */
export const COURSE_LEARNER: Learner = learnerWithSeed();

/**
 * The fields of a lesson (by their path, array indices skipped) that name a part of it: progress,
 * `grade --task` and reports know a lesson, step, check or misconception by the id its file gives,
 * so these stay as written whatever the learner's accounts. A wrong solution's `feedback` is a
 * misconception's key; elsewhere `feedback` is text.
 */
const IDENTIFIERS = new Set([
  'id',
  'scenario',
  'prerequisites',
  'steps/id',
  'steps/checks/id',
  'steps/probes/id',
  'steps/misconceptions/key',
  'steps/misconceptions/see',
  'steps/wrongSolutions/feedback',
]);

/** A lesson as this learner sees it: every account id in its text, setup and checks their own. */
export function lessonFor(lesson: Lesson, learner: Learner): Lesson {
  return relabelDeep(lesson, learner.accounts, (path) => IDENTIFIERS.has(path.join('/')));
}

export function lessonsFor(lessons: readonly LoadedLesson[], learner: Learner): LoadedLesson[] {
  return lessons.map((loaded) =>
    loaded.ok ? { ...loaded, lesson: lessonFor(loaded.lesson, learner) } : loaded,
  );
}

/** Every lesson of every section of the course, as this learner sees it. */
export function courseFor(course: Course, learner: Learner): Course {
  return {
    ...course,
    sections: course.sections.map((section) => ({
      ...section,
      lessons: lessonsFor(section.lessons, learner),
    })),
  };
}

/** A seed is something a learner can type (their login, a repository's name): one short line. */
export const MAX_SEED_LENGTH = 200;

/** The learner of a seed, or what is wrong with the seed. */
export function learnerOf(seed: string): Learner | { problem: string } {
  if (seed.length > MAX_SEED_LENGTH)
    return { problem: `the seed is ${seed.length} characters long; at most ${MAX_SEED_LENGTH}` };
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(seed))
    return { problem: 'the seed has a control character (a line break?); give it on one line' };
  return learnerWithSeed(seed);
}
