// The tutorial's figures (issue 5): start to the first frame of Home for the bundled binary in a
// real terminal (tmux), against `node -e` printing a line in the same terminal in the same run;
// and a key press to the next frame in the console with 2,000 lines of scrollback.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { render } from 'ink-testing-library';
import { ConsolePane } from '../src/ui/console-pane.js';
import { fmt, header, median, REPEATS, row } from './stats.js';

const tmux = (...args: string[]) => execFileSync('tmux', args, { encoding: 'utf8' });

/** Milliseconds from starting `command` in a new terminal to `ready` on its screen. */
function timeToScreen(command: string, ready: string): number {
  const name = `iam-tutor-bench-${process.pid}`;
  const start = performance.now();
  tmux('new-session', '-d', '-s', name, '-x', '100', '-y', '30', command);
  try {
    for (;;) {
      if (tmux('capture-pane', '-p', '-t', name).includes(ready)) return performance.now() - start;
      if (performance.now() - start > 10_000) throw new Error(`${ready} never showed`);
    }
  } finally {
    tmux('kill-session', '-t', name);
  }
}

function startFigures(): { tutorial: number; node: number } {
  const data = mkdtempSync(join(tmpdir(), 'iam-tutor-bench-'));
  const cli = resolve('dist/cli.js');
  const tutorial = `env -u CI ${process.execPath} ${cli} --lessons test/lessons/fixtures/good --data-dir ${data}`;
  const node = `${process.execPath} -e "console.log('ready'); setTimeout(() => {}, 10000)"`;
  const tutorialTimes: number[] = [];
  const nodeTimes: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    nodeTimes.push(timeToScreen(node, 'ready'));
    tutorialTimes.push(timeToScreen(tutorial, 'lessons completed'));
  }
  return { tutorial: median(tutorialTimes), node: median(nodeTimes) };
}

async function keyToFrame(): Promise<number> {
  const lines = Array.from({ length: 2000 }, (_, i) => `line ${i} of the scrollback`);
  const app = render(
    <ConsolePane
      prompt="learner@laptop:~$ "
      lines={lines}
      height={20}
      onSubmit={() => undefined}
    />,
  );
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const before = app.lastFrame();
    const start = performance.now();
    app.stdin.write(i % 2 === 0 ? 'a' : '\u007f');
    while (app.lastFrame() === before) await new Promise((done) => setImmediate(done));
    times.push(performance.now() - start);
  }
  app.unmount();
  return median(times);
}

export async function tutorialBenchmark(): Promise<void> {
  const { tutorial, node } = startFigures();
  const key = await keyToFrame();
  console.log(`iam-tutor tutorial benchmark (median of ${REPEATS} starts; 200 key presses)`);
  console.log(
    `start to the first frame of Home in tmux: ${fmt(tutorial, 0)} ms; node printing a line: ` +
      `${fmt(node, 0)} ms; ${fmt(tutorial - node, 0)} ms more (${fmt(tutorial / node, 1)}x)`,
  );
  console.log(`a key press to the next frame, 2,000 lines of scrollback: ${fmt(key, 2)} ms`);
  console.log('');
  console.log(header());
  console.log(
    row(
      'start, more than bare node',
      `${fmt(tutorial - node, 0)} ms`,
      '<= 250 ms',
      tutorial - node <= 250,
    ),
  );
  console.log(row('key press to frame', `${fmt(key, 2)} ms`, '< 16 ms', key < 16));
}
