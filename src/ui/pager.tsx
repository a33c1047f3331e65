// A scrolling view of toned lines inside the console's area: ↑/↓ or j/k scroll a line, PageUp/
// PageDown a page, Esc or q closes. What the lines mean is the caller's; `footer` names its keys.
import { Box, Text, useInput, useStdout, type Key } from 'ink';
import { useState } from 'react';
import { printable } from './printable.js';
import { fitLines, type Tone, type ViewLine } from './view-lines.js';

const TONES: Record<Tone, { color?: string; bold?: boolean; dimColor?: boolean }> = {
  title: { bold: true },
  allow: { color: 'green', bold: true },
  deny: { color: 'red', bold: true },
  warn: { color: 'yellow' },
  dim: { dimColor: true },
};

export function ToneLine({ line }: { line: ViewLine }) {
  return (
    <Text wrap="truncate-end" {...(line.tone ? TONES[line.tone] : {})}>
      {printable(line.text) || ' '}
    </Text>
  );
}

export interface PagerProps {
  lines: readonly ViewLine[];
  /** Rows for the lines and the footer. */
  height: number;
  footer: string;
  onClose: () => void;
  /** Keys the caller handles itself (← → in the Why view). */
  onKey?: (input: string, key: Key) => void;
}

export function Pager({ lines: given, height, footer, onClose, onKey }: PagerProps) {
  const { stdout } = useStdout();
  const lines = fitLines(given, (stdout.columns || 80) - 1);
  const rows = Math.max(1, height - 1);
  const last = Math.max(0, lines.length - rows);
  const [top, setTop] = useState(0);
  const scroll = (by: number) => {
    setTop((at) => Math.min(last, Math.max(0, at + by)));
  };
  useInput((input, key) => {
    if (key.escape || input === 'q') onClose();
    else if (key.upArrow || input === 'k') scroll(-1);
    else if (key.downArrow || input === 'j') scroll(1);
    else if (key.pageUp) scroll(-rows);
    else if (key.pageDown || input === ' ') scroll(rows);
    else onKey?.(input, key);
  });
  const start = Math.min(top, last);
  const more =
    lines.length > rows ? ` · lines ${start + 1}-${start + rows} of ${lines.length}` : '';
  return (
    <Box flexDirection="column">
      {lines.slice(start, start + rows).map((line, i) => (
        <ToneLine key={start + i} line={line} />
      ))}
      <Text dimColor>
        {footer}
        {more}
      </Text>
    </Box>
  );
}
