// Lesson text on screen: paragraphs reflowed to the window, code blocks (fenced or indented) kept
// line for line in the code colour, and inline `code` (backticks kept, so it reads as code
// without colour too), **strong** and *emphasis* styled. Control sequences are stripped.
import { Box, Text } from 'ink';
import { inlineSegments, type Segment } from './inline-markdown.js';
import { printable } from './printable.js';
import { reflow } from './reflow.js';

const CODE = { color: 'cyan' } as const;

function InlineText({ segment }: { segment: Segment }) {
  const text = printable(segment.text);
  switch (segment.style) {
    case 'code':
      return <Text {...CODE}>`{text}`</Text>;
    case 'strong':
      return <Text bold>{text}</Text>;
    case 'emphasis':
      return <Text italic>{text}</Text>;
    default:
      return <Text>{text}</Text>;
  }
}

export function Prose({ text }: { text: string }) {
  let fenced = false;
  const lines = reflow(text)
    .split('\n')
    .flatMap((line) => {
      if (line.trimStart().startsWith('```')) {
        fenced = !fenced;
        return [];
      }
      return [{ line, code: fenced || /^( {4}|\t)/.test(line) }];
    });
  return (
    <Box flexDirection="column">
      {lines.map(({ line, code }, i) =>
        code ? (
          <Text key={i} {...CODE}>
            {printable(line) || ' '}
          </Text>
        ) : (
          <Text key={i} wrap="wrap">
            {line === ''
              ? ' '
              : inlineSegments(line).map((segment, j) => <InlineText key={j} segment={segment} />)}
          </Text>
        ),
      )}
    </Box>
  );
}
