// Merging imported progress into the learner's: which record of a lesson goes on (completed, then
// score, then recency, then the learner's own), passed tasks never lost, times combined so that
// importing the same file twice changes nothing.
import { describe, expect, it } from 'vitest';
import { scoreLesson } from '../../src/lessons/score.js';
import type { LessonState, TaskState } from '../../src/progress/lesson-state.js';
import { mergeProgress, mergeRecords, type ScoreOf } from '../../src/progress/merge.js';
import type { LessonRecord } from '../../src/progress/progress.js';
import { fixtureLesson } from '../lessons/helpers.js';

// Steps: why-roles (read), which-credentials (quiz), read-only-cannot-write (predict),
// role-for-app (task, two hints).
const lesson = fixtureLesson('good/01-app-on-ec2.yaml');
const scoreOf: ScoreOf = (id, state) =>
  id === lesson.id ? scoreLesson(lesson, state).score : undefined;

const rightFirst = { kind: 'question', answers: 1, firstRight: true, right: true } as const;
const rightSecond = { kind: 'question', answers: 2, firstRight: false, right: true } as const;

function task(status: TaskState['status'], hintsShown = 0): TaskState {
  return {
    kind: 'task',
    status,
    failedAttempts: 0,
    hintsShown,
    ...(status === 'passed' ? { hintsWhenPassed: hintsShown } : {}),
    overGranted: false,
    holding: [],
  };
}

function record(
  steps: LessonState['steps'],
  { completed = false, first = '09:00', last = '10:00', seconds = 600, lessonId = lesson.id } = {},
): LessonRecord {
  return {
    state: { lessonId, step: completed ? 3 : 2, steps, completed },
    firstActivity: `2026-12-01T${first}:00.000Z`,
    lastActivity: `2026-12-01T${last}:00.000Z`,
    secondsSpent: seconds,
  };
}

const merge = (existing: LessonRecord, imported: LessonRecord) =>
  mergeRecords(lesson.id, existing, imported, scoreOf);

describe('mergeRecords: which record goes on', () => {
  it('keeps a completed record over one not completed, even one scoring higher and newer', () => {
    const completed = record(
      { 'which-credentials': rightSecond, 'role-for-app': task('seen') },
      { completed: true, last: '08:00' },
    );
    const better = record({
      'which-credentials': rightFirst,
      'read-only-cannot-write': rightFirst,
    });
    expect(scoreOf(lesson.id, better.state)).toBeGreaterThan(
      scoreOf(lesson.id, completed.state) ?? 100,
    );
    for (const [existing, imported, kept] of [
      [completed, better, 'existing'],
      [better, completed, 'imported'],
    ] as const) {
      const { record: merged, merge: how } = merge(existing, imported);
      expect(merged.state.completed).toBe(true);
      expect(merged.state.steps['which-credentials']).toEqual(rightSecond);
      expect(how).toEqual({ lessonId: lesson.id, kept, why: { by: 'completed' }, tasksAdded: [] });
    }
  });

  it('then the higher score, even an older one', () => {
    const high = record({ 'which-credentials': rightFirst }, { last: '08:00' });
    const low = record({ 'which-credentials': rightSecond }, { last: '11:00' });
    const { record: merged, merge: how } = merge(low, high);
    expect(merged.state.steps['which-credentials']).toEqual(rightFirst);
    expect(how).toMatchObject({
      kept: 'imported',
      why: { by: 'score', existing: 21, imported: 33 },
    });
  });

  it('then the more recent, then the learner’s own', () => {
    const older = record({ 'which-credentials': rightFirst }, { last: '08:00' });
    const newer = record({ 'read-only-cannot-write': rightFirst }, { last: '11:00' });
    expect(scoreOf(lesson.id, older.state)).toBe(scoreOf(lesson.id, newer.state));
    expect(merge(older, newer).merge).toMatchObject({ kept: 'imported', why: { by: 'recent' } });
    expect(merge(newer, older).merge).toMatchObject({ kept: 'existing', why: { by: 'recent' } });
    const sameTime = record({ 'read-only-cannot-write': rightFirst }, { last: '08:00' });
    expect(merge(older, sameTime)).toMatchObject({
      record: older,
      merge: { kept: 'existing', why: { by: 'tie' } },
    });
  });

  it('decides by recency alone for a lesson it cannot score', () => {
    const unknown = (steps: LessonState['steps'], last: string) =>
      record(steps, { lessonId: 'gone', last });
    const { merge: how } = mergeRecords(
      'gone',
      unknown({ 'which-credentials': rightFirst }, '11:00'),
      unknown({ 'which-credentials': rightSecond }, '12:00'),
      scoreOf,
    );
    expect(how).toMatchObject({ kept: 'imported', why: { by: 'recent' } });
  });

  it('says when the two records are the same', () => {
    const same = record({ 'which-credentials': rightFirst });
    expect(merge(same, structuredClone(same))).toEqual({
      record: same,
      merge: { lessonId: lesson.id, kept: 'same' },
    });
  });
});

