// lessons/lesson.schema.json is derived from the zod schema; editors complete lesson files with it.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { packJsonSchema } from '../../src/lessons/pack.js';
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

  it('accepts the lessons the loader accepts and refuses what it refuses (checked with ajv)', () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(lessonJsonSchema());
    const lesson = parse(
      readFileSync(new URL('./fixtures/good/01-app-on-ec2.yaml', import.meta.url), 'utf8'),
    ) as Record<string, unknown>;
    expect(validate(lesson)).toBe(true);
    expect(validate({ ...lesson, sumary: 'typo' })).toBe(false);
    expect(validate({ ...lesson, minutes: 'ten' })).toBe(false);
    expect(validate({ ...lesson, steps: [{ kind: 'lecture', id: 'x', text: 'y' }] })).toBe(false);
    const task = { kind: 'task', id: 't', title: 'T', goal: 'G', solution: ['whoami'] };
    const withCheck = (check: Record<string, unknown>) => ({
      ...lesson,
      steps: [{ ...task, checks: [{ id: 'c', title: 'C', ...check }] }],
    });
    expect(validate(withCheck({ aws: 'aws iam list-users' }))).toBe(true);
    expect(validate(withCheck({}))).toBe(false);
    expect(validate(withCheck({ aws: 'aws iam list-users', shell: 'whoami' }))).toBe(false);
  });

  it('describes the fields for editors', () => {
    const schema = JSON.parse(readFileSync(FILE, 'utf8')) as {
      properties: Record<string, { description?: string }>;
    };
    expect(schema.properties.scenario?.description).toBe(
      'admin-access, on-prem, ec2, federation, cross-account, or another tag.',
    );
  });
});

describe('lessons/pack.schema.json', () => {
  const PACK_FILE = new URL('../../lessons/pack.schema.json', import.meta.url);

  it('is what the schema generates (regenerate: iam-tutor lessons schema pack > lessons/pack.schema.json)', () => {
    expect(JSON.parse(readFileSync(PACK_FILE, 'utf8'))).toEqual(packJsonSchema());
  });

  it('accepts the fixture pack and refuses what the loader refuses (checked with ajv)', () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(packJsonSchema());
    const pack = parse(
      readFileSync(new URL('./fixtures/pack/pack.yaml', import.meta.url), 'utf8'),
    ) as Record<string, unknown>;
    expect(validate(pack)).toBe(true);
    expect(validate({})).toBe(true);
    expect(validate({ ...pack, tittle: 'typo' })).toBe(false);
    expect(validate({ ...pack, builtIn: 'yes' })).toBe(false);
    expect(validate({ ...pack, id: 'Not A Slug' })).toBe(false);
    expect(validate({ ...pack, order: 'welcome' })).toBe(false);
  });
});
