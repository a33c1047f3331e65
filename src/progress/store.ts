// The progress file on disk, through conf (its location under the user's config folder, atomic
// writes). Two things conf does not do, done here:
// - A damaged file (truncated, hand-edited, of a newer format) is moved aside to a timestamped
//   backup and the learner told where; conf alone throws on it, or with clearInvalidConfig wipes
//   it silently.
// - Two instances at once lose nothing: conf rewrites the whole file on every set without a lock,
//   so every change takes a lock file, re-reads the file, applies itself and writes.
import Conf from 'conf';
import {
  closeSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import {
  emptyProgress,
  readProgress,
  type DroppedRecord,
  type LessonRecord,
  type Progress,
} from './progress.js';
import { ProgressStoreError } from './store-error.js';

export interface StoreOptions {
  /** `--data-dir` or `IAM_TUTOR_HOME`; conf's config folder for iam-tutor when absent. */
  dataDir?: string;
  /**
   * The file's name without `.json`: `progress` (the built-in course's) when absent; a lesson
   * pack's progress has a file of its own.
   */
  name?: string;
  /** For the backup's name; the shell passes the real clock. */
  now: () => Date;
}

/** The name of the built-in course's progress file. */
export const BUILT_IN_PROGRESS = 'progress';

/** How long a writer waits for a live one's lock before giving up with a message. */
const LOCK_WAIT_MS = 5000;
/** A lock older than this was left by a process that died while holding it. */
const STALE_LOCK_MS = 30_000;
/**
 * A writer writes its token the moment it has made the lock file: an empty lock older than this
 * was left by one killed in between, which would otherwise hold every writer up until it is stale.
 */
const EMPTY_LOCK_MS = 1000;

/** Marks what conf read from a file that is not JSON. */
const DAMAGED = '\u0000damaged';

const sleeper = new Int32Array(new SharedArrayBuffer(4));
const sleep = (ms: number) => Atomics.wait(sleeper, 0, 0, ms);

export { ProgressStoreError };

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
};

/** Runs a file operation; a failure of the file system becomes a ProgressStoreError in words. */
function onDisk<T>(what: string, action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (error instanceof ProgressStoreError) throw error;
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    if (code === '') throw error;
    throw new ProgressStoreError(`cannot ${what}: ${REASONS[code] ?? code}`);
  }
}

const errorCode = (error: unknown) =>
  error instanceof Error && 'code' in error ? String(error.code) : '';

export class ProgressStore {
  readonly #conf: Conf;
  readonly #now: () => Date;
  /** The token written in the lock file while this instance holds it. */
  readonly #token = `${process.pid}:${Math.random().toString(36).slice(2)}`;
  #holding = false;
  /** What the learner should be told about the file (a backup made, records dropped). */
  readonly notices: string[] = [];

  constructor(options: StoreOptions) {
    this.#now = options.now;
    const where =
      options.dataDir === undefined
        ? "in iam-tutor's config folder"
        : join(options.dataDir, `${options.name ?? BUILT_IN_PROGRESS}.json`);
    this.#conf = onDisk(`use the progress file ${where}`, () => this.#open(options));
    this.read();
  }

  get path(): string {
    return this.#conf.path;
  }

