// Lesson packs through the built binary: each pack's progress is its own, apart from the built-in
// course's and from other packs'; --lessons wins over IAM_TUTOR_LESSONS; a broken pack is refused
// with its reason (exit 2).
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startLesson } from '../../src/lessons/runner.js';
import { recordActivity } from '../../src/progress/progress.js';
import { ProgressStore } from '../../src/progress/store.js';
import { fixtureLesson } from '../lessons/helpers.js';
import { emptyDataDir } from './learner-data.js';
import { runCli } from './run-cli.js';

/** A copy of the test lesson's folder with this pack.yaml, in a fresh folder. */
function pack(yaml: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'iam-tutor-pack-')), 'pack');
  cpSync('test/lessons/fixtures/good', dir, { recursive: true });
  writeFileSync(join(dir, 'pack.yaml'), yaml);
  return dir;
}

/** Starts `lessonId` (of `file`) in the progress file `name` of `dir`, as the tutorial would. */
function started(dir: string, name: string | undefined, file: string, lessonId: string): void {
  const lesson = fixtureLesson(file);
  const store = new ProgressStore({
    dataDir: dir,
    ...(name ? { name } : {}),
    now: () => new Date(),
  });
  store.update(lessonId, () =>
    recordActivity(
      undefined,
      { ...startLesson(lesson), step: 1 },
      new Date('2026-12-01T09:00:00Z'),
    ),
  );
}

type Listed = { id: string; status: string; section: string }[];

const list = (data: string, ...args: string[]) => {
  const run = runCli(['list', '--json', '--data-dir', data, ...args]);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as Listed;
};
const statusOf = (listed: Listed, id: string) => listed.find((entry) => entry.id === id)?.status;

