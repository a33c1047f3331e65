// Choosing several options (a quiz with `multiple: true`): ↑/↓ or j/k move, Space ticks or
// unticks, Enter answers with the options ticked. Ticks are shown as [x], not by colour.
import { Box, Text, useInput } from 'ink';
import { useState } from 'react';

export function MultiChoice({
  labels,
  onSubmit,
}: {
  labels: readonly string[];
  onSubmit: (chosen: number[]) => void;
}) {
  const [cursor, setCursor] = useState(0);
  const [ticked, setTicked] = useState<ReadonlySet<number>>(new Set());
  useInput((input, key) => {
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
  });
  return (
    <Box flexDirection="column">
      {labels.map((label, i) => (
        <Text key={i} color={i === cursor ? 'blue' : undefined}>
          {i === cursor ? '❯' : ' '} [{ticked.has(i) ? 'x' : ' '}] {label}
        </Text>
      ))}
      <Text dimColor>Space: tick or untick · Enter: answer</Text>
    </Box>
  );
}
