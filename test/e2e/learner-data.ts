// A learner's data folder as the tutorial leaves it, for the commands that read progress.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLesson, step, type LessonEvent } from '../../src/lessons/runner.js';
import { recordActivity } from '../../src/progress/progress.js';
import { ProgressStore } from '../../src/progress/store.js';
import { fixtureLesson } from '../lessons/helpers.js';

export const lesson = fixtureLesson('good/01-app-on-ec2.yaml');
export const LESSONS = ['--lessons', 'test/lessons/fixtures/good'];

export const emptyDataDir = () => mkdtempSync(join(tmpdir(), 'iam-tutor-data-'));

/** A data folder where the learner finished the quiz and the prediction, and is on the task. */
export function dataDir(): string {
  const dir = emptyDataDir();
  const store = new ProgressStore({ dataDir: dir, now: () => new Date() });
  const events: LessonEvent[] = [
    { type: 'next' },
    { type: 'answer-quiz', choices: [1] },
    { type: 'next' },
    { type: 'answer-predict', decision: 'implicitDeny' },
    { type: 'next' },
  ];
  let state = startLesson(lesson);
  for (const event of events) state = step(lesson, state, event).state;
  const started = new Date('2026-12-01T09:00:00Z');
  const first = recordActivity(undefined, state, started);
  store.update(lesson.id, () => recordActivity(first, state, new Date('2026-12-01T09:04:00Z')));
  return dir;
}
