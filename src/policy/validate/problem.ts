// What a rule reports: AWS's message and the place it is about, as a JSON path
// (`$.Statement[1].Resource[0]`) and, for text input, the line and column of that place.
import type { JsonNode, Member, Position } from './json-document.js';

export interface Problem {
  message: string;
  path: string;
  pos?: Position;
}

/** A problem at a value (or, for unparsable text, at the place reading stopped). */
export function problemAt(message: string, path: string, place?: { pos?: Position }): Problem {
  return place?.pos === undefined ? { message, path } : { message, path, pos: place.pos };
}

/** A problem with a member as a whole (it is there but must not be): points at its key. */
export function problemAtKey(message: string, path: string, member: Member): Problem {
  const pos = member.keyPos ?? member.value.pos;
  return pos === undefined ? { message, path } : { message, path, pos };
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The path of a member or array item: `$.Statement`, `$.Statement[0]`, `$.Condition['aws:x']`. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (IDENTIFIER.test(key)) return `${path}.${key}`;
  return `${path}['${key.replace(/[\\']/g, (c) => `\\${c}`)}']`;
}

/** The values of an element that takes one value or a list of them. */
export function listItems(node: JsonNode): readonly JsonNode[] {
  return node.type === 'array' ? node.items : [node];
}

/** The path of an element's `index`-th value (see listItems). */
export function itemPath(path: string, element: JsonNode, index: number): string {
  return element.type === 'array' ? childPath(path, index) : path;
}

/**
 * The first of an element's values (see listItems) that `test` picks, with its path. The
 * element's path is asked for only then: paths are built for problems, not for every value.
 */
export function findItem(
  element: JsonNode,
  elementPath: () => string,
  test: (item: JsonNode) => boolean,
): { node: JsonNode; path: string } | undefined {
  if (element.type !== 'array') {
    return test(element) ? { node: element, path: elementPath() } : undefined;
  }
  const index = element.items.findIndex(test);
  const node = element.items[index];
  return node && { node, path: childPath(elementPath(), index) };
}
