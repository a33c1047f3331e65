// One line typed at the console (DESIGN.md: `console.run(line)`), read as a POSIX shell would: a
// list of commands joined by `&&`, `||` or `;`, each split into words with the machine's
// variables and `$(...)` substitutions expanded when its turn comes, then run by the builtin it
// names. `NAME=value cmd` sets variables for that one command; `NAME=value` alone keeps them.
// A command that asks a question (questions.ts) suspends the line: the next line is its answer,
// then the command and the rest of the line run on. Inside `$( )` a question is refused instead:
// the substitution is halfway through expanding its command's words, which cannot be resumed.
import { BUILTINS, MAX_VARIABLE_LENGTH, tooLong } from './builtins.js';
import { cliError } from './cli-errors.js';
import { splitCommandList, type ListItem } from './command-list.js';
import { currentMachine } from './machine.js';
import { Unanswered, type PendingQuestion, type Question } from './questions.js';
import { tokenize } from './tokenize.js';
import { failed, printed, type ConsoleSession, type LineOutput } from './session.js';

export type LineResult =
  | ({ kind: 'done' } & LineOutput)
  /** The line goes on (an open quote, a trailing backslash): read another and run them together. */
  | { kind: 'incomplete'; message: string }
  /** A command asks: what the line printed before it, and the question the next line answers. */
  | { kind: 'question'; stdout: string; stderr: string; question: Question };

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;

/** The most a console line may hold: a pasted policy is a few KB; this is far beyond. */
export const MAX_LINE_LENGTH = 256 * 1024;

/** `$( $( ... ) )` nests this deep at most. */
const MAX_SUBSTITUTION_DEPTH = 8;

/** Unwinds runList to runLine when a command of the list goes on past the line. */
class Incomplete extends Error {}

/** Unwinds to runLine when a command asks (the question is on the session): what was printed. */
class Suspended extends Error {
  constructor(
    readonly stdout: string,
    readonly stderr: string,
  ) {
    super('a command asks a question');
  }
}

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

/** Runs a command with the answers typed for it so far; Unanswered when it asks one more. */
function runAsking(
  session: ConsoleSession,
  words: readonly string[],
  answers: readonly string[],
): LineOutput | Unanswered {
  session.answers = answers;
  try {
    return runWords(session, words);
  } catch (error) {
    if (error instanceof Unanswered) return error;
    throw error;
  } finally {
    delete session.answers;
  }
}

/** Waits for the answer: the question on the session, and the line unwound to runLine. */
function suspend(session: ConsoleSession, pending: PendingQuestion, before: LineOutput): never {
  session.question = pending;
  throw new Suspended(before.stdout, before.stderr);
}

/** A command inside `$( )` asks: refused, as its line could not resume (see the top). */
const cannotAsk = (question: Question): LineOutput =>
  failed(
    `iam-tutor: a command inside $( ) asks "${question.prompt.trimEnd()}", which cannot be ` +
      'answered in this console: run it on a line of its own first.\n',
    // What the CLI exits with when its question gets no input (EOFError).
    255,
  );

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
  return runItems(session, list.items, depth, session.state.lastStatus ?? 0);
}

/** Runs the commands of a list, the one before having ended with `last`. */
function runItems(
  session: ConsoleSession,
  items: readonly ListItem[],
  depth: number,
  last: number,
): LineOutput {
  let stdout = '';
  let stderr = '';
  for (const [index, item] of items.entries()) {
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
    let output: LineOutput;
    if (tokens.kind === 'error')
      output = failed(`bash: column ${tokens.column}: ${tokens.message}\n`, 2);
    else {
      const words = tokens.tokens.map((token) => token.value);
      const ran = runAsking(session, words, []);
      if (!(ran instanceof Unanswered)) output = ran;
      else if (depth > 0) output = cannotAsk(ran.question);
      else {
        const rest = items.slice(index + 1);
        suspend(
          session,
          { ...ran.question, words, answers: [], rest },
          { stdout, stderr, exitCode: last },
        );
      }
    }
    stdout += output.stdout;
    stderr += output.stderr;
    last = output.exitCode;
    session.state.lastStatus = last;
    if (output.leave === true) return { stdout, stderr, exitCode: last, leave: true };
  }
  return { stdout, stderr, exitCode: last };
}

