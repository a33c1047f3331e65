// Right or wrong after an answer: a mark and a word, never colour alone, then the feedback.
import { Box, Text } from 'ink';
import { printable } from './printable.js';

export function AnswerFeedback({ right, lines }: { right: boolean; lines: readonly string[] }) {
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text color={right ? 'green' : 'red'} bold>
        {right ? '✓ Right.' : '✗ Not quite.'}
      </Text>
      {lines.map((line, i) => (
        <Text key={i}>{printable(line)}</Text>
      ))}
      <Text dimColor>{right ? 'n: next step' : 'Choose again, or n: next step'}</Text>
    </Box>
  );
}
