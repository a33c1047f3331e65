// The export file: what `progress export` writes reads back the same; an older one is migrated;
// a newer one, or anything malformed, is refused whole with the reason.
import { describe, expect, it } from 'vitest';
import { progressExport, readProgressExport } from '../../src/progress/export-file.js';
import { recordActivity, type Progress } from '../../src/progress/progress.js';

const record = recordActivity(
  undefined,
  {
    lessonId: 'app-on-ec2',
    step: 3,
    steps: {
      'role-for-app': {
        kind: 'task',
        status: 'passed',
        failedAttempts: 1,
        hintsShown: 1,
        hintsWhenPassed: 1,
        overGranted: false,
        holding: ['trusts-ec2'],
        world: '{"saved":"session"}',
      },
    },
    completed: true,
  },
  new Date('2026-12-01T09:00:00.000Z'),
);
const progress: Progress = { formatVersion: 1, lessons: { 'app-on-ec2': record } };
const exported = progressExport(progress);

describe('the progress export file', () => {
  it('is the progress file’s records under a name and the format version, and reads back the same', () => {
    expect(exported).toEqual({
      format: 'iam-tutor-progress',
      version: 1,
      lessons: progress.lessons,
    });
    const text = JSON.stringify(exported);
    expect(readProgressExport(JSON.parse(text))).toEqual({ ok: true, progress });
  });

  it('keeps a lesson id that is also a name of Object.prototype as data', () => {
    const text = JSON.stringify(exported).replace('"app-on-ec2":', '"__proto__":');
    const read = readProgressExport(JSON.parse(text));
    expect(read.ok && Object.keys(read.progress.lessons)).toEqual(['__proto__']);
    expect(read.ok && Object.getPrototypeOf(read.progress.lessons)).toBe(Object.prototype);
  });

  it('migrates an export of an older format, as the progress file is', () => {
    const migrations = { 1: (old: Record<string, unknown>) => ({ lessons: old.lessons }) };
    expect(readProgressExport(exported, migrations, 2)).toEqual({
      ok: true,
      progress: { formatVersion: 2, lessons: progress.lessons },
    });
  });

  it('refuses an export of a newer format, whatever else it holds', () => {
    expect(
      readProgressExport({ format: 'iam-tutor-progress', version: 2, learners: [], lessons: [] }),
    ).toEqual({
      ok: false,
      message: 'it was written by a newer iam-tutor (format 2; this one reads up to 1)',
    });
  });

  const damaged = (lessons: unknown) => ({ ...exported, lessons });
  it.each([
    ['an array', [exported], 'it is not a progress export (not a JSON object)'],
    [
      'another JSON file',
      { hello: 1 },
      'it is not a progress export (no "format": "iam-tutor-progress")',
    ],
    [
      'the grade format',
      { format: 'iam-tutor-grade', version: 1 },
      'it is not a progress export (no "format": "iam-tutor-progress")',
    ],
    [
      'a progress file',
      progress,
      'it is a progress file, not an export: make one with `iam-tutor progress export FILE` where it was written',
    ],
    ['no version', { format: 'iam-tutor-progress', lessons: {} }, 'it has no format version'],
    [
      'lessons that are not an object',
      damaged([record]),
      'its "lessons" is not an object of lesson records by lesson id',
    ],
    [
      'an unknown field',
      { ...exported, learner: 'alice' },
      { at: '$.learner', message: 'unknown field' },
    ],
    [
      'a damaged record',
      damaged({ ok: record, bad: { ...record, secondsSpent: -1 } }),
      { at: '$.lessons.bad.secondsSpent', message: 'Too small: expected number to be >=0' },
    ],
    [
      'a damaged step',
      damaged({ bad: { ...record, state: { ...record.state, steps: { s: { kind: 'video' } } } } }),
      {
        at: '$.lessons.bad.state.steps.s.kind',
        message: "Invalid discriminator value. Expected 'question' | 'task'",
      },
    ],
  ])('refuses %s, saying why', (_what, raw, why) => {
    expect(readProgressExport(raw)).toEqual({
      ok: false,
      ...(typeof why === 'string' ? { message: why } : why),
    });
  });
});
