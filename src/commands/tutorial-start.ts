// The tutorial's own code, imported once its terminal and colours are settled (see tutorial.ts):
// its course (built-in or a lesson pack), the learner's progress, and the interface.
import { courseFor, type Learner } from '../lessons/learner.js';
import { runTutorial } from '../ui/run.js';
import type { DataFlags } from './data-options.js';
import { freshSandbox } from './fresh-sandbox.js';
import { resolveCourse } from './course.js';
import { openStores } from './learner-data.js';

export function startTutorial(
  flags: DataFlags,
  learner: Learner,
  plain: boolean,
): Promise<number> | number {
  const read = resolveCourse(flags);
  if (!read.ok) {
    process.stderr.write(`iam-tutor: ${read.message}\n`);
    return 2;
  }
  return runTutorial({
    course: courseFor(read.course, learner),
    stores: openStores(flags, read.course),
    newSandbox: () => freshSandbox(learner.accounts),
    learner,
    plain,
  });
}
