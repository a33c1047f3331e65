// A script's text as the lines a shell would read: a line that goes on (an open quote, a trailing
// backslash) is joined with the next, as in a shell script. Blank lines are kept: they run
// nothing, but a command that asks a question (`aws configure`) takes the next line as its answer,
// and a blank one keeps the current value. The newline that ends a file's last line adds no line.
// (A line is joined before it is known whether it answers a question: an answer with an odd quote
// would take the next line with it. Keys, regions and MFA codes have none.)
import { tokenize } from './tokenize.js';

export interface ScriptLines {
  /** Complete lines, blank ones too. */
  lines: string[];
  /** Why the text ends inside a command, when it does (that last command is not in `lines`). */
  unterminated?: string;
  /** That last, unfinished command's text. */
  rest?: string;
}

export function scriptLines(text: string): ScriptLines {
  const lines: string[] = [];
  let pending: string | undefined;
  let message = '';
  const physicalLines = text.split(/\r?\n/);
  if (physicalLines.at(-1) === '') physicalLines.pop();
  for (const physical of physicalLines) {
    const line = pending === undefined ? physical : `${pending}\n${physical}`;
    const tokens = tokenize(line);
    if (tokens.kind === 'incomplete') {
      pending = line;
      message = tokens.message;
      continue;
    }
    pending = undefined;
    lines.push(line);
  }
  return pending === undefined || pending.trim() === ''
    ? { lines }
    : { lines, unterminated: message, rest: pending };
}
