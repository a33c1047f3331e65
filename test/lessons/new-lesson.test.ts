// `iam-tutor new lesson`: the starter lesson passes `lessons check` as written, takes the next
// free number, and nothing is overwritten or written under a name that cannot be a lesson id.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lessonsCommand } from '../../src/commands/lessons.js';
import { newCommand, nextLessonNumber } from '../../src/commands/new-lesson.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'iam-tutor-new-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('iam-tutor new lesson', () => {
  it('writes a commented starter lesson that passes lessons check as it is', () => {
    const lessons = join(dir, 'pack');
    const output = newCommand(['lesson', 'my-first', '--dir', lessons]);
    expect(output).toMatchObject({ exitCode: 0, stderr: '' });
    expect(output.stdout).toContain(join(lessons, '01-my-first.yaml'));
    expect(readdirSync(lessons).sort()).toEqual(['01-my-first.yaml', 'lesson.schema.json']);
    const text = readFileSync(join(lessons, '01-my-first.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=lesson.schema.json');
    expect(text).toMatch(/^id: my-first$/m);
    expect(text).toMatch(/^title: My first$/m);
    for (const kind of ['read', 'quiz', 'predict', 'task']) expect(text).toContain(`kind: ${kind}`);
    // The schema written beside it is the package's.
    expect(readFileSync(join(lessons, 'lesson.schema.json'), 'utf8')).toBe(
      readFileSync('lessons/lesson.schema.json', 'utf8'),
    );
    // The tutor prints "✓ Right." or "✗ Not quite." before an option's feedback: the starter,
    // which authors copy, does not say it again ("✓ Right. Right. ...").
    const feedback = [...text.matchAll(/^ +feedback: (.*)$/gm)].map((m) => m[1] ?? '');
    expect(feedback.length).toBeGreaterThan(1);
    for (const line of feedback) expect(line).not.toMatch(/^(Right|Not quite|Wrong)\b/);
    const check = lessonsCommand(['check', lessons]);
    expect(check.stdout).toContain('all 11 checks passed');
    expect(check.stdout).toContain('wrong: An administrator role');
    expect(check.stdout).toContain('mutant: command 2, statement 1: Resource widened to "*"');
    expect(check.exitCode).toBe(0);
  });

  it('numbers the lesson after the highest number in the folder', () => {
    writeFileSync(join(dir, '00-intro.yaml'), 'id: intro\n');
    writeFileSync(join(dir, '07-later.yml'), 'id: later\n');
    writeFileSync(join(dir, 'notes.yaml'), 'not a lesson\n');
    expect(newCommand(['lesson', 'next-one', '--dir', dir]).exitCode).toBe(0);
    expect(readdirSync(dir)).toContain('08-next-one.yaml');
    expect(nextLessonNumber([])).toBe('01');
    expect(nextLessonNumber(['09-a.yaml'])).toBe('10');
    expect(nextLessonNumber(['99-a.yaml', '100-b.yaml'])).toBe('101');
  });

  it('refuses a name that is not a lesson id, exit 2, writing nothing', () => {
    for (const name of ['My_Lesson', 'a--b', 'a-', 'UPPER', '../escape', 'with space']) {
      const output = newCommand(['lesson', name, '--dir', dir]);
      expect(output.exitCode).toBe(2);
      expect(output.stderr).toContain(`"${name}" cannot be a lesson id`);
    }
    expect(newCommand(['lesson', '--dir', dir]).stderr).toContain('needs a NAME');
    expect(newCommand(['lessons', 'x', '--dir', dir]).exitCode).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('never overwrites: a lesson with that id, or an existing schema, is left as it is', () => {
    writeFileSync(join(dir, '03-taken.yaml'), 'mine\n');
    writeFileSync(join(dir, 'lesson.schema.json'), '{}\n');
    const output = newCommand(['lesson', 'taken', '--dir', dir]);
    expect(output.exitCode).toBe(2);
    expect(output.stderr).toContain('03-taken.yaml already has the id taken');
    expect(readFileSync(join(dir, '03-taken.yaml'), 'utf8')).toBe('mine\n');
    expect(newCommand(['lesson', 'other', '--dir', dir]).exitCode).toBe(0);
    expect(readFileSync(join(dir, 'lesson.schema.json'), 'utf8')).toBe('{}\n');
    expect(readdirSync(dir).sort()).toEqual([
      '03-taken.yaml',
      '04-other.yaml',
      'lesson.schema.json',
    ]);
  });
});
