// Lesson files: the schema and the loader's errors, with the file, line, column and field.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatLessonError, loadLesson, loadLessons } from '../../src/lessons/load.js';

const GOOD = `# yaml-language-server: $schema=./lesson.schema.json
id: users-and-roles
title: Users and roles
summary: Who is who in IAM.
scenario: basics
minutes: 10
steps:
  - kind: read
    id: intro
    text: An IAM *user* has long-term credentials.
  - kind: quiz
    id: which
    question: Which credentials expire?
    options:
      - text: An access key of a user
        feedback: It lasts until someone deletes it.
      - text: A role session's credentials
        correct: true
        feedback: Right, they expire.
`;

const fixture = readFileSync(
  new URL('./fixtures/good/01-app-on-ec2.yaml', import.meta.url),
  'utf8',
);

const load = (text: string, path = 'lessons/01-users-and-roles.yaml') => loadLesson({ path, text });

function errorOf(text: string, path?: string) {
  const loaded = load(text, path);
  if (loaded.ok) throw new Error('expected the lesson to be refused');
  return loaded.error;
}

describe('loadLesson', () => {
  it('reads a valid lesson', () => {
    const loaded = load(GOOD);
    expect(loaded.ok && loaded.lesson.steps.map((step) => step.kind)).toEqual(['read', 'quiz']);
  });

  it('names the line, column and field of a wrong value, and what was expected', () => {
    const error = errorOf(GOOD.replace('minutes: 10', 'minutes: ten'));
    expect(error).toEqual({
      path: 'lessons/01-users-and-roles.yaml',
      line: 6,
      column: 10,
      field: 'minutes',
      message: 'Invalid input: expected number, received string',
    });
    expect(formatLessonError(error)).toBe(
      'lessons/01-users-and-roles.yaml:6:10: minutes: Invalid input: expected number, received string',
    );
  });

  it('points at the map that lacks a required field', () => {
    const error = errorOf(GOOD.replace('    text: An IAM *user* has long-term credentials.\n', ''));
    expect(error).toMatchObject({ line: 8, column: 5, field: 'steps[0].text' });
  });

  it('names an unknown step kind with the kinds there are', () => {
    const error = errorOf(GOOD.replace('kind: read', 'kind: lecture'));
    expect(error).toMatchObject({ line: 8, field: 'steps[0].kind' });
    expect(error.message).toContain("'read' | 'quiz' | 'predict' | 'task'");
  });

  it('refuses a misspelt field instead of ignoring it', () => {
    const error = errorOf(GOOD.replace('summary:', 'sumary:'));
    expect(error).toMatchObject({
      line: 4,
      field: 'sumary',
      message: 'unknown field "sumary" (a misspelling?)',
    });
  });

  it('reports YAML syntax errors where they are', () => {
    const error = errorOf(GOOD.replace('title: Users and roles', 'title: [Users'));
    expect(error.field).toBe('');
    expect(error.message).toMatch(/^not valid YAML: /);
    expect(error.line).toBeGreaterThanOrEqual(3);
  });

  it('refuses an alias to no anchor, and an alias bomb, instead of throwing', () => {
    expect(errorOf(GOOD.replace('scenario: basics', 'scenario: *basics')).message).toBe(
      'not valid YAML: Unresolved alias (the anchor must be set before the alias): basics',
    );
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefgh'.split('').map(
        (k, i) =>
          `${k}: &${k} [${Array(9)
            .fill(`*${'abcdefgh'[i] ?? ''}`)
            .join(', ')}]`,
      ),
    ].join('\n');
    expect(errorOf(bomb).message).toMatch(/^not valid YAML: Excessive alias count/);
  });

  it('refuses duplicate keys, which YAML would otherwise let the last one win', () => {
    expect(errorOf(GOOD.replace('minutes: 10', 'minutes: 10\nminutes: 12')).message).toMatch(
      /not valid YAML: .*unique/i,
    );
  });

  it('refuses a quiz without a correct option, or with two when it is not multiple', () => {
    expect(errorOf(GOOD.replace('        correct: true\n', ''))).toMatchObject({
      field: 'steps[1].options',
      message: 'expected at least one correct option',
      line: 15,
    });
    const two = GOOD.replace(
      '      - text: An access key of a user\n',
      '      - text: An access key of a user\n        correct: true\n',
    );
    expect(errorOf(two).message).toBe('expected one correct option (or `multiple: true`)');
  });

  it('refuses two steps with one id, at the second', () => {
    expect(errorOf(GOOD.replace('id: which', 'id: intro'))).toMatchObject({
      field: 'steps[1].id',
      line: 12,
      message: 'step id "intro" is used twice',
    });
  });

  it('checks the aws command of a check as the CLI would parse it, where it is written', () => {
    const lesson = fixture.replace(
      'aws iam get-role --role-name app --query',
      'aws iam get-role --rolename app --query',
    );
    const error = errorOf(lesson, 'fixtures/01-app-on-ec2.yaml');
    expect(error).toMatchObject({ field: 'steps[3].checks[0].aws', line: 50, column: 14 });
    expect(error.message).toContain('the following arguments are required: --role-name');
  });

  it('refuses a check command that is not a read (STS Get operations issue credentials)', () => {
    const lesson = fixture.replace(
      'aws iam get-role --role-name app --query',
      'aws sts get-session-token --query',
    );
    expect(errorOf(lesson, 'fixtures/01-app-on-ec2.yaml')).toMatchObject({
      field: 'steps[3].checks[0].aws',
      message: expect.stringMatching(/^not a read-only command the simulator has: /) as string,
    });
  });

  it('wants the id to be the file name after its number', () => {
    expect(errorOf(GOOD, 'lessons/01-other.yaml')).toMatchObject({
      field: 'id',
      line: 2,
      message: 'expected "other", the name of the file after its number',
    });
  });

  it('refuses what is not a lesson at all, and files too large to be one', () => {
    expect(errorOf('just words').message).toMatch(/^expected a lesson/);
    expect(errorOf('').message).toMatch(/^expected a lesson/);
    expect(errorOf('- id: users-and-roles').message).toMatch(/^expected a lesson: a map/);
    expect(errorOf(`${GOOD}#${'x'.repeat(600 * 1024)}`).message).toBe(
      'a lesson file may hold at most 512 KB',
    );
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const loaded = load(text);
        expect(loaded.ok || loaded.error.line >= 1).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.nat(GOOD.length), fc.string({ maxLength: 5 }), (at, insert) => {
        const loaded = load(GOOD.slice(0, at) + insert + GOOD.slice(at));
        expect(loaded.ok || loaded.error.message.length > 0).toBe(true);
      }),
    );
  });
});

