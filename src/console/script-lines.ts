// A script's text as the command lines a shell would run: a line that goes on (an open quote, a
// trailing backslash) is joined with the next, as in a shell script, and blank lines run nothing
// (so the newline that ends a file's last line adds no empty command to a graded solution).
import { tokenize } from './tokenize.js';

export interface ScriptLines {
  lines: string[];
  /** Why the text ends inside a command, when it does (that last command is not in `lines`). */
  unterminated?: string;
}

export function scriptLines(text: string): ScriptLines {
  const lines: string[] = [];
  let pending: string | undefined;
  let message = '';
  for (const physical of text.split(/\r?\n/)) {
    const line = pending === undefined ? physical : `${pending}\n${physical}`;
    const tokens = tokenize(line);
    if (tokens.kind === 'incomplete') {
      pending = line;
      message = tokens.message;
      continue;
    }
    pending = undefined;
    if (line.trim() !== '') lines.push(line);
  }
  return pending === undefined || pending.trim() === ''
    ? { lines }
    : { lines, unterminated: message };
}
