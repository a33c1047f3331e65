// The console inside the tutorial: the last lines of its output (PageUp/PageDown scroll back), and
// the prompt with the line being typed. Lines come from the console as text, with their control
// sequences stripped. The line may be the answer to a command's question (the prompt is then the
// question): it is kept out of the history, shown or not as the CLI shows it, and Esc abandons it.
import { Box, Text, useInput, useStdout, type Key } from 'ink';
import { useRef, useState } from 'react';
import {
  completedLine,
  editLine,
  emptyEditor,
  pasted,
  submitted,
  type LineEditor,
} from './line-editor.js';
import { printable } from './printable.js';
import { wrappedRows } from './reflow.js';

export interface ConsolePaneProps {
  prompt: string;
  lines: readonly string[];
  /** Rows of output shown above the prompt. */
  height: number;
  onSubmit: (line: string) => void;
  /** Tab completion: readline's completer (candidates and the part of the line they replace). */
  complete?: (line: string) => [string[], string];
  /** Keys for the screen around the console, given the line typed so far; true when taken. */
  onKey?: (input: string, key: Key, line: string) => boolean;
  /**
   * Whether the line answers a question now: `shown` as typed, or `unseen` (an MFA code). Asked
   * at each line, not once a frame: in a paste, a line may ask what the next one answers.
   */
  answering?: () => 'shown' | 'unseen' | undefined;
  /** Esc while answering: the question is abandoned. */
  onAbandon?: () => void;
  isActive?: boolean;
}

/** At most `room` characters of the typed line, around the cursor, `…` marking what is cut. */
function visiblePart(editor: LineEditor, room: number): { text: string; cursor: number } {
  if (editor.text.length <= room) return editor;
  const width = Math.max(1, room - 2);
  const start = Math.min(Math.max(0, editor.cursor - width + 1), editor.text.length - width);
  const cut = editor.text.slice(start, start + width);
  const head = start > 0 ? '…' : '';
  const tail = start + width < editor.text.length ? '…' : '';
  return { text: `${head}${cut}${tail}`, cursor: editor.cursor - start + head.length };
}

export function ConsolePane({
  prompt,
  lines,
  height,
  onSubmit,
  complete,
  onKey,
  answering = () => undefined,
  onAbandon,
  isActive = true,
}: ConsolePaneProps) {
  // Keys can come faster than frames (a paste, then Enter at once): each key edits the line the
  // key before left, kept in a ref, and the state only asks for a new frame.
  const { stdout } = useStdout();
  const line = useRef(emptyEditor());
  const [editor, setEditor] = useState(line.current);
  const [choices, setChoices] = useState<string[]>([]);
  // How many lines the view is scrolled back from the newest; any other key comes back down.
  const [back, setBack] = useState(0);
  const page = Math.max(1, height - 1);
  /** A line as Enter submits it: remembered in history, unless it answers a question (it may be a secret). */
  const submit = (text: string) => {
    line.current =
      answering() === undefined
        ? submitted({ ...line.current, text })
        : emptyEditor(line.current.history);
    onSubmit(text);
  };
  useInput(
    (input, key) => {
      if (key.escape && answering() !== undefined) {
        line.current = emptyEditor(line.current.history);
        setEditor(line.current);
        onAbandon?.();
        return;
      }
      if (key.escape || onKey?.(input, key, line.current.text) === true) return;
      if (key.pageUp || key.pageDown) {
        const most = Math.max(0, lines.length - height);
        setBack((at) => Math.min(most, Math.max(0, at + (key.pageUp ? page : -page))));
        return;
      }
      setBack(0);
      setChoices([]);
      if (key.tab) {
        if (!complete) return;
        const done = completedLine(line.current, complete(line.current.text));
        line.current = done.editor;
        setChoices(done.choices);
      } else if (!key.return && /[\r\n]/.test(input)) {
        const paste = pasted(line.current, input);
        for (const pastedLine of paste.lines) submit(pastedLine);
        line.current = { ...paste.editor, history: line.current.history };
        line.current.historyIndex = line.current.history.length;
      } else if (key.return) {
        submit(line.current.text);
      } else if (answering() === undefined || !(key.upArrow || key.downArrow)) {
        line.current = editLine(line.current, { ...key, input });
      }
      setEditor(line.current);
    },
    { isActive },
  );
  // The output shown is what fits in `height` rows as the terminal wraps it, with the typed
  // line (a long paste wraps too) and the completion choices: the frame never grows past its
  // share of the window, so the screen above it stays put.
  const columns = stdout.columns || 80;
  // A typed line longer than half the console shows the part around the cursor.
  const typed = visiblePart(
    answering() === 'unseen' ? emptyEditor() : editor,
    Math.max(1, Math.floor(height / 2)) * columns - prompt.length - 2,
  );
  let budget =
    height -
    (back > 0 ? 1 : 0) -
    (wrappedRows(`${prompt}${typed.text} `, columns) - 1) -
    (choices.length > 0 ? wrappedRows(choices.join('  '), columns) : 0);
  const shown: string[] = [];
  for (let i = lines.length - 1 - back; i >= 0 && budget > 0; i--) {
    const line = printable(lines[i] ?? '');
    const rows = wrappedRows(line, columns);
    // A line taller than what is left shows its end, as a terminal scrolled to the bottom does.
    shown.unshift(rows <= budget ? line : line.slice(-budget * columns));
    budget -= rows;
  }
  const before = typed.text.slice(0, typed.cursor);
  const under = typed.text[typed.cursor] ?? ' ';
  const after = typed.text.slice(typed.cursor + 1);
  return (
    <Box flexDirection="column">
      {shown.map((line, i) => (
        <Text key={i} wrap="wrap">
          {line || ' '}
        </Text>
      ))}
      {back > 0 ? (
        <Text dimColor>
          ── {back} newer line{back === 1 ? '' : 's'} below · PageDown or any key ──
        </Text>
      ) : null}
      <Text wrap="wrap">
        {printable(prompt)}
        {printable(before)}
        <Text inverse>{printable(under)}</Text>
        {printable(after)}
      </Text>
      {choices.length > 0 ? (
        <Text wrap="wrap" dimColor>
          {printable(choices.join('  '))}
        </Text>
      ) : null}
    </Box>
  );
}
