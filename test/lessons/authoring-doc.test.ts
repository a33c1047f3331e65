// docs/authoring.md shows real lessons: each of its YAML examples is found, as it is, in the test
// lesson or a lesson of the course, which `lessons check` proves (check-lessons.test.ts and
// course.test.ts), so an example cannot drift into one that does not work.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

const sources = [
  read('test/lessons/fixtures/good/01-app-on-ec2.yaml'),
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

  it('takes each example as it is from a lesson that passes lessons check', () => {
    expect(examples.length).toBeGreaterThan(10);
    const missing = examples.filter((example) => !sources.some((text) => text.includes(example)));
    expect(missing).toEqual([]);
  });
});
