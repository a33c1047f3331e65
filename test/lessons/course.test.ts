// The built-in course (lessons/): every lesson loads and passes `lessons check` (its predictions
// agree with the engine, each task fails as it starts, its reference passes, its wrong solutions
// fail with their feedback and its probes catch the mutants), and keeps the course's rules
// (the course issue): 10 to 25 minutes, three graded tasks (lesson 0: one), two quizzes or
// predictions, tiered hints, two wrong solutions per task.
import { describe, expect, it } from 'vitest';
import { readLessonFolder } from '../../src/commands/lesson-files.js';
import { checkLesson } from '../../src/lessons/check-lessons.js';
import type { Lesson } from '../../src/lessons/schema.js';

const folder = readLessonFolder(new URL('../../lessons', import.meta.url).pathname);
const lessons = folder.ok ? folder.lessons : [];

const ORDER = [
  'users-and-roles',
  'how-aws-decides',
  'admin-access-for-people',
  'app-outside-aws',
  'app-on-ec2',
  'federation',
  'cross-account',
  'capstone',
];

describe('the built-in course', () => {
  it('loads every lesson file', () => {
    expect(folder.ok).toBe(true);
    const broken = lessons.filter((l) => !l.ok).map((l) => JSON.stringify(l));
    expect(broken).toEqual([]);
    const ids = lessons.map((l) => (l.ok ? l.lesson.id : ''));
    // In the course's order; lessons not written yet are simply not there.
    expect(ids).toEqual(ORDER.filter((id) => ids.includes(id)));
  });

  for (const loaded of lessons) {
    if (!loaded.ok) continue;
    const lesson: Lesson = loaded.lesson;
    describe(lesson.id, () => {
      it('passes lessons check', () => {
        const failed = checkLesson(loaded).filter((row) => !row.ok);
        expect(failed).toEqual([]);
      });

      it("keeps the course's rules", () => {
        expect(lesson.minutes).toBeGreaterThanOrEqual(10);
        expect(lesson.minutes).toBeLessThanOrEqual(25);
        const tasks = lesson.steps.flatMap((s) => (s.kind === 'task' ? [s] : []));
        expect(tasks.length).toBeGreaterThanOrEqual(lesson.id === 'users-and-roles' ? 1 : 3);
        const questions = lesson.steps.filter((s) => s.kind === 'quiz' || s.kind === 'predict');
        expect(questions.length).toBeGreaterThanOrEqual(2);
        for (const task of tasks) {
          expect(task.hints?.length ?? 0, task.id).toBeGreaterThanOrEqual(2);
          expect(task.wrongSolutions?.length ?? 0, task.id).toBeGreaterThanOrEqual(2);
        }
      });
    });
  }
});
