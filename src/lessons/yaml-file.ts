// Reading a YAML file of the lesson format (a lesson, a pack's pack.yaml) against its zod schema,
// with positions: every error names the file, line and column, the field, and what was expected.
import { isMap, LineCounter, parseDocument, type Document } from 'yaml';
import type * as z from 'zod/mini';

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

export type Path = readonly (string | number)[];

/** A lesson file is a few KB; a file this large is not one, and parsing it would only stall. */
export const MAX_LESSON_BYTES = 512 * 1024;

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

/** A schema issue as a path and a message; an unknown field is reported where it is written. */
function described(issue: z.core.$ZodIssue | undefined, what: string): [Path, string] {
  if (!issue) return [[], what];
  const path = issue.path as Path;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    return [[...path, key], `unknown field "${key}" (a misspelling?)`];
  }
  return [path, issue.message];
}

export interface YamlRead<T> {
  read: { ok: true; value: T } | { ok: false; error: LessonError };
  /** The error at a field of this file, at the position where it is written. */
  errorAt: (path: Path, message: string) => LessonError;
}

/**
 * The file's value as the schema parses it, or its first error. `expected` says what the file
 * should hold, for a file that is not a map at all.
 */
export function readYamlFile<T>(
  file: LessonFile,
  schema: z.ZodMiniType<T>,
  expected: string,
): YamlRead<T> {
  const lines = new LineCounter();
  const at = (line: number, column: number, field: string, message: string): LessonError => ({
    path: file.path,
    line,
    column,
    field,
    message,
  });
  const whole = (message: string): YamlRead<T> => ({
    read: { ok: false, error: at(1, 1, '', message) },
    errorAt: () => at(1, 1, '', message),
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
    return at(line, col, fieldName(path), message);
  };
  const failed = (error: LessonError): YamlRead<T> => ({ read: { ok: false, error }, errorAt });
  const syntax = doc.errors[0];
  if (syntax) {
    const { line, col } = lines.linePos(syntax.pos[0]);
    return failed(at(line, col, '', `not valid YAML: ${syntax.message.split('\n')[0] ?? ''}`));
  }
  if (!isMap(doc.contents)) return whole(expected);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // An alias to no anchor (`*name`), or an alias bomb: the parser reports these only here.
    const message = error instanceof Error ? error.message : String(error);
    return failed(at(1, 1, '', `not valid YAML: ${message}`));
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    // A misspelt field also leaves the right one missing: naming the misspelling helps more.
    const { issues } = parsed.error;
    const [path, message] = described(
      issues.find((issue) => issue.code === 'unrecognized_keys') ?? issues[0],
      expected,
    );
    return failed(errorAt(path, message));
  }
  return { read: { ok: true, value: parsed.data }, errorAt };
}

/** `file:line:column: field: message`, as compilers print it. */
export function formatLessonError(error: LessonError): string {
  const field = error.field ? `${error.field}: ` : '';
  return `${error.path}:${error.line}:${error.column}: ${field}${error.message}`;
}
