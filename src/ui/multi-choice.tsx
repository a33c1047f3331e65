// Choosing several options (a quiz with `multiple: true`, the actions of a policy): ↑/↓ or j/k
// move, Space ticks or unticks, Enter answers with the options ticked. Ticks are shown as [x], not
// by colour. A long list shows `limit` rows around the cursor.
import { Box, Text, useInput } from 'ink';
import { useState } from 'react';

export function MultiChoice({
  labels,
  onSubmit,
  limit = labels.length,
  isActive = true,
}: {
  labels: readonly string[];
  onSubmit: (chosen: number[]) => void;
  limit?: number;
  isActive?: boolean;
}) {
  const [cursor, setCursor] = useState(0);
  const [ticked, setTicked] = useState<ReadonlySet<number>>(new Set());
  useInput(
    (input, key) => {
      if (key.upArrow || input === 'k') setCursor((at) => (at + labels.length - 1) % labels.length);
      else if (key.downArrow || input === 'j') setCursor((at) => (at + 1) % labels.length);
      else if (input === ' ') {
        setTicked((before) => {
          const next = new Set(before);
          if (next.has(cursor)) next.delete(cursor);
          else next.add(cursor);
          return next;
        });
      } else if (key.return) onSubmit([...ticked].sort((a, b) => a - b));
    },
    { isActive },
  );
  const rows = Math.max(1, Math.min(limit, labels.length));
  const first = Math.min(Math.max(0, cursor - Math.floor(rows / 2)), labels.length - rows);
  const more = labels.length > rows ? ` · ${cursor + 1} of ${labels.length}` : '';
  return (
    <Box flexDirection="column">
      {labels.slice(first, first + rows).map((label, i) => (
        <Text key={first + i} color={first + i === cursor ? 'blue' : undefined}>
          {first + i === cursor ? '❯' : ' '} [{ticked.has(first + i) ? 'x' : ' '}] {label}
        </Text>
      ))}
      <Text dimColor>Space: tick or untick · Enter: answer{more}</Text>
    </Box>
  );
}
