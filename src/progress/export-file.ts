// The file `iam-tutor progress export` writes and `progress import` reads, to move progress
// between machines: the progress file's records under a name and a version. The version is the
// progress format's, so an older export is migrated forward as an older progress file is, and one
// of a newer format is refused. Unlike the progress file, whose damaged records the store drops to
// keep the tutorial going, an export is taken whole or not at all: an import that kept only part
// of a file would pass off a damaged file as a good one. An export of a lesson pack's progress names
// the pack, and is imported only into that pack: never into the built-in course or another pack.
import {
  MIGRATIONS,
  PROGRESS_FORMAT,
  readProgress,
  type LessonRecord,
  type Progress,
} from './progress.js';

export const EXPORT_FORMAT = 'iam-tutor-progress';

/** The lesson pack whose progress an export holds (none for the built-in course's). */
export interface ExportedPack {
  /** The pack's `id`; absent for a pack known only by its folder. */
  id?: string | undefined;
  title: string;
}

export interface ProgressExport {
  format: typeof EXPORT_FORMAT;
  version: number;
  pack?: ExportedPack;
  lessons: Record<string, LessonRecord>;
}

export function progressExport(progress: Progress, pack?: ExportedPack): ProgressExport {
  return {
    format: EXPORT_FORMAT,
    version: progress.formatVersion,
    ...(pack === undefined
      ? {}
      : { pack: { ...(pack.id === undefined ? {} : { id: pack.id }), title: pack.title } }),
    lessons: progress.lessons,
  };
}

const FIELDS = new Set(['format', 'version', 'pack', 'lessons']);

/** The export's `pack`, or the JSON path and message of what is wrong with it. */
function readPack(value: unknown): ExportedPack | undefined | { at: string; message: string } {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { at: '$.pack', message: 'expected an object with the pack\'s "title" (and "id")' };
  const { id, title, ...rest } = value as Record<string, unknown>;
  const unknown = Object.keys(rest)[0];
  if (unknown !== undefined) return { at: `$.pack.${unknown}`, message: 'unknown field' };
  if (typeof title !== 'string') return { at: '$.pack.title', message: 'expected a string' };
  if (id !== undefined && typeof id !== 'string')
    return { at: '$.pack.id', message: 'expected a string' };
  return { id, title };
}

/** Why an export of `from` must not be imported into `into`'s progress; undefined when it may. */
export function packMismatch(
  from: ExportedPack | undefined,
  into: ExportedPack | undefined,
): string | undefined {
  const name = (pack: ExportedPack) =>
    `the lesson pack "${pack.title}"${pack.id === undefined ? '' : ` (id ${pack.id})`}`;
  if (from === undefined && into === undefined) return undefined;
  if (from === undefined)
    return 'it is the progress of the built-in course: import it without --lessons';
  if (into === undefined)
    return `it is the progress of ${name(from)}: import it with --lessons and that pack's folder`;
  // Packs are the same pack by their id; two packs without one cannot be told apart.
  if (from.id === into.id) return undefined;
  return `it is the progress of ${name(from)}, not of ${name(into)}`;
}

export type ReadExport =
  | { ok: true; progress: Progress; pack: ExportedPack | undefined }
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
  const pack = readPack(file.pack);
  if (pack !== undefined && 'at' in pack) return { ok: false, ...pack };
  const [damaged] = read.dropped;
  if (damaged) return { ok: false, at: damaged.at, message: damaged.message };
  return { ok: true, progress: read.progress, pack };
}
