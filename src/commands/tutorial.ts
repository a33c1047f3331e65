// `iam-tutor` alone: the interactive tutorial. It needs a terminal; without one it says which
// commands work without one. Colour follows NO_COLOR and --no-color (Ink's chalk reads only
// FORCE_COLOR, when it loads, so that is set before the tutorial's code is imported).
import { parseArgs } from 'node:util';
import { DATA_OPTIONS } from './data-options.js';

const NO_TERMINAL =
  'iam-tutor: the tutorial needs a terminal. Without one, use: iam-tutor list, progress, ' +
  'grade LESSON --solution FILE, console --script FILE (see iam-tutor --help).\n';

export async function tutorialCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { ...DATA_OPTIONS, 'no-color': { type: 'boolean' } },
  });
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write(NO_TERMINAL);
    return 2;
  }
  if (values['no-color'] === true || (process.env.NO_COLOR ?? '') !== '')
    process.env.FORCE_COLOR = '0';
  const { startTutorial } = await import('./tutorial-start.js');
  return startTutorial(values);
}
