// Proves that `iam-tutor report --format html` renders in a browser: gives a new learner some
// progress in the built-in course (two lessons completed, one half done, the rest not started)
// through `iam-tutor progress import`, writes the HTML report with the built bundle, and
// screenshots it with Debian's Chromium, headless.
//
//   npm run build && node scripts/screenshot-report.mjs [OUT.png]
//   (OUT.png by default: iam-tutor-report.png in the temporary folder)
//
// Needs /usr/bin/chromium (`apt-get install chromium`; not in CI, too big: test/e2e runs this when
// it is there). Prints where the report and the screenshot are. Chromium runs offline, with a new
// empty profile and nothing of the machine's own.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';

export const CHROMIUM = '/usr/bin/chromium';
export const WIDTH = 1000;
export const HEIGHT = 1200;

/** A PNG of `html` (a file) as Chromium draws it in a WIDTH x HEIGHT window. */
export function screenshot(html, png) {
  const profile = mkdtempSync(join(tmpdir(), 'iam-tutor-chromium-'));
  try {
    execFileSync(
      CHROMIUM,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--hide-scrollbars',
        `--user-data-dir=${profile}`,
        `--screenshot=${resolve(png)}`,
        `--window-size=${WIDTH},${HEIGHT}`,
        pathToFileURL(resolve(html)).href,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

const QUESTION_KINDS = new Set(['quiz', 'predict']);

/**
 * A lesson's record as the tutorial saves it, `upTo` steps into it (all of them: completed),
 * every question answered right at once but the first (right at the second answer), and every
 * task passed, the first one after `hints` hints and two checks that failed.
 */
function lessonRecord(lesson, { upTo = lesson.steps.length, hints = 0, start, minutes }) {
  const steps = {};
  let firstQuestion = true;
  let firstTask = true;
  for (const step of lesson.steps.slice(0, upTo)) {
    if (QUESTION_KINDS.has(step.kind)) {
      steps[step.id] = {
        kind: 'question',
        answers: firstQuestion ? 2 : 1,
        firstRight: !firstQuestion,
        right: true,
      };
      firstQuestion = false;
    } else if (step.kind === 'task') {
      const shown = firstTask ? hints : 0;
      steps[step.id] = {
        kind: 'task',
        status: 'passed',
        failedAttempts: firstTask ? 2 : 0,
        hintsShown: shown,
        hintsWhenPassed: shown,
        overGranted: false,
        holding: [...step.checks, ...(step.probes ?? [])].map((check) => check.id),
      };
      firstTask = false;
    }
  }
  const completed = upTo === lesson.steps.length;
  const first = new Date(start);
  return {
    state: { lessonId: lesson.id, step: completed ? upTo - 1 : upTo, steps, completed },
    firstActivity: first.toISOString(),
    lastActivity: new Date(first.getTime() + minutes * 60_000).toISOString(),
    secondsSpent: minutes * 60,
  };
}

/** The progress export (`iam-tutor progress export`'s format) of a learner part way through. */
function progressExport() {
  const [first, second, third] = readdirSync('lessons')
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => parse(readFileSync(join('lessons', name), 'utf8')));
  return {
    format: 'iam-tutor-progress',
    version: 1,
    lessons: {
      [first.id]: lessonRecord(first, { start: '2026-11-30T09:00:00Z', minutes: 18 }),
      [second.id]: lessonRecord(second, { hints: 2, start: '2026-11-30T09:30:00Z', minutes: 31 }),
      [third.id]: lessonRecord(third, {
        upTo: Math.ceil(third.steps.length / 2),
        start: '2026-12-01T08:15:00Z',
        minutes: 12,
      }),
    },
  };
}

/** Writes the report of a learner with progress and its screenshot; returns the report's path. */
export function screenshotReport(png) {
  if (!existsSync('dist/cli.js')) throw new Error('no dist/cli.js: run `npm run build` first');
  const dir = mkdtempSync(join(tmpdir(), 'iam-tutor-report-'));
  const cli = (...args) =>
    execFileSync(process.execPath, ['dist/cli.js', ...args, '--data-dir', join(dir, 'data')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  const exported = join(dir, 'progress-export.json');
  writeFileSync(exported, JSON.stringify(progressExport(), null, 2));
  cli('progress', 'import', exported);
  const html = join(dir, 'report.html');
  cli('report', '--out', html);
  screenshot(html, png);
  return html;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const png = resolve(process.argv[2] ?? join(tmpdir(), 'iam-tutor-report.png'));
  const html = screenshotReport(png);
  console.log(`report: ${html}\nscreenshot (${WIDTH}x${HEIGHT}): ${png}`);
}