describe('lesson packs', () => {
  it('keep their progress apart: the built-in course, pack A and pack B', () => {
    const data = emptyDataDir();
    const a = pack('id: pack-a\ntitle: Pack A\n');
    const b = pack('id: pack-b\ntitle: Pack B\n');
    // Pack A's lesson started; the built-in course's first lesson started.
    started(data, 'progress.pack.pack-a', 'good/01-app-on-ec2.yaml', 'app-on-ec2');
    started(data, undefined, '../../../lessons/00-users-and-roles.yaml', 'users-and-roles');

    expect(list(data, '--lessons', a)).toEqual([
      expect.objectContaining({ id: 'app-on-ec2', status: 'in-progress', section: 'Pack A' }),
    ]);
    expect(statusOf(list(data, '--lessons', b), 'app-on-ec2')).toBe('not-started');
    const builtIn = list(data);
    expect(statusOf(builtIn, 'users-and-roles')).toBe('in-progress');
    // The built-in course has a lesson app-on-ec2 too: pack A's record of its own is not its.
    expect(statusOf(builtIn, 'app-on-ec2')).toBe('not-started');

    // Resetting everything of pack B touches neither pack A nor the built-in course.
    expect(runCli(['reset', '--all', '--yes', '--lessons', b, '--data-dir', data]).stdout).toBe(
      'Forgot the progress of every lesson of the lesson pack "Pack B".\n',
    );
    expect(statusOf(list(data, '--lessons', a), 'app-on-ec2')).toBe('in-progress');
    expect(statusOf(list(data), 'users-and-roles')).toBe('in-progress');
    // Nor does resetting pack A's lesson touch the built-in course.
    runCli(['reset', 'app-on-ec2', '--yes', '--lessons', a, '--data-dir', data]);
    expect(statusOf(list(data, '--lessons', a), 'app-on-ec2')).toBe('not-started');
    expect(statusOf(list(data), 'users-and-roles')).toBe('in-progress');
  });

  it('with builtIn: true show the built-in course after the pack, each with its own progress', () => {
    const data = emptyDataDir();
    const both = pack('id: with-course\ntitle: Workshop\nbuiltIn: true\n');
    started(data, undefined, '../../../lessons/00-users-and-roles.yaml', 'users-and-roles');
    const listed = list(data, '--lessons', both);
    expect(listed[0]).toMatchObject({
      id: 'app-on-ec2',
      status: 'not-started',
      section: 'Workshop',
    });
    expect(listed[1]).toMatchObject({
      id: 'users-and-roles',
      status: 'in-progress',
      section: 'The built-in course',
    });
    const text = runCli(['list', '--lessons', both, '--data-dir', data]).stdout;
    expect(text).toMatch(
      /^Workshop\n#\s+Lesson.*\n1\s+An application on EC2 .*\n\nThe built-in course\n#\s+Lesson.*\n1\s+Users and roles /,
    );
  });

  it('export their own progress under the pack’s name, imported only into the same pack', () => {
    const data = emptyDataDir();
    const a = pack('id: pack-a\ntitle: Pack A\n');
    started(data, 'progress.pack.pack-a', 'good/01-app-on-ec2.yaml', 'app-on-ec2');
    const file = join(emptyDataDir(), 'a.json');
    expect(runCli(['progress', 'export', file, '--lessons', a, '--data-dir', data]).stdout).toBe(
      `Exported the progress of 1 lesson of the lesson pack "Pack A" to ${file}.\n`,
    );
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      pack: { id: 'pack-a', title: 'Pack A' },
      lessons: { 'app-on-ec2': {} },
    });
    const other = emptyDataDir();
    const importInto = (...args: string[]) =>
      runCli(['progress', 'import', file, '--data-dir', other, ...args]);
    expect(importInto('--lessons', pack('id: pack-b\ntitle: Pack B\n'))).toEqual({
      status: 2,
      stdout: '',
      stderr: `iam-tutor: cannot import ${file}: it is the progress of the lesson pack "Pack A" (id pack-a), not of the lesson pack "Pack B" (id pack-b)\n`,
    });
    expect(importInto().stderr).toBe(
      `iam-tutor: cannot import ${file}: it is the progress of the lesson pack "Pack A" (id pack-a): import it with --lessons and that pack's folder\n`,
    );
    // The same pack cloned elsewhere (its id is the same): imported.
    const clone = pack('id: pack-a\ntitle: Pack A\n');
    expect(importInto('--lessons', clone).status).toBe(0);
    expect(statusOf(list(other, '--lessons', clone), 'app-on-ec2')).toBe('in-progress');
    expect(statusOf(list(other), 'users-and-roles')).toBe('not-started');
  });

  it('are named by the report', () => {
    const data = emptyDataDir();
    const a = pack('id: pack-a\ntitle: Pack A\n');
    const run = runCli(['report', '--format', 'json', '--lessons', a, '--data-dir', data]);
    expect(JSON.parse(run.stdout)).toMatchObject({ pack: { id: 'pack-a', title: 'Pack A' } });
    const builtIn = runCli(['report', '--format', 'json', '--data-dir', data]);
    expect(JSON.parse(builtIn.stdout)).toMatchObject({ pack: null });
  });

  it('open from --lessons before IAM_TUTOR_LESSONS, and from IAM_TUTOR_LESSONS before the course', () => {
    const data = emptyDataDir();
    const a = pack('id: pack-a\ntitle: Pack A\n');
    const b = pack('id: pack-b\ntitle: Pack B\n');
    const env = { IAM_TUTOR_LESSONS: a };
    const sectionOf = (args: string[]) => {
      const run = runCli(['list', '--json', '--data-dir', data, ...args], '', env);
      return (JSON.parse(run.stdout) as Listed)[0]?.section;
    };
    expect(sectionOf(['--lessons', b])).toBe('Pack B');
    expect(sectionOf([])).toBe('Pack A');
    const graded = runCli(['grade', 'app-on-ec2', '--solution', '-'], 'whoami\n', env);
    expect(graded.status).toBe(1);
  });

  it.each([
    [
      'a misspelt field',
      'id: pack-a\ndescripton: typo\n',
      /pack\/pack\.yaml:2:13: descripton: unknown field "descripton" \(a misspelling\?\)$/,
    ],
    [
      'an order id of no lesson',
      'order:\n  - app-on-ec3\n',
      /pack\/pack\.yaml:2:5: order\[0\]: no lesson "app-on-ec3" in this folder \(there are: app-on-ec2\)$/,
    ],
  ])('refuse a pack.yaml with %s: exit 2, its position, no stack trace', (_what, yaml, reason) => {
    const dir = pack(yaml);
    const data = ['--lessons', dir, '--data-dir', emptyDataDir()];
    for (const args of [
      ['list', ...data],
      ['progress', ...data],
      ['report', ...data],
      ['reset', '--all', '--yes', ...data],
      ['progress', 'export', '-', ...data],
      ['grade', 'app-on-ec2', '--solution', '-', '--lessons', dir],
      ['lessons', 'check', dir],
    ]) {
      const run = runCli(args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr.split('\n')[0]).toMatch(reason);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('refuse a missing folder and a folder without lessons, exit 2', () => {
    const empty = mkdtempSync(join(tmpdir(), 'iam-tutor-empty-'));
    expect(runCli(['list', '--lessons', '/no/such/pack'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'iam-tutor list: cannot read lessons from /no/such/pack: no such folder\n',
    });
    expect(runCli(['report', '--lessons', empty])).toEqual({
      status: 2,
      stdout: '',
      stderr: `iam-tutor report: no lesson files (NN-name.yaml) in ${empty}\n`,
    });
    expect(runCli(['list'], '', { IAM_TUTOR_LESSONS: empty }).status).toBe(2);
  });
});