  #open(options: StoreOptions): Conf {
    return new Conf<Record<string, unknown>>({
      projectName: 'iam-tutor',
      projectSuffix: '',
      configName: options.name ?? BUILT_IN_PROGRESS,
      ...(options.dataDir === undefined ? {} : { cwd: options.dataDir }),
      // conf throws on a file that is not JSON when it opens it; read() moves such a file aside.
      deserialize: (text: string): Record<string, unknown> => {
        try {
          return JSON.parse(text) as Record<string, unknown>;
        } catch {
          return { [DAMAGED]: true };
        }
      },
    });
  }

  /** The file's progress, or why it cannot be used. */
  #readFile(): { progress: Progress; dropped: DroppedRecord[] } | { damaged: string } {
    const raw = onDisk(`read ${this.path}`, () => this.#conf.store);
    if (DAMAGED in raw) return { damaged: 'it is not valid JSON' };
    const read = readProgress(raw);
    return read.ok ? read : { damaged: read.message };
  }

  /**
   * The progress as the file holds it now. A damaged file is moved aside, under the lock and only
   * if it is still damaged then (another instance may have just written a good one).
   */
  read(): Progress {
    let read = this.#readFile();
    if ('damaged' in read) {
      read = this.#locked(() => {
        const again = this.#readFile();
        if ('damaged' in again) this.#moveAside(again.damaged);
        return 'damaged' in again ? { progress: emptyProgress(), dropped: [] } : again;
      });
    }
    const ids = read.dropped.map((record) => record.lessonId).join(', ');
    const notice = `The saved progress of ${ids} was damaged and is not used.`;
    if (read.dropped.length > 0 && !this.notices.includes(notice)) this.notices.push(notice);
    return read.progress;
  }

  #moveAside(reason: string): void {
    const stamp = this.#now().toISOString().replace(/[:.]/g, '-');
    const backup = `${this.path}.${stamp}.bak`;
    onDisk(`move the damaged ${this.path} aside`, () => {
      renameSync(this.path, backup);
    });
    this.notices.push(
      `Your progress file could not be read (${reason}). It was moved to ${backup} and the tutorial starts afresh.`,
    );
  }

  lesson(id: string): LessonRecord | undefined {
    return this.read().lessons[id];
  }

  /** Changes every lesson's record under the lock, against what the file holds at that moment. */
  updateAll(
    change: (lessons: Readonly<Record<string, LessonRecord>>) => Record<string, LessonRecord>,
  ): void {
    this.#locked(() => {
      const progress = this.read();
      this.#write({ ...progress, lessons: change(progress.lessons) });
    });
  }

  /** Changes one lesson's record (undefined removes it) as updateAll does. */
  update(id: string, change: (record: LessonRecord | undefined) => LessonRecord | undefined): void {
    this.updateAll((lessons) => {
      const next = change(lessons[id]);
      const others = Object.entries(lessons).filter(([key]) => key !== id);
      return Object.fromEntries(next === undefined ? others : [...others, [id, next]]);
    });
  }

  resetAll(): void {
    this.#locked(() => {
      this.#write(emptyProgress());
    });
  }

  #write(progress: Progress): void {
    onDisk(`save ${this.path}`, () => {
      this.#conf.store = { ...progress };
    });
  }

  /** Runs `action` holding the lock file (re-entrant: read() inside update() takes it once). */
  #locked<T>(action: () => T): T {
    if (this.#holding) return action();
    const lock = `${this.path}.lock`;
    const deadline = Date.now() + LOCK_WAIT_MS;
    while (!this.#take(lock)) {
      if (abandoned(lock)) removeIf(lock, readLock(lock));
      else if (Date.now() > deadline) {
        throw new ProgressStoreError(
          `another iam-tutor is saving progress (${lock} is held by process ${readLock(lock).split(':')[0] ?? '?'}); try again`,
        );
      } else sleep(5);
    }
    this.#holding = true;
    try {
      return action();
    } finally {
      this.#holding = false;
      removeIf(lock, this.#token);
    }
  }

  /** Creates the lock file with this instance's token; false when another holds it. */
  #take(lock: string): boolean {
    try {
      const fd = openSync(lock, 'wx');
      try {
        writeSync(fd, this.#token);
      } finally {
        closeSync(fd);
      }
      return true;
    } catch (error) {
      const code = errorCode(error);
      if (code === 'EEXIST') return false;
      throw new ProgressStoreError(`cannot lock ${this.path}: ${REASONS[code] ?? code}`);
    }
  }
}

function readLock(lock: string): string {
  try {
    return readFileSync(lock, 'utf8');
  } catch {
    return '';
  }
}

/** A lock whose process has died (killed while writing), or that is older than any write. */
function abandoned(lock: string): boolean {
  try {
    const age = Date.now() - statSync(lock).mtimeMs;
    if (age > STALE_LOCK_MS) return true;
    const token = readLock(lock);
    if (token === '') return age > EMPTY_LOCK_MS; // being written, unless for too long
    const pid = Number(token.split(':')[0]);
    if (!Number.isInteger(pid) || pid <= 0) return false;
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return errorCode(error) === 'ESRCH';
  }
}

/**
 * Removes the lock only if it still holds `token` (an abandoned empty lock: ''): never a lock
 * another writer took since.
 */
function removeIf(lock: string, token: string): void {
  if (readLock(lock) !== token) return;
  try {
    unlinkSync(lock);
  } catch {
    // Removed by another writer that found it abandoned too: free either way.
  }
}
