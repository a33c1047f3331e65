// `iam-tutor list`, `progress` (with `export` and `import`) and `reset` through the built binary,
// on a progress store the test writes the way the tutorial does.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resetCommand } from '../../src/commands/progress.js';
import { dataDir, emptyDataDir, LESSONS, packStore, PROGRESS_FILE } from './learner-data.js';
import { runCli } from './run-cli.js';

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
        section: 'good',
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
    writeFileSync(join(dir, PROGRESS_FILE), '{"formatVersion": 1, "less');
    const run = runCli(['list', ...LESSONS, '--data-dir', dir]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(
      /^iam-tutor: Your progress file could not be read \(it is not valid JSON\)\. It was moved to .*progress\.folder\.[0-9a-f]{16}\.json\..*\.bak/,
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
        // 70 x 2/3 and 10 x 2/3 (two graded steps of three), to a tenth.
        breakdown: { correctness: 46.7, leastPrivilege: 6.7, hints: 6.7, attempts: 6.7 },
        tasksPassed: 0,
        tasks: 1,
        hintsUsed: 0,
        hints: 2,
        secondsSpent: 240,
        firstActivity: '2026-12-01T09:00:00.000Z',
        lastActivity: '2026-12-01T09:04:00.000Z',
        accounts: [],
      },
    ]);
  });
});

describe('iam-tutor progress export and import', () => {
  const progressOf = (dir: string) =>
    runCli(['progress', ...LESSONS, '--data-dir', dir, '--json']).stdout;
  const exportOf = (dir: string) =>
    runCli(['progress', 'export', '-', ...LESSONS, '--data-dir', dir]).stdout;
  const progressFile = (dir: string) => readFileSync(join(dir, PROGRESS_FILE), 'utf8');
  const importInto = (dir: string, file: string, input?: string) =>
    runCli(['progress', 'import', file, ...LESSONS, '--data-dir', dir], input);

  it('moves progress to another machine: the same progress after export and import', () => {
    const from = dataDir();
    const file = join(emptyDataDir(), 'alice.json');
    expect(runCli(['progress', 'export', file, ...LESSONS, '--data-dir', from])).toEqual({
      status: 0,
      stdout: `Exported the progress of 1 lesson of the lesson pack "good" to ${file}.\n`,
      stderr: '',
    });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      format: 'iam-tutor-progress',
      version: 1,
      lessons: { 'app-on-ec2': { state: { lessonId: 'app-on-ec2', step: 3 } } },
    });
    const to = emptyDataDir();
    expect(importInto(to, file)).toEqual({
      status: 0,
      stdout: `Imported ${file} into ${join(to, PROGRESS_FILE)}: 1 lesson\n  app-on-ec2  added\n`,
      stderr: '',
    });
    expect(progressOf(to)).toBe(progressOf(from));
  });

  it('writes - to stdout and reads - from stdin', () => {
    const to = emptyDataDir();
    const run = importInto(to, '-', exportOf(dataDir()));
    expect(run.stdout).toMatch(/^Imported <stdin> into .*: 1 lesson\n {2}app-on-ec2 {2}added\n$/);
    expect(exportOf(to)).toBe(exportOf(dataDir()));
  });

  it('merges: a completed lesson with its task passed wins, and importing the older one again keeps it', () => {
    const mine = dataDir();
    const older = exportOf(mine);
    const finished = JSON.parse(older) as {
      lessons: Record<string, { state: Record<string, unknown>; lastActivity: string }>;
    };
    const record = finished.lessons['app-on-ec2'];
    if (!record) throw new Error('no record exported');
    record.state.completed = true;
    record.state.steps = {
      ...(record.state.steps as object),
      'role-for-app': {
        kind: 'task',
        status: 'passed',
        failedAttempts: 0,
        hintsShown: 1,
        hintsWhenPassed: 1,
        overGranted: false,
        holding: [],
      },
    };
    // Worked on before the learner's own record: completion decides, not recency.
    record.lastActivity = '2026-12-01T09:02:00.000Z';
    const file = join(emptyDataDir(), 'finished.json');
    writeFileSync(file, JSON.stringify(finished));
    expect(importInto(mine, file).stdout).toContain(
      "  app-on-ec2  the file's taken: it is completed\n",
    );
    const merged = JSON.parse(progressOf(mine)) as Record<string, unknown>[];
    expect(merged[0]).toMatchObject({
      status: 'completed',
      score: 98,
      tasksPassed: 1,
      hintsUsed: 1,
      firstActivity: '2026-12-01T09:00:00.000Z',
      lastActivity: '2026-12-01T09:04:00.000Z',
    });
    const olderFile = join(emptyDataDir(), 'older.json');
    writeFileSync(olderFile, older);
    const before = progressFile(mine);
    expect(importInto(mine, olderFile).stdout).toContain(
      '  app-on-ec2  yours kept: it is completed\n',
    );
    expect(progressFile(mine)).toBe(before);
  });

  const exported = JSON.parse(exportOf(dataDir())) as { lessons: Record<string, object> };
  const damaged = JSON.stringify(
    {
      ...exported,
      lessons: { 'app-on-ec2': { ...exported.lessons['app-on-ec2'], secondsSpent: 'long' } },
    },
    null,
    2,
  );
  const damagedLine = damaged.split('\n').findIndex((line) => line.includes('"long"'));
  const damagedColumn = (damaged.split('\n')[damagedLine] ?? '').indexOf('"long"') + 1;
  it.each([
    [
      'a file of a newer iam-tutor',
      '{"format": "iam-tutor-progress", "version": 2, "lessons": {}}',
      ': it was written by a newer iam-tutor (format 2; this one reads up to 1)',
    ],
    [
      'a truncated file',
      '{"format": "iam-tutor-progress", "version": 1, "lessons": {',
      /^:1:\d+: not valid JSON: /,
    ],
    [
      'a damaged record',
      damaged,
      `:${damagedLine + 1}:${damagedColumn}: $.lessons.app-on-ec2.secondsSpent: Invalid input: expected number, received string`,
    ],
    [
      'a progress file',
      '{"formatVersion": 1, "lessons": {}}',
      ': it is a progress file, not an export: make one with `iam-tutor progress export FILE` where it was written',
    ],
  ])(
    'refuses %s with the reason (exit 2) and leaves the progress as it was',
    (_what, text, reason) => {
      const dir = dataDir();
      const before = progressFile(dir);
      const file = join(emptyDataDir(), 'import.json');
      writeFileSync(file, text);
      const run = importInto(dir, file);
      expect(run).toMatchObject({ status: 2, stdout: '' });
      const prefix = `iam-tutor: cannot import ${file}`;
      if (typeof reason === 'string') expect(run.stderr).toBe(`${prefix}${reason}\n`);
      else expect(run.stderr.slice(prefix.length)).toMatch(reason);
      expect(progressFile(dir)).toBe(before);
      expect(readdirSync(dir)).toEqual([PROGRESS_FILE]);
    },
  );

  it('merges under the store’s lock: while another iam-tutor holds it, waits, then gives up', () => {
    const dir = dataDir();
    const before = progressFile(dir);
    const lock = join(dir, `${PROGRESS_FILE}.lock`);
    writeFileSync(lock, `${process.pid}:the-tutorial`);
    const run = importInto(dir, '-', exportOf(dataDir()));
    expect(run).toEqual({
      status: 2,
      stdout: '',
      stderr: `iam-tutor: another iam-tutor is saving progress (${lock} is held by process ${process.pid}); try again\n`,
    });
    expect(progressFile(dir)).toBe(before);
  }, 20_000);

  it('says what is missing: one FILE, readable', () => {
    expect(runCli(['progress', 'export'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'iam-tutor: progress export needs a FILE (- for stdout)\n',
    });
    expect(runCli(['progress', 'import', 'a.json', 'b.json']).stderr).toBe(
      'iam-tutor: progress import takes one FILE, got also: b.json\n',
    );
    expect(runCli(['progress', 'import', '/no/such/file.json']).stderr).toBe(
      'iam-tutor: cannot read /no/such/file.json: no such file\n',
    );
  });
});

