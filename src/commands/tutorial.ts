// `iam-tutor` alone: the interactive tutorial. It needs a terminal; without one it says which
// commands work without one. Colour follows NO_COLOR and --no-color (Ink's chalk reads only
// FORCE_COLOR, when it loads, so that is set before the tutorial's code is imported). `--plain`
// (or Ink's own INK_SCREEN_READER=true) draws linear text for screen readers and logs, without
// colour.
import { parseArgs } from 'node:util';
import { DATA_OPTIONS } from './data-options.js';
import { learnerFromFlags, SEED_OPTION } from './seed-option.js';

const NO_TERMINAL =
  'iam-tutor: the tutorial needs a terminal. Without one, use: iam-tutor list, progress, report, ' +
  'grade LESSON --solution FILE, console --script FILE, lessons check DIR, new lesson NAME ' +
  '(see iam-tutor --help).\n';

export async function tutorialCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...DATA_OPTIONS,
      ...SEED_OPTION,
      'no-color': { type: 'boolean' },
      plain: { type: 'boolean' },
    },
  });
  // `iam-tutor --lessons DIR list`: the options were meant for a command written after them.
  const [stray] = positionals;
  if (stray !== undefined) {
    process.stderr.write(
      `iam-tutor: unexpected '${stray}' after the options: a command comes first, then its ` +
        `options (iam-tutor ${stray} ${args.filter((arg) => arg !== stray).join(' ')})\n`,
    );
    return 2;
  }
  const learner = learnerFromFlags(values.seed, process.env);
  if ('problem' in learner) {
    process.stderr.write(`iam-tutor: ${learner.problem}\n`);
    return 2;
  }
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write(NO_TERMINAL);
    return 2;
  }
  // Raw mode at once, not when the interface has drawn: keys pressed while it loads would be
  // echoed by the terminal and held back until Enter (an arrow key would do nothing).
  process.stdin.setRawMode(true);
  try {
    const plain = values.plain === true || process.env.INK_SCREEN_READER === 'true';
    if (plain || values['no-color'] === true || (process.env.NO_COLOR ?? '') !== '')
      process.env.FORCE_COLOR = '0';
    const { startTutorial } = await import('./tutorial-start.js');
    return await startTutorial(values, learner, plain);
  } finally {
    process.stdin.setRawMode(false);
  }
}
