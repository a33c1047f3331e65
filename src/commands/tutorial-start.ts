// The tutorial's own code, imported once its terminal and colours are settled (see tutorial.ts):
// its lessons, the learner's progress, and the interface.
import { lessonsFor, type Learner } from '../lessons/learner.js';
import { runTutorial } from '../ui/run.js';
import type { DataFlags } from './data-options.js';
import { freshSandbox } from './fresh-sandbox.js';
import { openStore } from './learner-data.js';
import { builtInLessonsDir, readLessonFolder } from './lesson-files.js';

export function startTutorial(
  flags: DataFlags,
  learner: Learner,
  plain: boolean,
): Promise<number> | number {
  const folder = readLessonFolder(flags.lessons ?? builtInLessonsDir());
  if (!folder.ok) {
    process.stderr.write(`iam-tutor: ${folder.message}\n`);
    return 2;
  }
  const store = openStore(flags);
  return runTutorial({
    lessons: lessonsFor(folder.lessons, learner),
    store,
    newSandbox: () => freshSandbox(learner.accounts),
    learner,
    plain,
  });
}
