// The AWS CLI's shorthand syntax for structures and lists of structures
// (`--tags Key=team,Value=dev Key=env,Value=prod`), ported from awscli/shorthand.py
// (ShorthandParser, then BackCompatVisitor, which uses the model to turn numbers and booleans
// into their types and single values into lists). Error messages are the CLI's.
import type { ServiceModel, Shape } from '../aws/models/model.js';
import { shapeOf } from '../aws/models/model.js';
import { pythonRepr } from './python-repr.js';

export type ShorthandValue = string | ShorthandValue[] | { [key: string]: ShorthandValue };

/** A syntax error, with the CLI's message (`Expected: '=', received: 'EOF' for input: ...`). */
export class ShorthandSyntaxError extends Error {}

/** A value Python's int()/float() rejects: the CLI prints the message and exits 255. */
export class ShorthandConversionError extends Error {}

// The character classes of awscli/shorthand.py, in JavaScript's syntax.
const START_WORD = String.raw`!#-&(-+\--<>-Z\\-z|-\uffff`;
const FIRST_FOLLOW = String.raw`\s!#-&(-+\--\\^-|~-\uffff`;
const SECOND_FOLLOW = String.raw`\s!#-&(-+\--<>-\uffff`;
const ESCAPED_COMMA = String.raw`\\,`;
const FIRST_VALUE = new RegExp(
  `(?:${ESCAPED_COMMA}|[${START_WORD}])(?:${ESCAPED_COMMA}|[${FIRST_FOLLOW}])*`,
  'y',
);
const SECOND_VALUE = new RegExp(
  `(?:${ESCAPED_COMMA}|[${START_WORD}])(?:${ESCAPED_COMMA}|[${SECOND_FOLLOW}])*`,
  'y',
);
const SINGLE_QUOTED = /'(?:\\\\|\\'|[^'])*'/y;
const DOUBLE_QUOTED = /"(?:\\\\|\\"|[^"])*"/y;
const KEY_CHARS = /[A-Za-z0-9\-_.#/:]/;
/** Python's string.whitespace. */
const WHITESPACE = new Set([' ', '\t', '\n', '\r', '\v', '\f']);

interface NamedRegex {
  name: string;
  regex: RegExp;
}

class ShorthandParser {
  private index = 0;

  constructor(private readonly input: string) {}

  parse(): Record<string, ShorthandValue> {
    const params: Record<string, ShorthandValue> = {};
    const [firstKey, firstValue] = this.keyValue();
    params[firstKey] = firstValue;
    let lastIndex = this.index;
    while (this.index < this.input.length) {
      this.expect(',', true);
      const [key, value] = this.keyValue();
      if (Object.hasOwn(params, key)) {
        throw new ShorthandSyntaxError(
          `Second instance of key "${key}" encountered for input:\n${this.errorLocation(lastIndex + 1)}\n` +
            'This is often because there is a preceding "," instead of a space.',
        );
      }
      params[key] = value;
      lastIndex = this.index;
    }
    return params;
  }

  private errorLocation(index: number): string {
    const before = this.input.slice(0, index);
    const lastNewline = before.lastIndexOf('\n');
    const spaces = lastNewline === -1 ? index : index - lastNewline - 1;
    const nextNewline = this.input.indexOf('\n', index);
    const consumed = nextNewline === -1 ? this.input : this.input.slice(0, nextNewline);
    const remaining = nextNewline === -1 ? '' : this.input.slice(nextNewline);
    return `${consumed}\n${' '.repeat(spaces)}^${remaining}`;
  }

  private syntaxError(expected: string, actual: string): ShorthandSyntaxError {
    return new ShorthandSyntaxError(
      `Expected: '${expected}', received: '${actual}' for input:\n${this.errorLocation(this.index)}`,
    );
  }

  private keyValue(): [string, ShorthandValue] {
    const key = this.key();
    this.expect('=', true);
    return [key, this.values()];
  }

  private key(): string {
    const start = this.index;
    while (!this.atEof() && KEY_CHARS.test(this.current())) this.index++;
    return this.input.slice(start, this.index);
  }

  private values(): ShorthandValue {
    if (this.atEof()) return '';
    if (this.current() === '[') return this.explicitList();
    if (this.current() === '{') return this.hashLiteral();
    return this.csvValue();
  }

  private csvValue(): ShorthandValue {
    const first = this.firstValue();
    this.consumeWhitespace();
    if (this.atEof() || this.current() !== ',') return first;
    this.expect(',', true);
    const list: string[] = [first];
    for (;;) {
      try {
        const current = this.secondValue();
        this.consumeWhitespace();
        if (this.atEof()) {
          list.push(current);
          break;
        }
        this.expect(',', true);
        list.push(current);
      } catch (error) {
        // Not a value: the comma started the next key=value pair. Back up to it.
        if (!(error instanceof ShorthandSyntaxError) || this.atEof()) throw error;
        this.backtrackTo(',');
        break;
      }
    }
    return list.length === 1 ? first : list;
  }

  private explicitList(): ShorthandValue[] {
    this.expect('[', true);
    const values: ShorthandValue[] = [];
    while (this.current() !== ']') {
      values.push(this.explicitValues());
      this.consumeWhitespace();
      if (this.current() !== ']') {
        this.expect(',');
        this.consumeWhitespace();
      }
    }
    this.expect(']');
    return values;
  }

  private explicitValues(): ShorthandValue {
    if (this.current() === '[') return this.explicitList();
    if (this.current() === '{') return this.hashLiteral();
    return this.firstValue();
  }

  private hashLiteral(): Record<string, ShorthandValue> {
    this.expect('{', true);
    const keyValues: Record<string, ShorthandValue> = {};
    while (this.current() !== '}') {
      const key = this.key();
      this.expect('=', true);
      const value = this.explicitValues();
      this.consumeWhitespace();
      if (this.current() !== '}') {
        this.expect(',');
        this.consumeWhitespace();
      }
      keyValues[key] = value;
    }
    this.expect('}');
    return keyValues;
  }

  private firstValue(): string {
    if (this.current() === "'") return this.quoted(SINGLE_QUOTED, "'", 'singled quoted');
    if (this.current() === '"') return this.quoted(DOUBLE_QUOTED, '"', 'double quoted');
    const matched = this.match(FIRST_VALUE);
    return matched === undefined ? '' : matched.replaceAll('\\,', ',').trimEnd();
  }

  private secondValue(): string {
    if (this.current() === "'") return this.quoted(SINGLE_QUOTED, "'", 'singled quoted');
    if (this.current() === '"') return this.quoted(DOUBLE_QUOTED, '"', 'double quoted');
    return this.mustMatch({ name: 'second', regex: SECOND_VALUE }).replaceAll('\\,', ',').trimEnd();
  }

  private quoted(regex: RegExp, quote: string, name: string): string {
    return this.mustMatch({ name, regex })
      .slice(1, -1)
      .replaceAll(`\\${quote}`, quote)
      .replaceAll('\\\\', '\\');
  }

  private match(regex: RegExp): string | undefined {
    regex.lastIndex = this.index;
    const result = regex.exec(this.input);
    if (result === null) return undefined;
    this.index += result[0].length;
    return result[0];
  }

  private mustMatch({ name, regex }: NamedRegex): string {
    const matched = this.match(regex);
    if (matched === undefined) throw this.syntaxError(`<${name}>`, '<none>');
    return matched;
  }

  private expect(char: string, consumeWhitespace = false): void {
    if (consumeWhitespace) this.consumeWhitespace();
    if (this.atEof()) throw this.syntaxError(char, 'EOF');
    const actual = this.current();
    if (actual !== char) throw this.syntaxError(char, actual);
    this.index++;
    if (consumeWhitespace) this.consumeWhitespace();
  }

  private current(): string {
    return this.input[this.index] ?? '';
  }

  private atEof(): boolean {
    return this.index >= this.input.length;
  }

  private backtrackTo(char: string): void {
    while (this.index >= 0 && this.input[this.index] !== char) this.index--;
  }

  private consumeWhitespace(): void {
    while (!this.atEof() && WHITESPACE.has(this.current())) this.index++;
  }
}

/** ShorthandParser.parse: `a=b` -> `{a: 'b'}`, `a=b,c` -> `{a: ['b', 'c']}`. */
export function parseShorthand(input: string): Record<string, ShorthandValue> {
  return new ShorthandParser(input).parse();
}

/** Python's int() on a string. */
export function pythonInt(text: string): number {
  if (!/^\s*[+-]?\d+(?:_\d+)*\s*$/.test(text)) {
    throw new ShorthandConversionError(
      `invalid literal for int() with base 10: ${pythonRepr(text)}`,
    );
  }
  return Number(text.replaceAll('_', ''));
}

/** Python's float() on a string. */
export function pythonFloat(text: string): number {
  const trimmed = text.trim();
  if (/^[+-]?(?:inf(?:inity)?|nan)$/i.test(trimmed)) {
    const negative = trimmed.startsWith('-');
    if (/nan/i.test(trimmed)) return NaN;
    return negative ? -Infinity : Infinity;
  }
  if (
    !/^[+-]?(?:\d+(?:_\d+)*(?:\.(?:\d+(?:_\d+)*)?)?|\.\d+(?:_\d+)*)(?:[eE][+-]?\d+)?$/.test(trimmed)
  ) {
    throw new ShorthandConversionError(`could not convert string to float: ${pythonRepr(text)}`);
  }
  return Number(trimmed.replaceAll('_', ''));
}

/** BackCompatVisitor: converts scalars the model says are numbers or booleans, wraps lone list values. */
function visit(model: ServiceModel, shape: Shape, value: ShorthandValue | undefined): unknown {
  if (value === undefined) return undefined;
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object' || Array.isArray(value)) return value;
      const out: Record<string, unknown> = { ...value };
      for (const [name, ref] of Object.entries(shape.members ?? {})) {
        if (Object.hasOwn(value, name)) out[name] = visit(model, shapeOf(model, ref), value[name]);
      }
      return out;
    }
    case 'list': {
      const member = shape.member === undefined ? undefined : shapeOf(model, shape.member);
      const list = Array.isArray(value) ? value : [value];
      return member === undefined ? list : list.map((item) => visit(model, member, item));
    }
    case 'map': {
      if (typeof value !== 'object' || Array.isArray(value) || shape.value === undefined)
        return value;
      const valueShape = shapeOf(model, shape.value);
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, visit(model, valueShape, v)]),
      );
    }
    case 'integer':
    case 'long':
      return typeof value === 'string' ? pythonInt(value) : value;
    case 'float':
    case 'double':
      return typeof value === 'string' ? pythonFloat(value) : value;
    case 'boolean':
      if (typeof value === 'string' && value.toLowerCase() === 'true') return true;
      if (typeof value === 'string' && value.toLowerCase() === 'false') return false;
      return value;
    default:
      return value;
  }
}

/** Applies the model to parsed shorthand, as the CLI's BackCompatVisitor does. */
export function applyModel(model: ServiceModel, shape: Shape, value: ShorthandValue): unknown {
  return visit(model, shape, value);
}
