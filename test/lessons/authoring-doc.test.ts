// docs/authoring.md shows real lessons: each of its YAML examples is found, as it is, in the test
// lesson, a lesson of the course, or the test pack, which `lessons check` proves (check-lessons
// .test.ts, course.test.ts, and here for the pack), so an example cannot drift into one that does
// not work.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCourse } from '../../src/commands/course.js';
import { checkLesson } from '../../src/lessons/check-lessons.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

const PACK = 'test/lessons/fixtures/pack';

const sources = [
  read('test/lessons/fixtures/good/01-app-on-ec2.yaml'),
  ...readdirSync(new URL(`../../${PACK}`, import.meta.url)).map((name) => read(`${PACK}/${name}`)),
  ...readdirSync(new URL('../../lessons', import.meta.url))
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => read(`lessons/${name}`)),
];

const examples = [...read('docs/authoring.md').matchAll(/```yaml\n([\s\S]*?)```/g)].map(
  (match) => match[1] ?? '',
);

describe('docs/authoring.md', () => {
  it('has an example of every step kind and every check kind', () => {
    const all = examples.join('\n');
    for (const kind of ['read', 'quiz', 'predict', 'task']) expect(all).toContain(`kind: ${kind}`);
    for (const field of ['multiple: true', 'aws: aws ', 'request:', 'decision: denied']) {
      expect(all).toContain(field);
    }
    for (const field of ['on: instance', 'probes:', 'misconceptions:', 'see: ', 'hints:']) {
      expect(all).toContain(field);
    }
    for (const field of ['solution:', 'wrongSolutions:', '--query']) expect(all).toContain(field);
  });

  it('has an example of pack.yaml with every field, taken from the test pack, which passes lessons check', () => {
    const pack = read(`${PACK}/pack.yaml`);
    expect(examples).toContain(pack);
    for (const field of ['id', 'title', 'description', 'order', 'builtIn']) {
      expect(pack).toMatch(new RegExp(`^${field}:`, 'm'));
    }
    const course = readCourse(PACK, { compiled: false });
    if (!course.ok) throw new Error(course.message);
    const rows = (course.course.sections[0]?.lessons ?? []).flatMap((loaded) =>
      checkLesson(loaded),
    );
    expect(rows.filter((row) => !row.ok)).toEqual([]);
    expect(rows.filter((row) => row.what === 'loads')).toHaveLength(3);
  });

  it('takes each example as it is from a lesson that passes lessons check', () => {
    expect(examples.length).toBeGreaterThan(10);
    const missing = examples.filter((example) => !sources.some((text) => text.includes(example)));
    expect(missing).toEqual([]);
  });
});
