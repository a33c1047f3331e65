// A second process writing progress, for the concurrency and kill tests: `node writer.js DIR
// NAME COUNT` records COUNT steps of lesson NAME, and bumps the shared lesson's step each time.
import { ProgressStore } from '../../src/progress/store.js';
import type { LessonRecord } from '../../src/progress/progress.js';

const [dir = '', name = '', count = '0'] = process.argv.slice(2);
const store = new ProgressStore({ dataDir: dir, now: () => new Date() });

function bumped(record: LessonRecord | undefined, lessonId: string): LessonRecord {
  const at = new Date().toISOString();
  const step = (record?.state.step ?? 0) + 1;
  return {
    state: { lessonId, step, steps: {}, completed: false },
    firstActivity: record?.firstActivity ?? at,
    lastActivity: at,
    secondsSpent: 0,
  };
}

for (let i = 0; i < Number(count); i++) {
  store.update(name, (record) => bumped(record, name));
  store.update('shared', (record) => bumped(record, 'shared'));
}