describe('loadLessons', () => {
  it('orders by number, keeps going past a broken file, and checks prerequisites', () => {
    const second = GOOD.replace('id: users-and-roles', 'id: deciding').replace(
      'minutes: 10',
      'minutes: 10\nprerequisites: [users-and-roles, missing]',
    );
    const loaded = loadLessons([
      { path: 'l/10-deciding.yaml', text: second },
      { path: 'l/02-broken.yaml', text: 'id: [' },
      { path: 'l/01-users-and-roles.yaml', text: GOOD },
    ]);
    expect(loaded.map((entry) => [entry.path, entry.ok])).toEqual([
      ['l/01-users-and-roles.yaml', true],
      ['l/02-broken.yaml', false],
      ['l/10-deciding.yaml', false],
    ]);
    const twice = loadLessons([
      { path: 'l/01-users-and-roles.yaml', text: GOOD },
      { path: 'l/02-users-and-roles.yml', text: GOOD },
    ]);
    expect(twice[1]).toMatchObject({
      ok: false,
      error: {
        field: 'id',
        message: '"users-and-roles" is also the id of l/01-users-and-roles.yaml',
      },
    });
    expect(loaded[2]).toMatchObject({
      error: {
        field: 'prerequisites[1]',
        line: 7,
        message: 'expected the id of another lesson of this folder, not "missing"',
      },
    });
  });
});
