// JSON text for the command line: the parsed value, plus the line and column of any JSON path in
// it, so that a message about `$.identityPolicies[1].Statement[0]` can point into the file.
import { readJsonText, type JsonNode, type Position } from '../policy/validate/json-document.js';

export type JsonTextParse =
  | { ok: true; value: unknown; locate: (path: string) => Position | undefined }
  | { ok: false; line: number; column: number; message: string };

/** `$.a[0].b` -> ['a', 0, 'b']. Keys are what follows a dot up to the next `.` or `[`. */
function pathSegments(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const match of path.matchAll(/\.([^.[]+)|\[(\d+)\]/g)) {
    segments.push(match[2] === undefined ? (match[1] ?? '') : Number(match[2]));
  }
  return segments;
}

function nodeAt(root: JsonNode, path: string): JsonNode | undefined {
  let node: JsonNode | undefined = root;
  for (const segment of pathSegments(path)) {
    if (node?.type === 'object' && typeof segment === 'string')
      node = node.members.get(segment)?.value;
    else if (node?.type === 'array' && typeof segment === 'number') node = node.items[segment];
    else return node;
  }
  return node;
}

/** Control characters of a message made printable, so binary input cannot upset the terminal. */
function printable(message: string): string {
  return message.replace(
    // eslint-disable-next-line no-control-regex -- matching control characters is the point.
    /[\u0000-\u001f\u007f-\u009f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Parses strict JSON; on failure says where (1-based line and column) and what went wrong. A
 * leading byte-order mark, as some Windows editors write, is not an error.
 */
export function parseJsonText(input: string): JsonTextParse {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const read = readJsonText(text);
  if (!read.ok) {
    let message = 'unexpected end of input';
    try {
      JSON.parse(text);
    } catch (error) {
      message = printable(error instanceof Error ? error.message : String(error));
    }
    return { ok: false, line: read.pos?.line ?? 1, column: read.pos?.column ?? 1, message };
  }
  const root = read.root;
  return {
    ok: true,
    value: JSON.parse(text) as unknown,
    locate: (path) => nodeAt(root, path)?.pos,
  };
}
