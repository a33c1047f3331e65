// `iam-tutor list`, `progress` and `reset` through the built binary, on a progress store the test
// writes the way the tutorial does.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resetCommand } from '../../src/commands/progress.js';
import { startLesson, step, type LessonEvent } from '../../src/lessons/runner.js';
import { recordActivity } from '../../src/progress/progress.js';
import { ProgressStore } from '../../src/progress/store.js';
import { fixtureLesson } from '../lessons/helpers.js';
import { runCli } from './run-cli.js';

const lesson = fixtureLesson('good/01-app-on-ec2.yaml');
const LESSONS = ['--lessons', 'test/lessons/fixtures/good'];

/** A data folder where the learner finished the quiz and the prediction, and is on the task. */
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'iam-tutor-data-'));
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

describe('iam-tutor list', () => {
  it('lists the lessons with status and score, as JSON with --json', () => {
    const dir = dataDir();
    const run = runCli(['list', ...LESSONS, '--data-dir', dir, '--json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([
      {
        id: 'app-on-ec2',
        title: 'An application on EC2',
        scenario: 'ec2',
        minutes: 15,
        tasks: 1,
        status: 'in-progress',
        score: 67,
      },
    ]);
    expect(runCli(['list', ...LESSONS, '--data-dir', dir]).stdout).toMatch(
      /^#\s+Lesson\s+Scenario\s+Time\s+Status\s+Score\n1\s+An application on EC2\s+ec2\s+15 min\s+in-progress\s+67\n$/,
    );
  });

  it('shows a lesson file that does not load as broken, with the reason', () => {
    const data = mkdtempSync(join(tmpdir(), 'iam-tutor-data-'));
    const run = runCli([
      'list',
      '--lessons',
      'test/lessons/fixtures/bad',
      '--data-dir',
      data,
      '--json',
    ]);
    const entries = JSON.parse(run.stdout) as { status: string; error?: string }[];
    expect(entries.map((e) => e.status)).toEqual(['not-started', 'broken']);
    expect(entries[1]?.error).toMatch(/02-broken\.yaml:2:1: not valid YAML/);
  });

  it('uses IAM_TUTOR_HOME when --data-dir is not given', () => {
    const dir = dataDir();
    const run = runCli(['list', ...LESSONS, '--json'], '', { IAM_TUTOR_HOME: dir });
    expect((JSON.parse(run.stdout) as { status: string }[])[0]?.status).toBe('in-progress');
  });

  it('tells the learner when their progress file was damaged, and goes on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iam-tutor-data-'));
    writeFileSync(join(dir, 'progress.json'), '{"formatVersion": 1, "less');
    const run = runCli(['list', ...LESSONS, '--data-dir', dir]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(
      /^iam-tutor: Your progress file could not be read \(it is not valid JSON\)\. It was moved to .*progress\.json\..*\.bak/,
    );
    expect(run.stdout).toContain('not-started');
  });
});

describe('iam-tutor progress', () => {
  it('shows step, score with its breakdown, tasks and time', () => {
    const run = runCli(['progress', ...LESSONS, '--data-dir', dataDir(), '--json']);
    expect(JSON.parse(run.stdout)).toEqual([
      {
        id: 'app-on-ec2',
        title: 'An application on EC2',
        status: 'in-progress',
        step: 4,
        steps: 4,
        score: 67,
        breakdown: {
          correctness: 140 / 3,
          leastPrivilege: 20 / 3,
          hints: 20 / 3,
          attempts: 20 / 3,
        },
        tasksPassed: 0,
        tasks: 1,
        secondsSpent: 240,
        firstActivity: '2026-12-01T09:00:00.000Z',
        lastActivity: '2026-12-01T09:04:00.000Z',
      },
    ]);
  });
});

describe('iam-tutor reset', () => {
  it('forgets a lesson with --yes, and refuses without a terminal to ask on', () => {
    const dir = dataDir();
    const refused = runCli(['reset', 'app-on-ec2', '--data-dir', dir]);
    expect(refused).toMatchObject({
      status: 2,
      stderr:
        'iam-tutor: not resetting the progress of app-on-ec2 without a terminal to ask on: add --yes\n',
    });
    expect(runCli(['reset', 'app-on-ec2', '--yes', '--data-dir', dir]).stdout).toBe(
      'Forgot the progress of app-on-ec2.\n',
    );
    const after = JSON.parse(runCli(['list', ...LESSONS, '--data-dir', dir, '--json']).stdout) as {
      status: string;
    }[];
    expect(after[0]?.status).toBe('not-started');
  });

  it('asks on a terminal, and keeps everything unless told yes', async () => {
    const dir = dataDir();
    const questions: string[] = [];
    const no = await resetCommand(['--all', '--data-dir', dir], (question) => {
      questions.push(question);
      return Promise.resolve(false);
    });
    expect(questions).toEqual(['Forget the progress of every lesson? [y/N] ']);
    expect(no).toEqual({ exitCode: 1, stdout: 'Nothing was reset.\n', stderr: '' });
    expect(
      new ProgressStore({ dataDir: dir, now: () => new Date() }).lesson('app-on-ec2'),
    ).toBeDefined();
    const yes = await resetCommand(['--all', '--data-dir', dir], () => Promise.resolve(true));
    expect(yes.exitCode).toBe(0);
    expect(new ProgressStore({ dataDir: dir, now: () => new Date() }).read().lessons).toEqual({});
  });

  it('needs a lesson or --all', () => {
    expect(runCli(['reset']).stderr).toBe('iam-tutor: reset needs a LESSON, or --all\n');
  });
});
