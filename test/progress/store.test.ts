// The progress store on disk: round trip, damaged files moved aside (never a crash, never a silent
// wipe), two writers at once, and a writer killed mid-write.
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { readProgress, recordActivity, type LessonRecord } from '../../src/progress/progress.js';
import { ProgressStore, ProgressStoreError } from '../../src/progress/store.js';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const freshDir = () => mkdtempSync(join(tmpdir(), 'iam-tutor-progress-'));
const open = (dir: string) => new ProgressStore({ dataDir: dir, now: () => NOW });

function record(lessonId: string, step = 1): LessonRecord {
  return recordActivity(undefined, { lessonId, step, steps: {}, completed: false }, NOW);
}

describe('ProgressStore', () => {
  it('keeps what it is given in DIR/progress.json, read back by a new instance', () => {
    const dir = freshDir();
    const store = open(dir);
    expect(store.path).toBe(join(dir, 'progress.json'));
    expect(store.read()).toEqual({ formatVersion: 1, lessons: {} });
    store.update('users-and-roles', () => record('users-and-roles', 3));
    expect(open(dir).lesson('users-and-roles')).toEqual(record('users-and-roles', 3));
    store.update('users-and-roles', () => undefined);
    expect(open(dir).read().lessons).toEqual({});
    expect(store.notices).toEqual([]);
  });

  it.each([
    ['a truncated file', '{"formatVersion":1,"lessons":{"a":{"st', 'it is not valid JSON'],
    [
      'a file of a newer iam-tutor',
      '{"formatVersion":9,"lessons":{}}',
      'it was written by a newer iam-tutor (format 9; this one reads up to 1)',
    ],
    ['some other JSON file', '{"hello":"world"}', 'it has no format version'],
    [
      'a file whose lessons are not records',
      '{"formatVersion":1,"lessons":"all of them"}',
      'its "lessons" is not an object of lesson records by lesson id',
    ],
  ])(
    'moves %s aside to a timestamped backup, says where, and starts afresh',
    (_what, text, reason) => {
      const dir = freshDir();
      writeFileSync(join(dir, 'progress.json'), text);
      const store = open(dir);
      const backup = join(dir, 'progress.json.2026-12-01T10-00-00-000Z.bak');
      expect(store.notices).toEqual([
        `Your progress file could not be read (${reason}). It was moved to ${backup} and the tutorial starts afresh.`,
      ]);
      expect(readFileSync(backup, 'utf8')).toBe(text);
      expect(store.read().lessons).toEqual({});
      store.update('a', () => record('a'));
      expect(open(dir).lesson('a')).toBeDefined();
    },
  );

  it('drops only the damaged lesson record, and names it', () => {
    const dir = freshDir();
    const good = record('good');
    writeFileSync(
      join(dir, 'progress.json'),
      JSON.stringify({
        formatVersion: 1,
        lessons: { good, bad: { ...good, secondsSpent: 'long' } },
      }),
    );
    const store = open(dir);
    expect(store.read().lessons).toEqual({ good });
    expect(store.notices).toEqual(['The saved progress of bad was damaged and is not used.']);
  });
});

describe('ProgressStore on a file system that says no', () => {
  it('says in words when the progress file is a folder, or the data folder a file', () => {
    const dir = freshDir();
    mkdirSync(join(dir, 'progress.json'));
    expect(() => open(dir)).toThrow(
      new ProgressStoreError(
        `cannot use the progress file ${join(dir, 'progress.json')}: it is a folder`,
      ),
    );
    const file = join(freshDir(), 'file');
    writeFileSync(file, '');
    expect(() => open(file)).toThrow(
      /^cannot use the progress file .*file\/progress\.json: a part of the path is a file, not a folder$/,
    );
  });

  it('waits for a live writer, then gives up with a message instead of taking its lock', () => {
    const dir = freshDir();
    const store = open(dir);
    const lock = join(dir, 'progress.json.lock');
    writeFileSync(lock, `${process.pid}:someone-else`);
    expect(() => {
      store.update('a', () => record('a'));
    }).toThrow(
      `another iam-tutor is saving progress (${lock} is held by process ${process.pid}); try again`,
    );
    expect(readFileSync(lock, 'utf8')).toBe(`${process.pid}:someone-else`);
    expect(store.read().lessons).toEqual({});
  }, 15_000);

  it('takes over an empty lock left by a writer killed between making it and writing its token', () => {
    const dir = freshDir();
    const lock = join(dir, 'progress.json.lock');
    // Fresh, it may be a writer about to write its token: waited for; a second on, abandoned.
    writeFileSync(lock, '');
    const started = Date.now();
    open(dir).update('a', () => record('a'));
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(900);
    expect(waited).toBeLessThan(4000);
    expect(open(dir).lesson('a')).toBeDefined();
    expect(existsSync(lock)).toBe(false);
  }, 15_000);
});

