// JSON as the AWS CLI reads it: Python's `json.loads`, whose error messages the CLI prints
// (`Invalid JSON: Expecting value: line 1 column 9 (char 8)`). Same grammar as JSON.parse plus
// Python's extras (NaN, Infinity, -Infinity); the messages and positions are Python's
// (CPython Lib/json/decoder.py and scanner.py).

export type PythonJsonResult = { ok: true; value: unknown } | { ok: false; message: string };

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/y;
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};
const CONSTANTS: readonly (readonly [string, unknown])[] = [
  ['null', null],
  ['true', true],
  ['false', false],
  ['NaN', NaN],
  ['Infinity', Infinity],
  ['-Infinity', -Infinity],
];

class DecodeError extends Error {
  constructor(message: string, text: string, position: number) {
    const line = countNewlines(text, position) + 1;
    const lastNewline = text.lastIndexOf('\n', position - 1);
    const column = position - lastNewline;
    super(`${message}: line ${line} column ${column} (char ${position})`);
  }
}

function countNewlines(text: string, end: number): number {
  let count = 0;
  for (let i = 0; i < end; i++) if (text[i] === '\n') count++;
  return count;
}

class Decoder {
  constructor(private readonly text: string) {}

  skipWhitespace(position: number): number {
    let i = position;
    while (WHITESPACE.has(this.text[i] ?? '')) i++;
    return i;
  }

  /** Python's scan_once: the value at `position` (no leading whitespace), and where it ends. */
  value(position: number): [unknown, number] {
    const char = this.text[position];
    if (char === '"') return this.string(position + 1);
    if (char === '{') return this.object(position + 1);
    if (char === '[') return this.array(position + 1);
    for (const [word, value] of CONSTANTS) {
      if (this.text.startsWith(word, position)) return [value, position + word.length];
    }
    NUMBER.lastIndex = position;
    const number = NUMBER.exec(this.text);
    if (number !== null) return [Number(number[0]), position + number[0].length];
    throw new DecodeError('Expecting value', this.text, position);
  }

  private string(start: number): [string, number] {
    let out = '';
    let i = start;
    for (;;) {
      const char = this.text[i];
      if (char === undefined) {
        throw new DecodeError('Unterminated string starting at', this.text, start - 1);
      }
      if (char === '"') return [out, i + 1];
      if (char < ' ') throw new DecodeError('Invalid control character at', this.text, i);
      if (char !== '\\') {
        out += char;
        i++;
        continue;
      }
      const escape = this.text[i + 1];
      if (escape === undefined) {
        throw new DecodeError('Unterminated string starting at', this.text, start - 1);
      }
      const simple = SIMPLE_ESCAPES[escape];
      if (simple !== undefined) {
        out += simple;
        i += 2;
      } else if (escape === 'u') {
        const [unit, end] = this.unicodeEscape(i);
        out += unit;
        i = end;
      } else {
        throw new DecodeError('Invalid \\escape', this.text, i);
      }
    }
  }

  /** `\uXXXX`, joining a surrogate pair when the next escape completes it (as Python does). */
  private unicodeEscape(backslash: number): [string, number] {
    const hex = (at: number): number | undefined => {
      const digits = this.text.slice(at, at + 4);
      return /^[0-9a-fA-F]{4}$/.test(digits) ? parseInt(digits, 16) : undefined;
    };
    const first = hex(backslash + 2);
    if (first === undefined)
      throw new DecodeError('Invalid \\uXXXX escape', this.text, backslash + 1);
    if (first >= 0xd800 && first <= 0xdbff && this.text.startsWith('\\u', backslash + 6)) {
      const second = hex(backslash + 8);
      if (second === undefined) {
        throw new DecodeError('Invalid \\uXXXX escape', this.text, backslash + 7);
      }
      if (second >= 0xdc00 && second <= 0xdfff) {
        return [String.fromCharCode(first, second), backslash + 12];
      }
    }
    return [String.fromCharCode(first), backslash + 6];
  }

  private object(start: number): [Record<string, unknown>, number] {
    const out: Record<string, unknown> = {};
    let i = this.skipWhitespace(start);
    if (this.text[i] === '}') return [out, i + 1];
    for (;;) {
      if (this.text[i] !== '"') {
        throw new DecodeError('Expecting property name enclosed in double quotes', this.text, i);
      }
      const [key, afterKey] = this.string(i + 1);
      i = this.skipWhitespace(afterKey);
      if (this.text[i] !== ':') throw new DecodeError("Expecting ':' delimiter", this.text, i);
      i = this.skipWhitespace(i + 1);
      const [value, afterValue] = this.value(i);
      Object.defineProperty(out, key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      i = this.skipWhitespace(afterValue);
      if (this.text[i] === '}') return [out, i + 1];
      if (this.text[i] !== ',') throw new DecodeError("Expecting ',' delimiter", this.text, i);
      i = this.skipWhitespace(i + 1);
    }
  }

  private array(start: number): [unknown[], number] {
    const out: unknown[] = [];
    let i = this.skipWhitespace(start);
    if (this.text[i] === ']') return [out, i + 1];
    for (;;) {
      const [value, afterValue] = this.value(i);
      out.push(value);
      i = this.skipWhitespace(afterValue);
      if (this.text[i] === ']') return [out, i + 1];
      if (this.text[i] !== ',') throw new DecodeError("Expecting ',' delimiter", this.text, i);
      i = this.skipWhitespace(i + 1);
    }
  }
}

/** Parses like Python's `json.loads`; on failure, Python's message. Never throws. */
export function parsePythonJson(text: string): PythonJsonResult {
  const decoder = new Decoder(text);
  try {
    const [value, end] = decoder.value(decoder.skipWhitespace(0));
    const rest = decoder.skipWhitespace(end);
    if (rest !== text.length) throw new DecodeError('Extra data', text, rest);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof DecodeError) return { ok: false, message: error.message };
    if (error instanceof RangeError) {
      // Python gives up on very deep nesting too (RecursionError); say so rather than crash.
      return {
        ok: false,
        message: 'maximum recursion depth exceeded while decoding a JSON document',
      };
    }
    throw error;
  }
}
