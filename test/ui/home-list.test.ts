// What Home lists, without Ink: Continue or Next first, each section's lessons with their marks,
// the heading of a second section, a broken file, and the sandbox and Quit last.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLessons, type LoadedLesson } from '../../src/lessons/load.js';
import type { LessonRecord } from '../../src/progress/progress.js';
import { homeList, type HomeSection } from '../../src/ui/home-list.js';

const FIXTURE = 'test/lessons/fixtures/good/01-app-on-ec2.yaml';
const text = readFileSync(FIXTURE, 'utf8');
/** The fixture lesson under other ids, as files of one folder. */
const lessons = (...ids: string[]): LoadedLesson[] =>
  loadLessons(
    ids.map((id, i) => ({
      path: `0${i + 1}-${id}.yaml`,
      text: text.replace(/^id: app-on-ec2$/m, `id: ${id}`),
    })),
  );

function record(lessonId: string, last: string, completed: boolean): LessonRecord {
  return {
    state: { lessonId, step: completed ? 3 : 1, steps: {}, completed },
    firstActivity: '2026-12-01T09:00:00.000Z',
    lastActivity: last,
    secondsSpent: 60,
  };
}

const section = (
  progress: string,
  loaded: LoadedLesson[],
  records: Record<string, LessonRecord> = {},
): HomeSection => ({ title: progress, progress, lessons: loaded, records });

const labels = (sections: HomeSection[]) => homeList(sections).items.map((item) => item.label);

describe('the list on Home', () => {
  it('lists the lessons in order with their marks, then the sandbox and Quit', () => {
    expect(labels([section('pack', lessons('one', 'two'))])).toEqual([
      '· 1. An application on EC2  (15 min)',
      '· 2. An application on EC2  (15 min)',
      'Sandbox: a free world to experiment in',
      'Quit',
    ]);
  });

  it('puts the lesson worked on last first, as Continue', () => {
    const records = {
      one: record('one', '2026-12-01T09:10:00.000Z', false),
      two: record('two', '2026-12-01T09:20:00.000Z', false),
    };
    const list = homeList([section('pack', lessons('one', 'two', 'three'), records)]);
    expect(list.items[0]).toMatchObject({
      key: 'continue',
      value: { kind: 'lesson', progress: 'pack', lesson: { id: 'two' } },
    });
    expect(list.items[2]?.label.startsWith('▸ 2.')).toBe(true);
    expect(list).toMatchObject({ lessons: 3, completed: 0 });
  });

  it('with nothing in progress, offers the lesson after the one finished last as Next', () => {
    const records = { two: record('two', '2026-12-01T09:20:00.000Z', true) };
    const list = homeList([section('pack', lessons('one', 'two', 'three'), records)]);
    expect(list.items[0]).toMatchObject({ key: 'next', value: { lesson: { id: 'three' } } });
    expect(list.items[2]?.label).toMatch(/^✓ 2\. An application on EC2 {2}\(15 min\) {2}\d+\/100$/);
    expect(list.completed).toBe(1);
  });

  it('heads a second section, numbers it from 1 again, and keeps each lesson to its progress', () => {
    const list = homeList([
      section('pack', lessons('one')),
      section('built-in course', lessons('app-on-ec2')),
    ]);
    expect(list.items.slice(0, 3).map((item) => [item.label, item.value])).toEqual([
      ['· 1. An application on EC2  (15 min)', expect.objectContaining({ progress: 'pack' })],
      ['— built-in course —', { kind: 'heading' }],
      [
        '· 1. An application on EC2  (15 min)',
        expect.objectContaining({ progress: 'built-in course' }),
      ],
    ]);
  });

  it('shows a broken file with its reason, not counted as a lesson', () => {
    const broken = loadLessons([{ path: '02-broken.yaml', text: 'id: [' }]);
    const list = homeList([section('pack', [...lessons('one'), ...broken])]);
    expect(list.items[1]).toMatchObject({
      label: '✗ 02-broken.yaml (broken)',
      value: { kind: 'broken', reason: expect.stringContaining('02-broken.yaml:1:') as string },
    });
    expect(list.lessons).toBe(1);
  });
});