describe('mergeRecords: nothing passed is lost', () => {
  it('takes a task passed in the other record into the kept one, raising its score', () => {
    const seen = record(
      { 'which-credentials': rightFirst, 'role-for-app': task('seen') },
      { completed: true },
    );
    const passed = record({ 'role-for-app': task('passed', 1) }, { last: '12:00' });
    const { record: merged, merge: how } = merge(seen, passed);
    expect(how).toEqual({
      lessonId: lesson.id,
      kept: 'existing',
      why: { by: 'completed' },
      tasksAdded: ['role-for-app'],
    });
    expect(merged.state).toEqual({
      ...seen.state,
      steps: { 'which-credentials': rightFirst, 'role-for-app': task('passed', 1) },
    });
    expect(scoreOf(lesson.id, merged.state)).toBeGreaterThan(scoreOf(lesson.id, seen.state) ?? 0);
  });

  it('keeps the kept record’s own passed task, and a step of another kind, as they are', () => {
    const own = record({ 'role-for-app': task('passed', 0) }, { completed: true });
    const other = record({
      'role-for-app': task('passed', 2),
      'which-credentials': task('passed'),
    });
    const ownQuestion = record(
      { 'role-for-app': task('passed', 0), 'which-credentials': rightSecond },
      { completed: true },
    );
    expect(merge(own, other).record.state.steps['role-for-app']).toEqual(task('passed', 0));
    expect(merge(ownQuestion, other)).toMatchObject({
      record: { state: ownQuestion.state },
      merge: { tasksAdded: [] },
    });
  });

  it('combines the times: the earlier first, the later last, the larger time spent', () => {
    const a = record({}, { first: '08:00', last: '09:30', seconds: 900 });
    const b = record(
      { 'which-credentials': rightFirst },
      { first: '09:00', last: '11:00', seconds: 300 },
    );
    expect(merge(a, b).record).toMatchObject({
      state: b.state,
      firstActivity: '2026-12-01T08:00:00.000Z',
      lastActivity: '2026-12-01T11:00:00.000Z',
      secondsSpent: 900,
    });
  });
});

describe('mergeProgress', () => {
  const mine = {
    [lesson.id]: record({ 'which-credentials': rightSecond }),
    'only-mine': record({}, { lessonId: 'only-mine' }),
  };
  const theirs = {
    'only-theirs': record({}, { lessonId: 'only-theirs' }),
    [lesson.id]: record({ 'role-for-app': task('passed') }, { last: '12:00' }),
  };

  it('adds the lessons only imported, keeps the lessons only the learner has, merges the rest', () => {
    const { lessons, merges } = mergeProgress(mine, theirs, scoreOf);
    expect(Object.keys(lessons).sort()).toEqual([lesson.id, 'only-mine', 'only-theirs']);
    expect(lessons['only-mine']).toBe(mine['only-mine']);
    expect(lessons['only-theirs']).toBe(theirs['only-theirs']);
    expect(merges).toEqual([
      { lessonId: 'only-theirs', kept: 'added' },
      {
        lessonId: lesson.id,
        kept: 'imported',
        why: { by: 'score', existing: 21, imported: 33 },
        tasksAdded: [],
      },
    ]);
  });

  it('changes nothing when the same file is imported again', () => {
    const once = mergeProgress(mine, theirs, scoreOf).lessons;
    const twice = mergeProgress(once, theirs, scoreOf);
    expect(twice.lessons).toEqual(once);
    expect(mergeProgress(once, once, scoreOf).merges.map((m) => m.kept)).toEqual([
      'same',
      'same',
      'same',
    ]);
  });

  it('keeps a lesson id that is also a name of Object.prototype as data', () => {
    const imported = JSON.parse(
      `{"__proto__": ${JSON.stringify(record({}, { lessonId: '__proto__' }))}}`,
    ) as Record<string, LessonRecord>;
    const { lessons } = mergeProgress({}, imported, scoreOf);
    expect(Object.keys(lessons)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(lessons)).toBe(Object.prototype);
  });
});
