// Splits one command line into words the way a POSIX shell would before it runs `aws`: quotes,
// backslashes, `$VAR` / `${VAR}` / `~` expansion (with field splitting of unquoted expansions),
// `#` comments, and command substitution (`$(...)`, backquotes) through a callback that runs the
// inner command. A line that ends inside quotes or with a backslash is incomplete: the console
// reads another line, joins it with a newline and tokenizes again, so a multi-line paste works.
// Pipes, redirections, `;` and `&` are not part of a word and are reported (command-list.ts
// splits a line at `&&`, `||` and `;` first).

export interface Token {
  value: string;
  /** Offsets into the input of the word this token came from: `[start, end)`. */
  start: number;
  end: number;
}

export type TokenizeResult =
  | { kind: 'tokens'; tokens: Token[] }
  /** More input is needed: after a trailing backslash, or inside an open quote. */
  | {
      kind: 'incomplete';
      reason: 'continuation' | 'quote';
      message: string;
      /** 1-based column of the open quote or the trailing backslash. */
      column: number;
    }
  | { kind: 'error'; message: string; column: number };

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const BLANKS = new Set([' ', '\t', '\n']);
const UNSUPPORTED_OPERATORS = new Set(['|', '&', ';', '<', '>', '(', ')']);
/** Characters a backslash escapes inside double quotes (elsewhere it stays literal). */
const DOUBLE_QUOTE_ESCAPABLE = new Set(['$', '`', '"', '\\']);

/** A piece of a word: literal text, or the result of an unquoted expansion (subject to splitting). */
interface Piece {
  text: string;
  split: boolean;
}

/** Unwinds the recursive descent to `tokenize`, which turns it back into a result. */
class Failure extends Error {
  constructor(readonly result: Exclude<TokenizeResult, { kind: 'tokens' }>) {
    super(result.message);
  }
}

const ASSIGNMENT_PREFIX = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** `NAME=...`: the shell does not split what an assignment's value expands to. */
function isAssignment(pieces: readonly Piece[]): boolean {
  let prefix = '';
  for (const piece of pieces) {
    if (piece.split) break;
    prefix += piece.text;
    if (prefix.includes('=')) break;
  }
  return ASSIGNMENT_PREFIX.test(prefix);
}

const unsplit = (pieces: readonly Piece[]): Piece[] =>
  pieces.map((piece) => ({ text: piece.text, split: false }));

/** Splits the pieces of one word into fields, as the shell does with unquoted expansions. */
function fields(pieces: Piece[], start: number, end: number): Token[] {
  const out: string[] = [];
  let current = '';
  let hasQuotedOrLiteral = false;
  let open = false;
  for (const piece of pieces) {
    if (!piece.split) {
      current += piece.text;
      open = true;
      hasQuotedOrLiteral = true;
      continue;
    }
    const parts = piece.text.split(/[ \t\n]+/);
    parts.forEach((part, index) => {
      if (index > 0 && open) {
        out.push(current);
        current = '';
        open = false;
      }
      if (part !== '') {
        current += part;
        open = true;
      }
    });
  }
  if (open || (hasQuotedOrLiteral && out.length === 0)) out.push(current);
  return out.map((value) => ({ value, start, end }));
}

class Tokenizer {
  private index = 0;

  constructor(
    private readonly input: string,
    private readonly env: Readonly<Record<string, string>>,
    private readonly substitute: Substitute | undefined,
  ) {}

  /** Runs `$(command)` or a backquoted command; without a runner, substitution is refused. */
  private substitution(command: string, at: number, unquoted: boolean): Piece {
    if (this.substitute === undefined) {
      this.error('command substitution is not supported here', at);
    }
    // The shell drops the output's trailing newlines.
    return { text: this.substitute(command).replace(/\n+$/, ''), split: unquoted };
  }

