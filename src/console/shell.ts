// One line typed at the console (DESIGN.md: `console.run(line)`): split as a POSIX shell would,
// with the machine's variables expanded, then run by the builtin it names. `NAME=value cmd` sets
// variables for that one command, as the shell does.
import { BUILTINS } from './builtins.js';
import { currentMachine } from './machine.js';
import { tokenize } from './tokenize.js';
import { failed, printed, type ConsoleSession, type LineOutput } from './session.js';

export type LineResult =
  | ({ kind: 'done' } & LineOutput)
  /** The line goes on (an open quote, a trailing backslash): read another and run them together. */
  | { kind: 'incomplete'; message: string };

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;

/** The most a console line may hold: a pasted policy is a few KB; this is far beyond. */
export const MAX_LINE_LENGTH = 256 * 1024;

function done(output: LineOutput): LineResult {
  return { kind: 'done', ...output };
}

/** Runs the words with `NAME=value` prefixes in the environment for this command only. */
function runWords(session: ConsoleSession, words: readonly string[]): LineOutput {
  const env = currentMachine(session.state).env;
  const saved = new Map<string, string | undefined>();
  let index = 0;
  for (; index < words.length; index++) {
    const assignment = ASSIGNMENT.exec(words[index] ?? '');
    if (!assignment) break;
    const name = assignment[1] ?? '';
    if (!saved.has(name)) saved.set(name, env[name]);
    env[name] = assignment[2] ?? '';
  }
  const [name, ...args] = words.slice(index);
  if (name === undefined) return printed(''); // only assignments: kept, as the shell keeps them
  const builtin = BUILTINS.get(name);
  try {
    return builtin === undefined
      ? failed(`bash: ${name}: command not found (type 'help' for the commands here)\n`, 127)
      : builtin.run(session, args);
  } finally {
    // A prefix assignment lasts for its command only.
    for (const [name, value] of saved) {
      if (value === undefined) delete env[name];
      else env[name] = value;
    }
  }
}

/** Runs one line (joined lines, for a line that went on). Never throws for any input. */
export function runLine(session: ConsoleSession, line: string): LineResult {
  if (line.length > MAX_LINE_LENGTH) {
    return done(
      failed(
        `iam-tutor: the line is ${line.length} characters; at most ${MAX_LINE_LENGTH} are read\n`,
        2,
      ),
    );
  }
  const machine = currentMachine(session.state);
  const tokens = tokenize(line, machine.env);
  if (tokens.kind === 'incomplete') return { kind: 'incomplete', message: tokens.message };
  if (line.trim() !== '') session.state.history.push(line);
  if (tokens.kind === 'error') {
    return done(failed(`bash: column ${tokens.column}: ${tokens.message}\n`, 2));
  }
  return done(
    runWords(
      session,
      tokens.tokens.map((token) => token.value),
    ),
  );
}
