// The console inside the tutorial: the last lines of its output (PageUp/PageDown scroll back), and
// the prompt with the line being typed. Lines come from the console as text, with their control
// sequences stripped.
import { Box, Text, useInput, type Key } from 'ink';
import { useRef, useState } from 'react';
import { completedLine, editLine, emptyEditor, submitted } from './line-editor.js';
import { printable } from './printable.js';

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
  isActive?: boolean;
}

export function ConsolePane({
  prompt,
  lines,
  height,
  onSubmit,
  complete,
  onKey,
  isActive = true,
}: ConsolePaneProps) {
  // Keys can come faster than frames (a paste, then Enter at once): each key edits the line the
  // key before left, kept in a ref, and the state only asks for a new frame.
  const line = useRef(emptyEditor());
  const [editor, setEditor] = useState(line.current);
  const [choices, setChoices] = useState<string[]>([]);
  // How many lines the view is scrolled back from the newest; any other key comes back down.
  const [back, setBack] = useState(0);
  const page = Math.max(1, height - 1);
  useInput(
    (input, key) => {
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
      } else if (key.return) {
        const text = line.current.text;
        line.current = submitted(line.current);
        onSubmit(text);
      } else line.current = editLine(line.current, { ...key, input });
      setEditor(line.current);
    },
    { isActive },
  );
  const rows = Math.max(0, back > 0 ? height - 1 : height);
  const end = lines.length - back;
  const shown = rows === 0 ? [] : lines.slice(Math.max(0, end - rows), end);
  const before = editor.text.slice(0, editor.cursor);
  const under = editor.text[editor.cursor] ?? ' ';
  const after = editor.text.slice(editor.cursor + 1);
  return (
    <Box flexDirection="column">
      {shown.map((line, i) => (
        <Text key={i} wrap="wrap">
          {printable(line) || ' '}
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
