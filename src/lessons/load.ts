// Reading lesson files: YAML with positions, checked against the schema and then against the
// rules a schema cannot say (unique step ids, references between fields). Every error names the
// file, line and column, the field, and what was expected; one bad file does not stop the others.
import { isCollection, LineCounter, parseDocument, type Document } from 'yaml';
import type * as z from 'zod/mini';
import { parseInspection } from '../console/inspect.js';
import { lessonSchema, type Lesson } from './schema.js';

export interface LessonFile {
  /** The path shown in messages, e.g. `lessons/02-admin-access.yaml`. */
  path: string;
  text: string;
}

export interface LessonError {
  path: string;
  line: number;
  column: number;
  /** The field, as `steps[2].options`; empty for the whole file. */
  field: string;
  message: string;
}

export type LoadedLesson =
  { ok: true; path: string; lesson: Lesson } | { ok: false; path: string; error: LessonError };

type Path = readonly (string | number)[];

/** A lesson file is a few KB; a file this large is not one, and parsing it would only stall. */
export const MAX_LESSON_BYTES = 512 * 1024;

/** `NN-slug.yaml`: the number orders the course, the slug is the lesson's id. */
const FILE_NAME = /(?:^|\/)(\d+)-([a-z0-9-]+)\.ya?ml$/;

export function fieldName(path: Path): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('');
}

/** Where a field is written: the deepest node of the path that exists (a missing key: its map). */
function positionOf(doc: Document, lines: LineCounter, path: Path): { line: number; col: number } {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return lines.linePos(range[0]);
  }
  return { line: 1, col: 1 };
}

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

/** A schema issue as a path and a message; an unknown field is reported where it is written. */
function described(issue: z.core.$ZodIssue | undefined): [Path, string] {
  if (!issue) return [[], 'not a lesson'];
  const path = issue.path as Path;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    return [[...path, key], `unknown field "${key}" (a misspelling?)`];
  }
  return [path, issue.message];
}

interface ReadLesson {
  loaded: LoadedLesson;
  /** The error at a field of this file, at the position where it is written. */
  errorAt: (path: Path, message: string) => LoadedLesson;
}

function readLesson(file: LessonFile): ReadLesson {
  const lines = new LineCounter();
  const fail = (line: number, column: number, field: string, message: string): LoadedLesson => ({
    ok: false,
    path: file.path,
    error: { path: file.path, line, column, field, message },
  });
  const whole = (message: string) => ({
    loaded: fail(1, 1, '', message),
    errorAt: () => fail(1, 1, '', message),
  });
  if (file.text.length > MAX_LESSON_BYTES)
    return whole(`a lesson file may hold at most ${MAX_LESSON_BYTES / 1024} KB`);
  const doc = parseDocument(file.text, {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: true,
  });
  const errorAt = (path: Path, message: string) => {
    const { line, col } = positionOf(doc, lines, path);
    return fail(line, col, fieldName(path), message);
  };
  const syntax = doc.errors[0];
  if (syntax) {
    const { line, col } = lines.linePos(syntax.pos[0]);
    return {
      loaded: fail(line, col, '', `not valid YAML: ${syntax.message.split('\n')[0] ?? ''}`),
      errorAt,
    };
  }
  if (!isCollection(doc.contents))
    return whole('expected a lesson: a map with id, title, summary, scenario, minutes and steps');
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // An alias to no anchor (`*name`), or an alias bomb: the parser reports these only here.
    const message = error instanceof Error ? error.message : String(error);
    return { loaded: fail(1, 1, '', `not valid YAML: ${message}`), errorAt };
  }
  const parsed = lessonSchema.safeParse(value);
  if (!parsed.success) {
    // A misspelt field also leaves the right one missing: naming the misspelling helps more.
    const { issues } = parsed.error;
    const [path, message] = described(
      issues.find((issue) => issue.code === 'unrecognized_keys') ?? issues[0],
    );
    return { loaded: errorAt(path, message), errorAt };
  }
  const name = FILE_NAME.exec(file.path);
  if (name && name[2] !== parsed.data.id)
    return {
      loaded: errorAt(['id'], `expected "${name[2] ?? ''}", the name of the file after its number`),
      errorAt,
    };
  try {
    checkReferences(parsed.data);
  } catch (error) {
    if (error instanceof LessonProblem)
      return { loaded: errorAt(error.path, error.message), errorAt };
    throw error;
  }
  return { loaded: { ok: true, path: file.path, lesson: parsed.data }, errorAt };
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

/** `file:line:column: field: message`, as compilers print it. */
export function formatLessonError(error: LessonError): string {
  const field = error.field ? `${error.field}: ` : '';
  return `${error.path}:${error.line}:${error.column}: ${field}${error.message}`;
}