/** The rest of a suspended line, after its asking command ended with `ended`. */
function finishLine(session: ConsoleSession, rest: readonly ListItem[], ended: LineOutput) {
  session.state.lastStatus = ended.exitCode;
  if (ended.leave === true || rest.length === 0) return ended;
  try {
    const after = runItems(session, rest, 0, ended.exitCode);
    return { ...after, stdout: ended.stdout + after.stdout, stderr: ended.stderr + after.stderr };
  } catch (error) {
    if (error instanceof Suspended) {
      throw new Suspended(ended.stdout + error.stdout, ended.stderr + error.stderr);
    }
    throw error;
  }
}

/** The line is the answer to the pending question: the command runs again with it. */
function answer(session: ConsoleSession, pending: PendingQuestion, line: string): LineOutput {
  const answers = [...pending.answers, line];
  const ran = runAsking(session, pending.words, answers);
  if (ran instanceof Unanswered) {
    suspend(session, { ...pending, ...ran.question, answers }, printed(''));
  }
  return finishLine(session, pending.rest, ran);
}

/** Runs the line's work: its output, or the question it stopped at; never throws. */
function settle(session: ConsoleSession, run: () => LineOutput): LineResult {
  try {
    return { kind: 'done', ...run() };
  } catch (error) {
    const question = session.question;
    if (error instanceof Suspended && question !== undefined) {
      const { prompt, secret } = question;
      return {
        kind: 'question',
        stdout: error.stdout,
        stderr: error.stderr,
        question: { prompt, secret },
      };
    }
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

/**
 * Ctrl+C at a question: the command ends as the CLI does on KeyboardInterrupt (a newline on
 * stdout, exit 130), and the rest of its line is not run: Ctrl+C stops what the line was doing.
 */
export function interruptQuestion(session: ConsoleSession): LineOutput {
  if (session.question === undefined) return printed('');
  delete session.question;
  session.state.lastStatus = 130;
  return { stdout: '\n', stderr: '', exitCode: 130 };
}

/**
 * The input ends at a question (a script's last line, Ctrl+D): the command fails as the CLI does
 * on EOFError (an empty message, exit 255), and the rest of its line runs, as after any failure
 * (it may ask in its turn).
 */
export function endOfInput(session: ConsoleSession): LineResult {
  const pending = session.question;
  if (pending === undefined) return { kind: 'done', ...printed('') };
  delete session.question;
  const { stderr, exitCode } = cliError('', 255);
  return settle(session, () => finishLine(session, pending.rest, { stdout: '', stderr, exitCode }));
}

/**
 * Runs one line (joined lines, for a line that went on), or answers the question a command of
 * the line before asked. Never throws: even a bug of the simulator becomes a message and exit
 * status 70, and the console goes on.
 */
export function runLine(session: ConsoleSession, line: string): LineResult {
  const pending = session.question;
  if (line.length > MAX_LINE_LENGTH) {
    const refused = failed(
      `iam-tutor: the line is ${line.length} characters; at most ${MAX_LINE_LENGTH} are read\n`,
      2,
    );
    // Not an answer either: the question still waits, and the learner is asked it again.
    if (pending !== undefined) {
      const { prompt, secret } = pending;
      return { kind: 'question', stdout: '', stderr: refused.stderr, question: { prompt, secret } };
    }
    return { kind: 'done', ...refused };
  }
  // An answer is read as typed, not as shell words, and is kept out of the history (secrets).
  if (pending !== undefined) {
    delete session.question;
    return settle(session, () => answer(session, pending, line));
  }
  // A line that goes on is not run, not even in part: nothing runs before it is complete.
  const complete = splitCommandList(line);
  if (complete.kind === 'incomplete') return { kind: 'incomplete', message: complete.message };
  const lastItem = complete.kind === 'list' ? complete.items.at(-1) : undefined;
  const ending = lastItem === undefined ? undefined : tokenize(lastItem.text, {});
  if (ending?.kind === 'incomplete') return { kind: 'incomplete', message: ending.message };
  if (line.trim() !== '') session.state.history.push(line);
  return settle(session, () => runList(session, line, 0));
}