  /** `` `command` `` at the index: the command between the backquotes. */
  private backquoted(unquoted: boolean): Piece {
    const open = this.index;
    let close = open + 1;
    while (close < this.input.length && this.input[close] !== '`') {
      close += this.input[close] === '\\' ? 2 : 1;
    }
    if (close >= this.input.length) {
      this.incomplete('quote', `unterminated backquote starting at column ${open + 1}`, open);
    }
    this.index = close + 1;
    const command = this.input.slice(open + 1, close).replace(/\\([`$\\])/g, '$1');
    return this.substitution(command, open, unquoted);
  }

  /** `$(command)` at the index, nested parentheses and quotes inside allowed. */
  private parenthesized(unquoted: boolean): Piece {
    const open = this.index;
    let depth = 1;
    let quote: string | undefined;
    let i = open + 2;
    for (; i < this.input.length && depth > 0; i++) {
      const char = this.input[i];
      if (char === '\\' && quote !== "'") i++;
      else if (quote !== undefined) quote = char === quote ? undefined : quote;
      else if (char === "'" || char === '"') quote = char;
      else if (char === '(') depth++;
      else if (char === ')') depth--;
    }
    if (depth > 0) {
      this.incomplete('quote', `unterminated $( starting at column ${open + 1}`, open);
    }
    this.index = i;
    return this.substitution(this.input.slice(open + 2, i - 1), open, unquoted);
  }

  run(): Token[] {
    const tokens: Token[] = [];
    for (;;) {
      this.skipBlanks();
      if (this.index >= this.input.length) return tokens;
      const char = this.input[this.index];
      if (char === '#') {
        this.skipComment();
        continue;
      }
      const start = this.index;
      const pieces = this.word();
      tokens.push(...fields(isAssignment(pieces) ? unsplit(pieces) : pieces, start, this.index));
    }
  }

  private error(message: string, at: number): never {
    throw new Failure({ kind: 'error', message, column: at + 1 });
  }

  private incomplete(reason: 'quote' | 'continuation', message: string, at: number): never {
    throw new Failure({ kind: 'incomplete', reason, message, column: at + 1 });
  }

  private trailingBackslash(at: number): never {
    return this.incomplete('continuation', 'the line ends with a backslash: it goes on', at);
  }

  private skipBlanks(): void {
    for (;;) {
      const char = this.input[this.index];
      if (char !== undefined && BLANKS.has(char)) this.index++;
      else if (char === '\\' && this.input[this.index + 1] === '\n') this.index += 2;
      else if (char === '\\' && this.index + 1 === this.input.length) {
        this.trailingBackslash(this.index);
      } else return;
    }
  }

  private skipComment(): void {
    const newline = this.input.indexOf('\n', this.index);
    this.index = newline === -1 ? this.input.length : newline;
  }

  private word(): Piece[] {
    const pieces: Piece[] = [];
    const literal = (text: string): void => {
      pieces.push({ text, split: false });
    };
    if (this.input[this.index] === '~') this.tilde(pieces);
    while (this.index < this.input.length) {
      const char = this.input[this.index] ?? '';
      if (BLANKS.has(char)) break;
      if (UNSUPPORTED_OPERATORS.has(char)) {
        this.error(
          `\`${char}\` (pipes, redirections, command lists) is not supported here`,
          this.index,
        );
      }
      if (char === "'") literal(this.singleQuoted());
      else if (char === '"') pieces.push(...this.doubleQuoted());
      else if (char === '`') pieces.push(this.backquoted(true));
      else if (char === '$') pieces.push(this.dollar(true));
      else if (char === '\\') {
        const next = this.input[this.index + 1];
        if (next === undefined) {
          this.trailingBackslash(this.index);
        }
        this.index += 2;
        if (next !== '\n') literal(next);
      } else {
        literal(char);
        this.index++;
      }
    }
    return pieces;
  }

  /** `~` or `~/...` at the start of a word is the home directory. */
  private tilde(pieces: Piece[]): void {
    const next = this.input[this.index + 1];
    const home = this.env.HOME;
    if (home !== undefined && (next === undefined || next === '/' || BLANKS.has(next))) {
      pieces.push({ text: home, split: false });
      this.index++;
    }
  }

  private singleQuoted(): string {
    const open = this.index;
    const close = this.input.indexOf("'", open + 1);
    if (close === -1) {
      this.incomplete('quote', `unterminated single quote starting at column ${open + 1}`, open);
    }
    this.index = close + 1;
    return this.input.slice(open + 1, close);
  }

  private doubleQuoted(): Piece[] {
    const open = this.index;
    const pieces: Piece[] = [];
    let text = '';
    this.index++;
    for (;;) {
      const char = this.input[this.index];
      if (char === undefined) {
        this.incomplete('quote', `unterminated double quote starting at column ${open + 1}`, open);
      }
      if (char === '"') break;
      if (char === '`') {
        text += this.backquoted(false).text;
        continue;
      }
      if (char === '$') {
        text += this.dollar(false).text;
        continue;
      }
      if (char === '\\') {
        const next = this.input[this.index + 1];
        if (next === '\n') {
          this.index += 2;
          continue;
        }
        if (next !== undefined && DOUBLE_QUOTE_ESCAPABLE.has(next)) {
          text += next;
          this.index += 2;
          continue;
        }
      }
      text += char;
      this.index++;
    }
    this.index++;
    pieces.push({ text, split: false });
    return pieces;
  }

  /** `$NAME`, `${NAME}`; a `$` not followed by a name stays a literal `$`. */
  private dollar(unquoted: boolean): Piece {
    const at = this.index;
    const next = this.input[at + 1] ?? '';
    if (next === '(') return this.parenthesized(unquoted);
    if (next === '?') {
      // The status of the last command, which the console keeps in the environment it passes.
      this.index += 2;
      return { text: this.env['?'] ?? '0', split: unquoted };
    }
    if (next === '{') {
      const close = this.input.indexOf('}', at + 2);
      const name = close === -1 ? '' : this.input.slice(at + 2, close);
      if (close === -1 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
        this.error(
          `bad substitution: ${this.input.slice(at, close === -1 ? undefined : close + 1)}`,
          at,
        );
      }
      this.index = close + 1;
      return { text: this.env[name] ?? '', split: unquoted };
    }
    if (!NAME_START.test(next)) {
      this.index++;
      return { text: '$', split: false };
    }
    let end = at + 2;
    while (end < this.input.length && NAME_CHAR.test(this.input[end] ?? '')) end++;
    this.index = end;
    return { text: this.env[this.input.slice(at + 1, end)] ?? '', split: unquoted };
  }
}

/** Runs a substituted command and returns what it printed on stdout. */
export type Substitute = (command: string) => string;

/**
 * Tokenizes one command line (which may span several physical lines joined by `\n`). Never
 * throws; `substitute` runs command substitutions, which are refused without it.
 */
export function tokenize(
  input: string,
  env: Readonly<Record<string, string>> = {},
  substitute?: Substitute,
): TokenizeResult {
  try {
    return { kind: 'tokens', tokens: new Tokenizer(input, env, substitute).run() };
  } catch (failure) {
    if (failure instanceof Failure) return failure.result;
    throw failure;
  }
}
