// A policy document as a tree of JSON values that remember where they sit in the text, read
// either from JSON text or from an already-parsed value.
//
// The text is read with jsonc-parser's scanner and a loop that keeps its own stack, not with
// jsonc-parser's parseTree: parseTree recurses once per nesting level and overflows the call stack
// at about 20,000 levels, and the validator must answer (not throw) for any input. IAM's JSON is
// strict, so comments, trailing commas, a second top-level value and any whitespace other than
// space, tab, CR and LF are syntax errors (the scanner itself only accepts those four).
//
// Duplicate keys: the last one wins, as in JSON.parse. IAM accepts such documents: the Terraform
// AWS provider added its own duplicate-key check because IAM silently keeps one value
// (hashicorp/terraform-provider-aws#33026, #33570; hashicorp/terraform#28727).
import { createScanner, type JSONScanner } from 'jsonc-parser';

/** 1-based line and column of a token in the text. */
export interface Position {
  line: number;
  column: number;
}

export interface ObjectNode {
  type: 'object';
  members: Map<string, Member>;
  pos?: Position;
}

/** An object member: its key (as in the Map), its value, and where its key was written. */
export interface Member {
  key: string;
  value: JsonNode;
  keyPos?: Position;
}

interface ArrayNode {
  type: 'array';
  items: JsonNode[];
  pos?: Position;
}

interface StringNode {
  type: 'string';
  value: string;
  pos?: Position;
}

interface NumberNode {
  type: 'number';
  /** The number as JSON text, e.g. `10` or `1.5e3`. */
  text: string;
  pos?: Position;
}

interface BooleanNode {
  type: 'boolean';
  value: boolean;
  pos?: Position;
}

interface NullNode {
  type: 'null';
  pos?: Position;
}

/** A parsed value JSON cannot express: undefined, NaN, a function, a class instance, a cycle. */
interface OtherNode {
  type: 'other';
  pos?: Position;
}

export type JsonNode =
  ObjectNode | ArrayNode | StringNode | NumberNode | BooleanNode | NullNode | OtherNode;

export type DocumentRead =
  | {
      ok: true;
      root: JsonNode;
      /** Every character of the document as written (or as JSON.stringify would write it). */
      characters: number;
      /** Characters outside the whitespace between tokens. */
      significantCharacters: number;
    }
  | { ok: false; pos?: Position };

// jsonc-parser's SyntaxKind and ScanError values; its const enums cannot be used under
// isolatedModules.
const NO_SCAN_ERROR = 0;
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const COMMA = 5;
const COLON = 6;
const NULL = 7;
const TRUE = 8;
const FALSE = 9;
const STRING = 10;
const NUMBER = 11;
const LINE_BREAK = 14;
const WHITESPACE = 15;
const EOF = 17;

/** An object or array being read, and what may come next in it. */
type Frame =
  | {
      kind: 'object';
      node: ObjectNode;
      state: 'firstKey' | 'key' | 'colon' | 'value' | 'next';
      key: string;
      keyPos?: Position;
    }
  | { kind: 'array'; node: ArrayNode; state: 'firstValue' | 'value' | 'next' };

function tokenPosition(scanner: JSONScanner): Position {
  return { line: scanner.getTokenStartLine() + 1, column: scanner.getTokenStartCharacter() + 1 };
}

/** The value a token starts, or undefined when the token cannot start a value. */
function valueAt(
  token: number,
  scanner: JSONScanner,
  pos: Position | undefined,
): JsonNode | undefined {
  switch (token) {
    case OPEN_BRACE:
      return { type: 'object', members: new Map(), pos };
    case OPEN_BRACKET:
      return { type: 'array', items: [], pos };
    case STRING:
      return { type: 'string', value: scanner.getTokenValue(), pos };
    case NUMBER:
      return { type: 'number', text: scanner.getTokenValue(), pos };
    case TRUE:
    case FALSE:
      return { type: 'boolean', value: token === TRUE, pos };
    case NULL:
      return { type: 'null', pos };
    default:
      return undefined;
  }
}

/**
 * Reads JSON text; on a syntax error, says where the reading stopped. Every value and key gets
 * its line and column unless `positions` is false: they are only needed to point at a problem.
 */
