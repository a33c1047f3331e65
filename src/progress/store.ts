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
import { emptyProgress, readProgress, type LessonRecord, type Progress } from './progress.js';

export interface StoreOptions {
  /** `--data-dir` or `IAM_TUTOR_HOME`; conf's config folder for iam-tutor when absent. */
  dataDir?: string;
  /** For the backup's name; the shell passes the real clock. */
  now: () => Date;
}

/** How long a writer waits for another one's lock before taking it as abandoned. */
const LOCK_WAIT_MS = 5000;
/** A lock older than this was left by a process that died while holding it. */
const STALE_LOCK_MS = 30_000;

/** Marks what conf read from a file that is not JSON. */
const DAMAGED = '\u0000damaged';

const sleeper = new Int32Array(new SharedArrayBuffer(4));
const sleep = (ms: number) => Atomics.wait(sleeper, 0, 0, ms);

export class ProgressStore {
  readonly #conf: Conf;
  readonly #now: () => Date;
  /** What the learner should be told about the file (a backup made, records dropped). */
  readonly notices: string[] = [];

  constructor(options: StoreOptions) {
    this.#now = options.now;
    this.#conf = this.#open(options);
    this.read();
  }

  get path(): string {
    return this.#conf.path;
  }

  #open(options: StoreOptions): Conf {
    return new Conf<Record<string, unknown>>({
      projectName: 'iam-tutor',
      projectSuffix: '',
      configName: 'progress',
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

  #moveAside(path: string, reason: string): void {
    const stamp = this.#now().toISOString().replace(/[:.]/g, '-');
    const backup = `${path}.${stamp}.bak`;
    renameSync(path, backup);
    this.notices.push(
      `Your progress file could not be read (${reason}). It was moved to ${backup} and the tutorial starts afresh.`,
    );
  }

  /** The progress as the file holds it now; a damaged file is moved aside and reads as empty. */
  read(): Progress {
    const raw = this.#conf.store;
    if (DAMAGED in raw) {
      this.#moveAside(this.path, 'it is not valid JSON');
      return emptyProgress();
    }
    const read = readProgress(raw);
    if (!read.ok) {
      this.#moveAside(this.path, read.message);
      return emptyProgress();
    }
    const notice = `The saved progress of ${read.dropped.join(', ')} was damaged and is not used.`;
    if (read.dropped.length > 0 && !this.notices.includes(notice)) this.notices.push(notice);
    return read.progress;
  }

  lesson(id: string): LessonRecord | undefined {
    return this.read().lessons[id];
  }

  /** Changes one lesson's record under the lock, against what the file holds at that moment. */
  update(id: string, change: (record: LessonRecord | undefined) => LessonRecord | undefined): void {
    this.#locked(() => {
      const progress = this.read();
      const next = change(progress.lessons[id]);
      const others = Object.entries(progress.lessons).filter(([key]) => key !== id);
      const lessons = Object.fromEntries(next === undefined ? others : [...others, [id, next]]);
      this.#conf.store = { ...progress, lessons };
    });
  }

  resetAll(): void {
    this.#locked(() => {
      this.#conf.store = { ...emptyProgress() };
    });
  }

  #locked(action: () => void): void {
    const lock = `${this.path}.lock`;
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (;;) {
      try {
        const fd = openSync(lock, 'wx');
        writeSync(fd, String(process.pid));
        closeSync(fd);
        break;
      } catch (error) {
        if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
        if (abandoned(lock) || Date.now() > deadline) removeQuietly(lock);
        else sleep(5);
      }
    }
    try {
      action();
    } finally {
      removeQuietly(lock);
    }
  }
}

/** A lock whose process has died (killed while writing), or that is older than any write. */
function abandoned(lock: string): boolean {
  try {
    if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) return true;
    const pid = Number(readFileSync(lock, 'utf8'));
    if (!Number.isInteger(pid) || pid <= 0) return false; // being written: give it a moment
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return error instanceof Error && 'code' in error && error.code === 'ESRCH';
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Another writer removed it first: the lock is free either way.
  }
}
