// One line typed at the console (DESIGN.md: `console.run(line)`), read as a POSIX shell would: a
// list of commands joined by `&&`, `||` or `;`, each split into words with the machine's
// variables and `$(...)` substitutions expanded when its turn comes, then run by the builtin it
// names. `NAME=value cmd` sets variables for that one command; `NAME=value` alone keeps them.
import { BUILTINS, MAX_VARIABLE_LENGTH, tooLong } from './builtins.js';
import { splitCommandList } from './command-list.js';
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

/** `$( $( ... ) )` nests this deep at most. */
const MAX_SUBSTITUTION_DEPTH = 8;

/** Unwinds runList to runLine when a command of the list goes on past the line. */
class Incomplete extends Error {}

/** Runs the words; `NAME=value` prefixes last for the command, or stay when there is none. */
function runWords(session: ConsoleSession, words: readonly string[]): LineOutput {
  const env = currentMachine(session.state).env;
  const saved = new Map<string, string | undefined>();
  let index = 0;
  for (; index < words.length; index++) {
    const assignment = ASSIGNMENT.exec(words[index] ?? '');
    if (!assignment) break;
    const name = assignment[1] ?? '';
    const value = assignment[2] ?? '';
    if (value.length > MAX_VARIABLE_LENGTH) return tooLong(name);
    if (!saved.has(name)) saved.set(name, env[name]);
    env[name] = value;
  }
  const [name, ...args] = words.slice(index);
  if (name === undefined) return printed(''); // only assignments: kept, as the shell keeps them
  try {
    const builtin = BUILTINS.get(name);
    return builtin === undefined
      ? failed(`bash: ${name}: command not found (type 'help' for the commands here)\n`, 127)
      : builtin.run(session, args);
  } finally {
    for (const [variable, value] of saved) {
      if (value === undefined) delete env[variable];
      else env[variable] = value;
    }
  }
}

/**
 * Runs a command substitution as the shell does, in a subshell: what it prints is its result,
 * and what it does to the shell (variables, `ssh`, `exit`) does not outlive it. What it does to
 * the world (an API call) stays, as it would.
 */
function runSubshell(session: ConsoleSession, command: string, depth: number): LineOutput {
  const { state } = session;
  const machine = currentMachine(state);
  const saved = {
    env: { ...machine.env },
    current: state.current,
    previous: [...state.previous],
    lastStatus: state.lastStatus,
  };
  try {
    return runList(session, command, depth);
  } finally {
    machine.env = saved.env;
    state.current = saved.current;
    state.previous = saved.previous;
    state.lastStatus = saved.lastStatus;
  }
}

/** Runs a command list; throws Incomplete when the text goes on. */
function runList(session: ConsoleSession, text: string, depth: number): LineOutput {
  const list = splitCommandList(text);
  if (list.kind === 'incomplete') throw new Incomplete(list.message);
  if (list.kind === 'error') return failed(`bash: column ${list.column}: ${list.message}\n`, 2);
  let stdout = '';
  let stderr = '';
  let last = session.state.lastStatus ?? 0;
  for (const item of list.items) {
    if ((item.after === '&&' && last !== 0) || (item.after === '||' && last === 0)) continue;
    const substitute = (command: string): string => {
      if (depth >= MAX_SUBSTITUTION_DEPTH) {
        stderr += `bash: command substitutions nest deeper than ${MAX_SUBSTITUTION_DEPTH}\n`;
        return '';
      }
      const inner = runSubshell(session, command, depth + 1);
      stderr += inner.stderr;
      return inner.stdout;
    };
    const env = { ...currentMachine(session.state).env, '?': String(last) };
    const tokens = tokenize(item.text, env, substitute);
    if (tokens.kind === 'incomplete') throw new Incomplete(tokens.message);
    const output =
      tokens.kind === 'error'
        ? failed(`bash: column ${tokens.column}: ${tokens.message}\n`, 2)
        : runWords(
            session,
            tokens.tokens.map((token) => token.value),
          );
    stdout += output.stdout;
    stderr += output.stderr;
    last = output.exitCode;
    session.state.lastStatus = last;
    if (output.leave === true) return { stdout, stderr, exitCode: last, leave: true };
  }
  return { stdout, stderr, exitCode: last };
}

/**
 * Runs one line (joined lines, for a line that went on). Never throws: even a bug of the
 * simulator becomes a message and exit status 70, and the console goes on.
 */
export function runLine(session: ConsoleSession, line: string): LineResult {
  if (line.length > MAX_LINE_LENGTH) {
    return {
      kind: 'done',
      ...failed(
        `iam-tutor: the line is ${line.length} characters; at most ${MAX_LINE_LENGTH} are read\n`,
        2,
      ),
    };
  }
  // A line that goes on is not run, not even in part: nothing runs before it is complete.
  const complete = splitCommandList(line);
  if (complete.kind === 'incomplete') return { kind: 'incomplete', message: complete.message };
  const lastItem = complete.kind === 'list' ? complete.items.at(-1) : undefined;
  const ending = lastItem === undefined ? undefined : tokenize(lastItem.text, {});
  if (ending?.kind === 'incomplete') return { kind: 'incomplete', message: ending.message };
  if (line.trim() !== '') session.state.history.push(line);
  try {
    return { kind: 'done', ...runList(session, line, 0) };
  } catch (error) {
    if (error instanceof Incomplete) {
      return { kind: 'done', ...failed(`bash: ${error.message}\n`, 2) };
    }
    // A bug of ours must not end the learner's session: say so, and let them go on.
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return {
      kind: 'done',
      ...failed(`iam-tutor: internal error, please report it with this output:\n${detail}\n`, 70),
    };
  }
}
