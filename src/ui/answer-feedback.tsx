// Right or wrong after an answer: a mark and a word, never colour alone, then the feedback, and
// the keys that apply now (`more` adds the step's own).
import { Box, Text } from 'ink';
import { inlineSegments } from './inline-markdown.js';
import { printable } from './printable.js';
import { InlineText, Prose } from './prose.js';

export function AnswerFeedback({
  right,
  lines,
  more,
  again = true,
}: {
  right: boolean;
  lines: readonly string[];
  more?: string;
  /** Whether another answer may be chosen after a wrong one. */
  again?: boolean;
}) {
  const [first = '', ...rest] = lines;
  const keys = right || !again ? 'Enter: next step' : 'Choose again, or n: next step';
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text wrap="wrap">
        <Text color={right ? 'green' : 'red'} bold>
          {right ? '✓ Right.' : '✗ Not quite.'}
        </Text>{' '}
        {inlineSegments(printable(first)).map((segment, i) => (
          <InlineText key={i} segment={segment} />
        ))}
      </Text>
      {rest.map((line, i) => (
        <Prose key={i} text={line} />
      ))}
      <Text dimColor>{more === undefined ? keys : `${more} · ${keys}`}</Text>
    </Box>
  );
}
