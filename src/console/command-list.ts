// A line as a list of commands, the way a POSIX shell reads `a && b`, `a || b` and `a; b`: each
// command is expanded only when its turn comes, so `export T=...; curl -H "...$T"` sees the new
// variable. Quotes, backslashes, `$( ... )` and backquotes hide the operators inside them. Pipes,
// redirections and background jobs are not simulated and are reported.

export type ListOperator = '&&' | '||' | ';';

export interface ListItem {
  text: string;
  /** How this command depends on the one before: run always (`;`), on success, on failure. */
  after: ListOperator;
}

export type CommandListResult =
  | { kind: 'list'; items: ListItem[] }
  | { kind: 'incomplete'; message: string }
  | { kind: 'error'; message: string; column: number };

const UNSUPPORTED: Readonly<Record<string, string>> = {
  '|': 'pipes',
  '>': 'redirections',
  '<': 'redirections',
  '&': 'background jobs',
};

/** Splits the line at its top-level `&&`, `||`, `;` and newlines. Never throws. */
export function splitCommandList(line: string): CommandListResult {
  const items: ListItem[] = [];
  // Widened on purpose: push() changes it, which narrowing cannot see.
  let after = ';' as ListOperator;
  let start = 0;
  let quote: "'" | '"' | '`' | undefined;
  let depth = 0; // inside $( ... )
  /** Ends the command before `end`; false when there is none where one must be (`&& &&`). */
  const push = (end: number, next: ListOperator, newline: boolean): boolean => {
    const text = line.slice(start, end);
    if (text.trim() !== '') {
      items.push({ text, after });
      after = next;
      return true;
    }
    // A newline after `&&` or `||` goes on to the next line, as in the shell.
    if (newline && after !== ';') return true;
    return next === ';' && after === ';';
  };
  for (let i = 0; i < line.length; i++) {
    const char = line[i] ?? '';
    if (char === '\\' && quote !== "'") {
      i++;
      continue;
    }
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
      continue;
    }
    if (char === "'" || char === '"' || char === '`') {
      quote = char;
      continue;
    }
    if (char === '$' && line[i + 1] === '(') {
      depth++;
      i++;
      continue;
    }
    if (depth > 0) {
      if (char === ')') depth--;
      continue;
    }
    if (char === '#' && (i === 0 || /\s/.test(line[i - 1] ?? ''))) {
      const newline = line.indexOf('\n', i);
      i = newline === -1 ? line.length : newline - 1;
      continue;
    }
    const pair = line.slice(i, i + 2);
    if (pair === '&&' || pair === '||' || char === ';' || char === '\n') {
      const operator: ListOperator = pair === '&&' || pair === '||' ? pair : ';';
      if (!push(i, operator, char === '\n')) {
        return {
          kind: 'error',
          message: `syntax error near unexpected token \`${operator}'`,
          column: i + 1,
        };
      }
      if (operator !== ';') i++;
      start = i + 1;
      continue;
    }
    const unsupported = UNSUPPORTED[char];
    if (unsupported !== undefined) {
      return {
        kind: 'error',
        message: `\`${char}\` (${unsupported}) is not supported here`,
        column: i + 1,
      };
    }
  }
  if (quote !== undefined || depth > 0) {
    // The tokenizer words the open quote or substitution when the item is expanded.
    return {
      kind: 'incomplete',
      message: quote === undefined ? 'unterminated $(' : `unterminated ${quote} quote`,
    };
  }
  const rest = line.slice(start);
  if (rest.trim() === '' && after !== ';') {
    return { kind: 'incomplete', message: `the line ends with ${after}: it goes on` };
  }
  if (rest.trim() !== '') items.push({ text: rest, after });
  return { kind: 'list', items };
}
