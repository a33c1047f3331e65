// The bundle reads the built-in course from dist/course.json, which names each lesson file by the
// SHA-256 of its text instead of holding the text again: a file as shipped is not parsed at start,
// and a file changed since the build (an edited installation, a stale build) is read afresh.
// Runs a copy of the package (the bundle, package.json and the lessons), as installed.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const FILE = '00-users-and-roles.yaml';

interface Compiled {
  name: string;
  lesson: { title: string };
}

/** A copy of the package in a temporary folder, and the titles `list --json` shows from it. */
function installedCopy() {
  const root = mkdtempSync(join(tmpdir(), 'iam-tutor-course-'));
  for (const path of ['dist', 'lessons', 'package.json'])
    cpSync(path, join(root, path), { recursive: true });
  const titles = (): string[] => {
    const run = spawnSync(
      process.execPath,
      [join(root, 'dist', 'cli.js'), 'list', '--json', '--data-dir', join(root, 'data')],
      { encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    return (JSON.parse(run.stdout) as { title: string }[]).map((lesson) => lesson.title);
  };
  return { root, titles };
}

describe('the compiled course beside the bundle', () => {
  it('holds no copy of the lesson files, only their digests and lessons', () => {
    const course = readFileSync('dist/course.json', 'utf8');
    const text = readFileSync(join('lessons', FILE), 'utf8');
    // An independent digest of the shipped file (not the code's helper), in base64.
    const sha256 = spawnSync('sha256sum', [join('lessons', FILE)], {
      encoding: 'utf8',
    }).stdout.split(' ')[0];
    const entry = (JSON.parse(course) as (Compiled & { sha256: string })[]).find(
      (e) => e.name === FILE,
    );
    expect(entry?.sha256).toBe(Buffer.from(sha256 ?? '', 'hex').toString('base64'));
    expect(course).not.toContain(JSON.stringify(text).slice(1, 200));
  });

  it('is used for a file as shipped: its lesson is shown without reading the YAML again', () => {
    const { root, titles } = installedCopy();
    const path = join(root, 'dist', 'course.json');
    const course = JSON.parse(readFileSync(path, 'utf8')) as Compiled[];
    const entry = course.find((e) => e.name === FILE);
    if (!entry) throw new Error(`${FILE} is not in the compiled course`);
    entry.lesson.title = 'Taken from course.json';
    writeFileSync(path, JSON.stringify(course));
    expect(titles()[0]).toBe('Taken from course.json');
  });

  it('is not used for a file changed since the build: the file is read', () => {
    const { root, titles } = installedCopy();
    const path = join(root, 'lessons', FILE);
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace(/^title: .*$/m, 'title: Edited after the build'),
    );
    expect(titles()[0]).toBe('Edited after the build');
  });
});
