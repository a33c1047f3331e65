// Lesson packs: pack.yaml read with positions, the pack's order, the built-in course shown or
// not, and the progress file each pack's lessons are kept in.
import { cpSync, mkdtempSync, readdirSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readCourse, resolveCourse } from '../../src/commands/course.js';
import { loadLessons } from '../../src/lessons/load.js';
import { orderLessons, readPackFile, type Course } from '../../src/lessons/pack.js';
import { formatLessonError } from '../../src/lessons/yaml-file.js';

const PACK = 'test/lessons/fixtures/pack';
const BUILT_IN_COUNT = readdirSync('lessons').filter((name) => name.endsWith('.yaml')).length;

/** A copy of the fixture pack in a fresh folder, with pack.yaml replaced when `pack` is given. */
function packCopy(pack?: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'iam-tutor-pack-')), 'workshop');
  cpSync(PACK, dir, { recursive: true });
  if (pack !== undefined) writeFileSync(join(dir, 'pack.yaml'), pack);
  return dir;
}

const ids = (course: Course, section = 0) =>
  (course.sections[section]?.lessons ?? []).map((entry) =>
    entry.ok ? entry.lesson.id : entry.path,
  );

function course(dir: string | undefined): Course {
  const read = readCourse(dir);
  if (!read.ok) throw new Error(read.message);
  return read.course;
}

function refused(dir: string): string {
  const read = readCourse(dir);
  if (read.ok) throw new Error('expected the pack to be refused');
  return read.message;
}

const lessonText = (id: string) =>
  `id: ${id}\ntitle: ${id}\nsummary: S.\nscenario: basics\nminutes: 1\nsteps:\n  - kind: read\n    id: r\n    text: T.\n`;

describe('pack.yaml', () => {
  it('names the pack, orders its lessons (the ones not listed after, in file order)', () => {
    const read = course(PACK);
    expect(read.title).toBe('ACME workshop: IAM for the platform team');
    expect(read.description).toBe(
      'Two short lessons before lunch; the built-in course is not shown.',
    );
    expect(read.pack).toEqual({
      id: 'acme-iam-workshop',
      title: 'ACME workshop: IAM for the platform team',
    });
    expect(read.sections).toHaveLength(1);
    // The files are 01-keys-or-roles, 02-welcome, 03-wrap-up; order lists welcome first.
    expect(ids(read)).toEqual(['welcome', 'keys-or-roles', 'wrap-up']);
  });

  it('without pack.yaml: the lessons in file order, titled by the folder, no built-in course', () => {
    const dir = packCopy();
    writeFileSync(join(dir, 'pack.yaml'), '');
    const read = course(dir);
    expect(read.title).toBe('workshop');
    expect(read.description).toBeUndefined();
    expect(ids(read)).toEqual(['keys-or-roles', 'welcome', 'wrap-up']);
    expect(read.sections).toHaveLength(1);
  });

  it('with builtIn: true shows the built-in course after the pack, with its own progress', () => {
    const read = course(packCopy('id: acme\nbuiltIn: true\n'));
    expect(read.sections.map((section) => section.title)).toEqual([
      'workshop',
      'The built-in course',
    ]);
    expect(read.sections.map((section) => section.progress)).toEqual([
      'progress.pack.acme',
      'progress',
    ]);
    expect(ids(read, 1)).toHaveLength(BUILT_IN_COUNT);
    expect(ids(read, 1)[0]).toBe('users-and-roles');
  });

  it('reports a misspelt field where it is written, by name', () => {
    const message = refused(packCopy('id: acme\ntittle: Workshop\n'));
    expect(message).toMatch(
      /workshop\/pack\.yaml:2:9: tittle: unknown field "tittle" \(a misspelling\?\)$/,
    );
  });

  it('reports a field of the wrong type at its value', () => {
    expect(refused(packCopy('title: Workshop\nbuiltIn: yes please\n'))).toMatch(
      /pack\.yaml:2:10: builtIn: .*expected boolean/,
    );
    expect(refused(packCopy('id: ACME Workshop\n'))).toMatch(
      /pack\.yaml:1:5: id: expected lowercase words joined by hyphens$/,
    );
  });

  it('names an order id that is no lesson of the folder, at its line', () => {
    const message = refused(packCopy('order:\n  - welcome\n  - key-or-roles\n'));
    expect(message).toMatch(
      /pack\.yaml:3:5: order\[1\]: no lesson "key-or-roles" in this folder \(there are: keys-or-roles, welcome, wrap-up\)$/,
    );
    expect(refused(packCopy('order: [welcome, welcome]\n'))).toMatch(
      /pack\.yaml:1:18: order\[1\]: "welcome" is listed twice$/,
    );
  });

  it('refuses YAML that is not a map, or not YAML', () => {
    expect(refused(packCopy('- welcome\n'))).toMatch(
      /pack\.yaml:1:1: expected a pack: a map with id, title, description, order and builtIn/,
    );
    expect(refused(packCopy('title: [\n'))).toMatch(/pack\.yaml:\d+:\d+: not valid YAML/);
  });

  it('takes a file of only comments as a pack with nothing to say', () => {
    const read = readPackFile({ path: 'pack.yaml', text: '# nothing yet\n\n  # really\n' });
    expect(read.ok && read.manifest).toEqual({});
  });

  it('orders a broken lesson by the name of its file', () => {
    const lessons = loadLessons([
      { path: 'p/01-a.yaml', text: lessonText('a') },
      { path: 'p/02-b.yaml', text: 'id: [' },
    ]);
    const pack = readPackFile({ path: 'p/pack.yaml', text: 'order: [b]\n' });
    if (!pack.ok) throw new Error(formatLessonError(pack.error));
    const ordered = orderLessons(lessons, pack);
    expect(ordered.ok && ordered.lessons.map((entry) => entry.path)).toEqual([
      'p/02-b.yaml',
      'p/01-a.yaml',
    ]);
  });
});

