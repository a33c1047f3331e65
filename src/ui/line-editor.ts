// The console's input line: typing, moving, deleting, and going through history, as a reducer
// over key presses so that it is tested without a terminal.
import { scriptLines } from '../console/script-lines.js';

export interface LineEditor {
  text: string;
  cursor: number;
  history: readonly string[];
  /** While going through history: the entry shown; `history.length` is the line being typed. */
  historyIndex: number;
  /** The line being typed, kept while history is shown. */
  draft: string;
}

export interface KeyPress {
  input: string;
  leftArrow?: boolean;
  rightArrow?: boolean;
  upArrow?: boolean;
  downArrow?: boolean;
  backspace?: boolean;
  delete?: boolean;
  ctrl?: boolean;
  meta?: boolean;
  return?: boolean;
}

export const emptyEditor = (history: readonly string[] = []): LineEditor => ({
  text: '',
  cursor: 0,
  history,
  historyIndex: history.length,
  draft: '',
});

const at = (editor: LineEditor, text: string, cursor: number): LineEditor => ({
  ...editor,
  text,
  cursor: Math.max(0, Math.min(cursor, text.length)),
});

function fromHistory(editor: LineEditor, index: number): LineEditor {
  if (index < 0 || index > editor.history.length) return editor;
  const text = index === editor.history.length ? editor.draft : (editor.history[index] ?? '');
  const draft = editor.historyIndex === editor.history.length ? editor.text : editor.draft;
  return { ...editor, text, cursor: text.length, historyIndex: index, draft };
}

/** The editor after one key press (Enter is the caller's: it submits `text`). */
export function editLine(editor: LineEditor, key: KeyPress): LineEditor {
  const { text, cursor } = editor;
  if (key.upArrow) return fromHistory(editor, editor.historyIndex - 1);
  if (key.downArrow) return fromHistory(editor, editor.historyIndex + 1);
  if (key.leftArrow) return at(editor, text, cursor - 1);
  if (key.rightArrow) return at(editor, text, cursor + 1);
  // Ink 6 reports the Backspace key as `delete` (and Delete as `delete` too): both erase backwards.
  if (key.backspace || key.delete) {
    return cursor === 0
      ? editor
      : at(editor, text.slice(0, cursor - 1) + text.slice(cursor), cursor - 1);
  }
  if (key.ctrl) {
    if (key.input === 'a') return at(editor, text, 0);
    if (key.input === 'e') return at(editor, text, text.length);
    if (key.input === 'u') return at(editor, text.slice(cursor), 0);
    if (key.input === 'k') return at(editor, text.slice(0, cursor), cursor);
    return editor;
  }
  if (key.meta || key.return || key.input === '') return editor;
  // A line break left in an input (see pasted) is a space.
  const typed = key.input.replace(/\r\n|\r|\n/g, ' ');
  return at(editor, text.slice(0, cursor) + typed + text.slice(cursor), cursor + typed.length);
}

/** After Enter: a new empty line, the submitted one remembered (unless blank or a repeat). */
export function submitted(editor: LineEditor): LineEditor {
  const line = editor.text;
  const last = editor.history[editor.history.length - 1];
  const history = line.trim() === '' || line === last ? editor.history : [...editor.history, line];
  return emptyEditor(history.slice(-1000));
}

/** The longest start all the words share. */
function commonStart(words: readonly string[]): string {
  const [first = '', ...rest] = words;
  let end = first.length;
  for (const word of rest) {
    while (end > 0 && !word.startsWith(first.slice(0, end))) end--;
  }
  return first.slice(0, end);
}

/**
 * Tab at the end of the line, with readline's completer result (the candidates and the part of
 * the line they replace): the line completed as far as the candidates agree, and the candidates
 * to show when they go different ways (as a shell lists them).
 */
export function completedLine(
  editor: LineEditor,
  [candidates, replaced]: [string[], string],
): { editor: LineEditor; choices: string[] } {
  if (editor.cursor !== editor.text.length || candidates.length === 0)
    return { editor, choices: [] };
  const start = commonStart(candidates);
  const base = editor.text.slice(0, editor.text.length - replaced.length);
  const text =
    candidates.length === 1
      ? `${base}${start} `
      : `${base}${start.length > replaced.length ? start : replaced}`;
  const grew = text.length > editor.text.length;
  return {
    editor: at(editor, text, text.length),
    choices: grew || candidates.length === 1 ? [] : candidates,
  };
}

/** Longer pastes are one line, as typed: joining lines reads the command so far again each time. */
const MAX_PASTED_LINES = 500;

/**
 * A paste arrives as one input. With line breaks, it is what a shell makes of it: each command
 * line (an open quote or a trailing backslash going on to the next) runs in turn, so that a
 * command copied over several lines from the AWS docs works, and what follows the last break
 * stays on the line, still to be edited. A command left open at the end stays on the line too,
 * its line breaks shown as spaces. The lines are the caller's to submit, one by one as if typed
 * (it knows which of them answer a question); `editor` is the line left after them.
 */
export function pasted(editor: LineEditor, input: string): { editor: LineEditor; lines: string[] } {
  const text = `${editor.text.slice(0, editor.cursor)}${input}`.replace(/\r\n?/g, '\n');
  const lastBreak = text.lastIndexOf('\n');
  if (lastBreak < 0 || text.split('\n').length > MAX_PASTED_LINES) {
    return { editor: editLine(editor, { input }), lines: [] };
  }
  const { lines, rest = '' } = scriptLines(text.slice(0, lastBreak + 1));
  const open = rest === '' ? '' : `${rest.replace(/\\\n/g, '').replace(/\n/g, ' ')} `;
  const left = `${open}${text.slice(lastBreak + 1)}`;
  return {
    editor: at(
      emptyEditor(editor.history),
      `${left}${editor.text.slice(editor.cursor)}`,
      left.length,
    ),
    lines,
  };
}
