// The file `iam-tutor progress export` writes and `progress import` reads, to move progress
// between machines: the progress file's records under a name and a version. The version is the
// progress format's, so an older export is migrated forward as an older progress file is, and one
// of a newer format is refused. Unlike the progress file, whose damaged records the store drops to
// keep the tutorial going, an export is taken whole or not at all: an import that kept only part
// of a file would pass off a damaged file as a good one.
import {
  MIGRATIONS,
  PROGRESS_FORMAT,
  readProgress,
  type LessonRecord,
  type Progress,
} from './progress.js';

export const EXPORT_FORMAT = 'iam-tutor-progress';

export interface ProgressExport {
  format: typeof EXPORT_FORMAT;
  version: number;
  lessons: Record<string, LessonRecord>;
}

export function progressExport(progress: Progress): ProgressExport {
  return { format: EXPORT_FORMAT, version: progress.formatVersion, lessons: progress.lessons };
}

const FIELDS = new Set(['format', 'version', 'lessons']);

export type ReadExport =
  | { ok: true; progress: Progress }
  /** `at`: the JSON path of what is wrong, when it is one place in the file. */
  | { ok: false; message: string; at?: string };

/** The progress an export holds (already parsed JSON), or what is wrong with it, in words. */
export function readProgressExport(
  raw: unknown,
  migrations = MIGRATIONS,
  current = PROGRESS_FORMAT,
): ReadExport {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, message: 'it is not a progress export (not a JSON object)' };
  }
  const file = raw as Record<string, unknown>;
  if ('formatVersion' in file && !('format' in file)) {
    return {
      ok: false,
      message:
        'it is a progress file, not an export: make one with `iam-tutor progress export FILE` where it was written',
    };
  }
  if (file.format !== EXPORT_FORMAT) {
    return { ok: false, message: `it is not a progress export (no "format": "${EXPORT_FORMAT}")` };
  }
  const read = readProgress(
    { formatVersion: file.version, lessons: file.lessons },
    migrations,
    current,
  );
  if (!read.ok) return read;
  // After the version: a newer format may well have fields this one does not know.
  const unknown = Object.keys(file).find((key) => !FIELDS.has(key));
  if (unknown !== undefined) return { ok: false, at: `$.${unknown}`, message: 'unknown field' };
  const [damaged] = read.dropped;
  if (damaged) return { ok: false, at: damaged.at, message: damaged.message };
  return { ok: true, progress: read.progress };
}
