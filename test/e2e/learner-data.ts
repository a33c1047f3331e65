// A learner's data folder as the tutorial leaves it, for the commands that read progress: the
// progress of the test lesson's folder, a lesson pack with no pack.yaml (its progress file is
// named by the folder's real path).
import { mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLesson, step, type LessonEvent } from '../../src/lessons/runner.js';
import { recordActivity } from '../../src/progress/progress.js';
import { packProgress } from '../../src/commands/course.js';
import { ProgressStore } from '../../src/progress/store.js';
import { fixtureLesson } from '../lessons/helpers.js';

export const lesson = fixtureLesson('good/01-app-on-ec2.yaml');
export const LESSONS = ['--lessons', 'test/lessons/fixtures/good'];

/** The name of the test lessons' progress file, and the file. */
export const PACK_PROGRESS = packProgress({}, realpathSync('test/lessons/fixtures/good'));
export const PROGRESS_FILE = `${PACK_PROGRESS}.json`;

/** The store of the test lessons' progress in `dir`. */
export const packStore = (dir: string) =>
  new ProgressStore({ dataDir: dir, name: PACK_PROGRESS, now: () => new Date() });

export const emptyDataDir = () => mkdtempSync(join(tmpdir(), 'iam-tutor-data-'));

/** A data folder where the learner finished the quiz and the prediction, and is on the task. */
export function dataDir(): string {
  const dir = emptyDataDir();
  const store = packStore(dir);
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