describe('readProgress', () => {
  it('migrates an older format forward, one version at a time', () => {
    const v1 = { formatVersion: 1, lessons: { a: { ...record('a'), minutes: 5 } } };
    const migrations = {
      1: (old: Record<string, unknown>) => {
        const lessons = old.lessons as Record<
          string,
          { minutes: number } & Record<string, unknown>
        >;
        return {
          lessons: Object.fromEntries(
            Object.entries(lessons).map(([id, { minutes, ...rest }]) => [
              id,
              { ...rest, secondsSpent: minutes * 60 },
            ]),
          ),
        };
      },
    };
    const read = readProgress(v1, migrations, 2);
    expect(read).toEqual({
      ok: true,
      progress: { formatVersion: 2, lessons: { a: { ...record('a'), secondsSpent: 300 } } },
      dropped: [],
    });
    expect(readProgress({ formatVersion: 1, lessons: {} }, {}, 2)).toEqual({
      ok: false,
      message: 'no way to read format 1',
    });
  });

  it('counts time between actions, but not idle gaps beyond five minutes', () => {
    const first = record('a');
    const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
    const second = recordActivity(first, first.state, later(90));
    expect(second).toMatchObject({ secondsSpent: 90, firstActivity: NOW.toISOString() });
    expect(recordActivity(second, first.state, later(90 + 3600)).secondsSpent).toBe(90 + 300);
  });
});

describe('ProgressStore across processes', () => {
  let writer = '';
  beforeAll(() => {
    writer = join(freshDir(), 'writer.mjs');
    buildSync({
      entryPoints: [new URL('./writer.ts', import.meta.url).pathname],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: writer,
      banner: {
        js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      },
      logLevel: 'silent',
    });
  });

  const write = (dir: string, name: string, count: number) =>
    new Promise<number | null>((resolve) => {
      spawn(process.execPath, [writer, dir, name, String(count)], { stdio: 'inherit' }).on(
        'exit',
        resolve,
      );
    });

  it('loses no update when two instances write at once', async () => {
    const dir = freshDir();
    const statuses = await Promise.all([write(dir, 'first', 150), write(dir, 'second', 150)]);
    expect(statuses).toEqual([0, 0]);
    const { lessons } = open(dir).read();
    expect(lessons.first?.state.step).toBe(150);
    expect(lessons.second?.state.step).toBe(150);
    expect(lessons.shared?.state.step).toBe(300);
    expect(existsSync(join(dir, 'progress.json.lock'))).toBe(false);
  }, 60_000);

  it('leaves the old file or the new one, never a broken one, when a writer is killed', () => {
    const dir = freshDir();
    for (const delay of [250, 330, 410, 490, 570]) {
      const child = spawnSync(
        'sh',
        [
          '-c',
          `"${process.execPath}" "${writer}" "${dir}" killed 100000 & sleep ${delay / 1000}; kill -9 $!`,
        ],
        { stdio: 'inherit' },
      );
      expect(child.status).toBe(0);
      const store = open(dir);
      expect(store.notices).toEqual([]);
      expect(readdirSync(dir).filter((name) => name.endsWith('.bak'))).toEqual([]);
    }
    expect(open(dir).lesson('killed')?.state.step).toBeGreaterThan(0);
    // A lock left by the killed writer does not hold the next one up.
    const started = Date.now();
    open(dir).update('after', () => record('after'));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(open(dir).lesson('after')).toBeDefined();
  }, 60_000);
});
