import { readFileSync } from 'node:fs';
import { loadLesson } from '../../src/lessons/load.js';
import type { Lesson, TaskStep } from '../../src/lessons/schema.js';

export const FIXTURES = new URL('./fixtures/', import.meta.url);

/** A fixture lesson, which must load. */
export function fixtureLesson(path: string): Lesson {
  const text = readFileSync(new URL(path, FIXTURES), 'utf8');
  const loaded = loadLesson({ path, text });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
  return loaded.lesson;
}

export function taskOf(lesson: Lesson, id: string): TaskStep {
  const step = lesson.steps.find((s) => s.id === id);
  if (step?.kind !== 'task') throw new Error(`no task ${id}`);
  return step;
}