describe('iam-tutor reset', () => {
  it('forgets a lesson with --yes, and refuses without a terminal to ask on', () => {
    const dir = dataDir();
    const refused = runCli(['reset', 'app-on-ec2', ...LESSONS, '--data-dir', dir]);
    expect(refused).toMatchObject({
      status: 2,
      stderr:
        'iam-tutor: not resetting the progress of app-on-ec2 without a terminal to ask on: add --yes\n',
    });
    expect(runCli(['reset', 'app-on-ec2', '--yes', ...LESSONS, '--data-dir', dir]).stdout).toBe(
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
    const no = await resetCommand(['--all', ...LESSONS, '--data-dir', dir], (question) => {
      questions.push(question);
      return Promise.resolve(false);
    });
    expect(questions).toEqual([
      'Forget the progress of every lesson of the lesson pack "good"? [y/N] ',
    ]);
    expect(no).toEqual({ exitCode: 1, stdout: 'Nothing was reset.\n', stderr: '' });
    expect(packStore(dir).lesson('app-on-ec2')).toBeDefined();
    const yes = await resetCommand(['--all', ...LESSONS, '--data-dir', dir], () =>
      Promise.resolve(true),
    );
    expect(yes.exitCode).toBe(0);
    expect(packStore(dir).read().lessons).toEqual({});
  });

  it('needs a lesson or --all', () => {
    expect(runCli(['reset']).stderr).toBe('iam-tutor: reset needs a LESSON, or --all\n');
  });
});