export function readJsonText(text: string, { positions = true } = {}): DocumentRead {
  const scanner = createScanner(text, false);
  const here = (): Position | undefined => (positions ? tokenPosition(scanner) : undefined);
  const stack: Frame[] = [];
  let root: JsonNode | undefined;
  let significantCharacters = 0;
  for (;;) {
    const token = scanner.scan() as number;
    if (token === WHITESPACE || token === LINE_BREAK) continue;
    // Comments, unknown words and broken strings or numbers all end here.
    if ((scanner.getTokenError() as number) !== NO_SCAN_ERROR) return { ok: false, pos: here() };
    significantCharacters += scanner.getTokenLength();
    const top = stack[stack.length - 1];
    if (token === EOF) {
      return top === undefined && root !== undefined
        ? { ok: true, root, characters: text.length, significantCharacters }
        : { ok: false, pos: here() };
    }

    // Punctuation and keys: everything but a value.
    if (
      top?.kind === 'array' &&
      (top.state === 'next' || (top.state === 'firstValue' && token === CLOSE_BRACKET))
    ) {
      if (token === CLOSE_BRACKET) stack.pop();
      else if (token === COMMA) top.state = 'value';
      else return { ok: false, pos: here() };
      continue;
    }
    if (top?.kind === 'object' && top.state !== 'value') {
      if (top.state === 'colon' && token === COLON) top.state = 'value';
      else if (top.state === 'next' && token === COMMA) top.state = 'key';
      else if ((top.state === 'next' || top.state === 'firstKey') && token === CLOSE_BRACE)
        stack.pop();
      else if ((top.state === 'firstKey' || top.state === 'key') && token === STRING) {
        top.key = scanner.getTokenValue();
        top.keyPos = here();
        top.state = 'colon';
      } else return { ok: false, pos: here() };
      continue;
    }

    // A value, where one is expected.
    const node =
      top === undefined && root !== undefined ? undefined : valueAt(token, scanner, here());
    if (node === undefined) return { ok: false, pos: here() };
    if (top === undefined) root = node;
    else if (top.kind === 'array') top.node.items.push(node);
    else top.node.members.set(top.key, { key: top.key, value: node, keyPos: top.keyPos });
    if (top) top.state = 'next';
    if (node.type === 'object') {
      stack.push({ kind: 'object', node, state: 'firstKey', key: '', keyPos: undefined });
    } else if (node.type === 'array') stack.push({ kind: 'array', node, state: 'firstValue' });
  }
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Where a value's node goes: an array slot or an object member; or leaving a container. */
type Task =
  | { value: unknown; items: JsonNode[]; index: number }
  | { value: unknown; member: Member }
  | { leave: object };

/** The length of a string as JSON text, quotes and escapes included. */
function jsonStringLength(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const escaped =
      code < 0x20 || code === 0x22 || code === 0x5c || (code >= 0xd800 && code <= 0xdfff);
    if (escaped) return JSON.stringify(text).length;
  }
  return text.length + 2;
}

/**
 * Reads an already-parsed value, counting the characters JSON.stringify would write. Iterative
 * like the text reader, so depth does not matter; a cycle becomes an `other` node. Property
 * getters run here, so a hostile object can still throw: the caller catches that.
 */
export function readJsonValue(value: unknown): DocumentRead & { ok: true } {
  let characters = 0;
  const open = new Set<object>(); // containers on the path from the root, to spot cycles
  const tasks: Task[] = [];

  /** The node for a value; a container's contents are left as tasks. */
  const nodeFor = (v: unknown): JsonNode => {
    if (typeof v === 'string') {
      characters += jsonStringLength(v);
      return { type: 'string', value: v };
    }
    if (typeof v === 'number' && Number.isFinite(v)) {
      const text = JSON.stringify(v);
      characters += text.length;
      return { type: 'number', text };
    }
    if (typeof v === 'boolean') {
      characters += v ? 4 : 5;
      return { type: 'boolean', value: v };
    }
    if (v === null) {
      characters += 4;
      return { type: 'null' };
    }
    if (typeof v !== 'object' || open.has(v) || !(Array.isArray(v) || isPlainObject(v))) {
      return { type: 'other' };
    }
    open.add(v);
    tasks.push({ leave: v });
    if (Array.isArray(v)) {
      const items = new Array<JsonNode>(v.length);
      characters += 2 + Math.max(0, v.length - 1);
      for (let index = v.length - 1; index >= 0; index--) {
        tasks.push({ value: v[index] as unknown, items, index });
      }
      return { type: 'array', items };
    }
    const members = new Map<string, Member>();
    const keys = Object.keys(v);
    characters += 2 + Math.max(0, keys.length - 1);
    for (const key of keys) {
      const member: Member = { key, value: { type: 'other' } };
      members.set(key, member);
      characters += jsonStringLength(key) + 1;
      tasks.push({ value: v[key], member });
    }
    return { type: 'object', members };
  };

  const root = nodeFor(value);
  for (let task = tasks.pop(); task !== undefined; task = tasks.pop()) {
    if ('leave' in task) open.delete(task.leave);
    else if ('member' in task) task.member.value = nodeFor(task.value);
    else task.items[task.index] = nodeFor(task.value);
  }
  return { ok: true, root, characters, significantCharacters: characters };
}
