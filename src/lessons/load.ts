// Reading lesson files: YAML with positions, checked against the schema and then against the
// rules a schema cannot say (unique step ids, references between fields). Every error names the
// file, line and column, the field, and what was expected; one bad file does not stop the others.
import { parseInspection } from '../console/inspect.js';
import { lessonSchema, type Lesson } from './schema.js';
import { readYamlFile, type LessonError, type LessonFile, type Path } from './yaml-file.js';

export {
  formatLessonError,
  MAX_LESSON_BYTES,
  type LessonError,
  type LessonFile,
} from './yaml-file.js';

export type LoadedLesson =
  { ok: true; path: string; lesson: Lesson } | { ok: false; path: string; error: LessonError };

/** `NN-slug.yaml`: the number orders the course, the slug is the lesson's id. */
export const FILE_NAME = /(?:^|\/)(\d+)-([a-z0-9-]+)\.ya?ml$/;

class LessonProblem extends Error {
  constructor(
    readonly path: Path,
    message: string,
  ) {
    super(message);
  }
}

function requireUnique(values: readonly string[], at: (index: number) => Path, what: string) {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value)) throw new LessonProblem(at(index), `${what} "${value}" is used twice`);
    seen.add(value);
  });
}

/** What the schema cannot say: ids unique, references resolved, quizzes answerable. */
function checkReferences(lesson: Lesson): void {
  const stepIds = lesson.steps.map((step) => step.id);
  requireUnique(stepIds, (i) => ['steps', i, 'id'], 'step id');
  lesson.steps.forEach((step, i) => {
    if (step.kind === 'quiz') {
      const correct = step.options.filter((option) => option.correct === true).length;
      if (correct === 0)
        throw new LessonProblem(['steps', i, 'options'], 'expected at least one correct option');
      if (!step.multiple && correct > 1)
        throw new LessonProblem(
          ['steps', i, 'options'],
          'expected one correct option (or `multiple: true`)',
        );
    }
    if (step.kind !== 'task') return;
    const checkIds = [...step.checks, ...(step.probes ?? [])].map((check) => check.id);
    requireUnique(
      checkIds,
      (j) =>
        j < step.checks.length
          ? ['steps', i, 'checks', j, 'id']
          : ['steps', i, 'probes', j - step.checks.length, 'id'],
      'check id',
    );
    const conditions: [Path, { aws?: string | undefined }][] = [
      ...step.checks.map((c, j): [Path, typeof c] => [['steps', i, 'checks', j, 'aws'], c]),
      ...(step.probes ?? []).map((c, j): [Path, typeof c] => [['steps', i, 'probes', j, 'aws'], c]),
      ...(step.misconceptions ?? []).map((c, j): [Path, typeof c] => [
        ['steps', i, 'misconceptions', j, 'aws'],
        c,
      ]),
    ];
    for (const [path, condition] of conditions) {
      const parsed = condition.aws === undefined ? undefined : parseInspection(condition.aws);
      if (parsed && !parsed.ok) throw new LessonProblem(path, parsed.message);
    }
    const keys = (step.misconceptions ?? []).map((m) => m.key);
    requireUnique(keys, (j) => ['steps', i, 'misconceptions', j, 'key'], 'misconception key');
    (step.misconceptions ?? []).forEach((m, j) => {
      if (m.see !== undefined && !stepIds.includes(m.see))
        throw new LessonProblem(
          ['steps', i, 'misconceptions', j, 'see'],
          `expected the id of a step of this lesson, not "${m.see}"`,
        );
    });
    (step.wrongSolutions ?? []).forEach((wrong, j) => {
      if (!keys.includes(wrong.feedback))
        throw new LessonProblem(
          ['steps', i, 'wrongSolutions', j, 'feedback'],
          `expected a misconception key of this task (${keys.join(', ') || 'it has none'}), not "${wrong.feedback}"`,
        );
    });
  });
}

interface ReadLesson {
  loaded: LoadedLesson;
  /** The error at a field of this file, at the position where it is written. */
  errorAt: (path: Path, message: string) => LoadedLesson;
}

function readLesson(file: LessonFile): ReadLesson {
  const { read, errorAt: at } = readYamlFile(
    file,
    lessonSchema,
    'expected a lesson: a map with id, title, summary, scenario, minutes and steps',
  );
  const errorAt = (path: Path, message: string): LoadedLesson => ({
    ok: false,
    path: file.path,
    error: at(path, message),
  });
  if (!read.ok) return { loaded: { ok: false, path: file.path, error: read.error }, errorAt };
  const name = FILE_NAME.exec(file.path);
  if (name && name[2] !== read.value.id)
    return {
      loaded: errorAt(['id'], `expected "${name[2] ?? ''}", the name of the file after its number`),
      errorAt,
    };
  try {
    checkReferences(read.value);
  } catch (error) {
    if (error instanceof LessonProblem)
      return { loaded: errorAt(error.path, error.message), errorAt };
    throw error;
  }
  return { loaded: { ok: true, path: file.path, lesson: read.value }, errorAt };
}

/** Reads one lesson file; never throws. */
export function loadLesson(file: LessonFile): LoadedLesson {
  return readLesson(file).loaded;
}

/** The order of lesson files in a folder: their number, then their name. */
function lessonOrder(a: LessonFile, b: LessonFile): number {
  const number = (path: string) => Number(FILE_NAME.exec(path)?.[1] ?? Infinity);
  return number(a.path) - number(b.path) || a.path.localeCompare(b.path);
}

/**
 * A file's lesson as loadLesson found it before (the built-in course as the build loaded it),
 * for a file of the same name and text; undefined when it has to be read.
 */
export type KnownLesson = (file: LessonFile) => Lesson | undefined;

/** readLesson, or what is known of the file: its fields' positions are read only if needed. */
function readKnownLesson(file: LessonFile, known: KnownLesson | undefined): ReadLesson {
  const lesson = known?.(file);
  if (lesson === undefined) return readLesson(file);
  return {
    loaded: { ok: true, path: file.path, lesson },
    errorAt: (path, message) => readLesson(file).errorAt(path, message),
  };
}

/**
 * Reads a folder's lessons in order. Prerequisites must name lessons of the set; a lesson whose
 * prerequisite is missing loads as broken, the others as they are.
 */
export function loadLessons(files: readonly LessonFile[], known?: KnownLesson): LoadedLesson[] {
  const read = [...files].sort(lessonOrder).map((file) => readKnownLesson(file, known));
  const ids = new Set(read.flatMap(({ loaded }) => (loaded.ok ? [loaded.lesson.id] : [])));
  const firstWithId = new Map<string, string>();
  return read.map(({ loaded, errorAt }) => {
    if (!loaded.ok) return loaded;
    // Progress and `grade` find a lesson by its id: two files with one id would share them.
    const first = firstWithId.get(loaded.lesson.id);
    if (first !== undefined) {
      return errorAt(['id'], `"${loaded.lesson.id}" is also the id of ${first}`);
    }
    firstWithId.set(loaded.lesson.id, loaded.path);
    const prerequisites = loaded.lesson.prerequisites ?? [];
    const missing = prerequisites.findIndex((id) => !ids.has(id));
    return missing < 0
      ? loaded
      : errorAt(
          ['prerequisites', missing],
          `expected the id of another lesson of this folder, not "${prerequisites[missing] ?? ''}"`,
        );
  });
}
