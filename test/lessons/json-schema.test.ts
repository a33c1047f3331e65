// lessons/lesson.schema.json is derived from the zod schema; editors complete lesson files with it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lessonJsonSchema } from '../../src/lessons/schema.js';

const FILE = new URL('../../lessons/lesson.schema.json', import.meta.url);

describe('lessons/lesson.schema.json', () => {
  it('is what the schema generates (regenerate: iam-tutor lessons schema > lessons/lesson.schema.json)', () => {
    expect(JSON.parse(readFileSync(FILE, 'utf8'))).toEqual(lessonJsonSchema());
  });

  it('describes the step kinds and refuses unknown fields, as the loader does', () => {
    const schema = lessonJsonSchema() as {
      required: string[];
      additionalProperties: boolean;
      properties: { steps: { items: { oneOf?: { properties: { kind: { const: string } } }[] } } };
    };
    expect(schema.required).toEqual(['id', 'title', 'summary', 'scenario', 'minutes', 'steps']);
    expect(schema.additionalProperties).toBe(false);
    const kinds = schema.properties.steps.items.oneOf?.map((step) => step.properties.kind.const);
    expect(kinds).toEqual(['read', 'quiz', 'predict', 'task']);
  });
});
