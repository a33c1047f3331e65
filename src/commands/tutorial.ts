// `iam-tutor` alone: the interactive tutorial. It needs a terminal; without one it says which
// commands work without one. Colour follows NO_COLOR and --no-color (Ink's chalk reads only
// FORCE_COLOR, so that is set before the interface is loaded). `--plain` (or Ink's own
// INK_SCREEN_READER=true) draws linear text for screen readers and logs, without colour.
import { parseArgs } from 'node:util';
import { freshSandbox } from './fresh-sandbox.js';
import { DATA_OPTIONS, openStore } from './learner-data.js';
import { builtInLessonsDir, readLessonFolder } from './lesson-files.js';

const NO_TERMINAL =
  'iam-tutor: the tutorial needs a terminal. Without one, use: iam-tutor list, progress, report, ' +
  'grade LESSON --solution FILE, console --script FILE (see iam-tutor --help).\n';

export async function tutorialCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { ...DATA_OPTIONS, 'no-color': { type: 'boolean' }, plain: { type: 'boolean' } },
  });
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write(NO_TERMINAL);
    return 2;
  }
  const plain = values.plain === true || process.env.INK_SCREEN_READER === 'true';
  if (plain || values['no-color'] === true || (process.env.NO_COLOR ?? '') !== '')
    process.env.FORCE_COLOR = '0';
  const folder = readLessonFolder(values.lessons ?? builtInLessonsDir());
  if (!folder.ok) {
    process.stderr.write(`iam-tutor: ${folder.message}\n`);
    return 2;
  }
  const store = openStore(values);
  const { runTutorial } = await import('../ui/run.js');
  return runTutorial({
    lessons: folder.lessons,
    store,
    newSandbox: freshSandbox,
    plain,
  });
}