describe('the folder of a pack', () => {
  it('says so when it is missing, not a folder, or holds no lessons', () => {
    expect(refused('/no/such/folder')).toBe(
      'cannot read lessons from /no/such/folder: no such folder',
    );
    expect(refused(join(PACK, 'pack.yaml'))).toBe(
      `cannot read lessons from ${join(PACK, 'pack.yaml')}: not a folder`,
    );
    const empty = mkdtempSync(join(tmpdir(), 'iam-tutor-pack-'));
    writeFileSync(join(empty, 'pack.yaml'), 'title: Nothing yet\n');
    expect(refused(empty)).toBe(`no lesson files (NN-name.yaml) in ${empty}`);
  });

  it('refuses pack.yaml beside pack.yml', () => {
    const dir = packCopy();
    writeFileSync(join(dir, 'pack.yml'), 'title: Other\n');
    expect(refused(dir)).toBe(`${dir} has both pack.yaml and pack.yml: keep one`);
  });

  it('is the built-in course when it is the built-in course’s own folder', () => {
    const read = course('lessons');
    expect(read.pack).toBeUndefined();
    expect(read.sections.map((section) => section.progress)).toEqual(['progress']);
  });
});

describe('the progress of a pack', () => {
  it('is keyed by the id: a moved or re-cloned copy keeps it, another pack has its own', () => {
    const dir = packCopy();
    const before = course(dir).sections[0]?.progress;
    expect(before).toBe('progress.pack.acme-iam-workshop');
    const moved = join(mkdtempSync(join(tmpdir(), 'iam-tutor-moved-')), 'elsewhere');
    renameSync(dir, moved);
    expect(course(moved).sections[0]?.progress).toBe(before);
    expect(course(packCopy('id: another-pack\n')).sections[0]?.progress).toBe(
      'progress.pack.another-pack',
    );
  });

  it('is keyed by the folder’s real path without an id: two folders never share it', () => {
    const a = packCopy('title: Same title\n');
    const b = packCopy('title: Same title\n');
    const progressA = course(a).sections[0]?.progress;
    expect(progressA).toMatch(/^progress\.folder\.[0-9a-f]{16}$/);
    expect(course(b).sections[0]?.progress).not.toBe(progressA);
    expect(course(a).sections[0]?.progress).toBe(progressA);
    // Through a symbolic link, the same folder: the same progress.
    const link = join(mkdtempSync(join(tmpdir(), 'iam-tutor-link-')), 'via');
    symlinkSync(a, link);
    expect(course(link).sections[0]?.progress).toBe(progressA);
  });
});

describe('which lessons a command opens', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('--lessons first, then IAM_TUTOR_LESSONS, then the built-in course', () => {
    const other = packCopy('id: from-the-flag\n');
    vi.stubEnv('IAM_TUTOR_LESSONS', PACK);
    const progress = (flags: { lessons?: string }) => {
      const read = resolveCourse(flags);
      return read.ok ? read.course.sections[0]?.progress : read.message;
    };
    expect(progress({ lessons: other })).toBe('progress.pack.from-the-flag');
    expect(progress({})).toBe('progress.pack.acme-iam-workshop');
    vi.stubEnv('IAM_TUTOR_LESSONS', '');
    expect(progress({})).toBe('progress');
  });
});
