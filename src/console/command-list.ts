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
  /** Where the scan is: inside quotes of a kind, or a `$(`, innermost last. */
  const contexts: ("'" | '"' | '`' | '(')[] = [];
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
    const inside = contexts.at(-1);
    if (char === '\\' && inside !== "'") {
      i++;
      continue;
    }
    if (inside === "'") {
      if (char === "'") contexts.pop();
      continue;
    }
    // `$(` opens a new level anywhere but in single quotes: `"$(echo "a;b")"` is one word.
    if (char === '$' && line[i + 1] === '(') {
      contexts.push('(');
      i++;
      continue;
    }
    if (inside === '"' || inside === '`') {
      if (char === inside) contexts.pop();
      continue;
    }
    if (char === "'" || char === '"' || char === '`') {
      contexts.push(char);
      continue;
    }
    if (inside === '(') {
      if (char === ')') contexts.pop();
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
  const open = contexts.at(-1);
  if (open !== undefined) {
    return {
      kind: 'incomplete',
      message: open === '(' ? 'unterminated $(' : `unterminated ${open} quote`,
    };
  }
  const rest = line.slice(start);
  if (rest.trim() === '' && after !== ';') {
    return { kind: 'incomplete', message: `the line ends with ${after}: it goes on` };
  }
  if (rest.trim() !== '') items.push({ text: rest, after });
  return { kind: 'list', items };
}
