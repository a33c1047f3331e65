// Lesson text on screen: paragraphs reflowed to the window, code blocks (fenced or indented) kept
// line for line in the code colour, and inline `code` (backticks kept, so it reads as code
// without colour too), **strong** and *emphasis* styled. Control sequences are stripped.
import { Box, Text, Transform } from 'ink';
import { inlineSegments, type Segment } from './inline-markdown.js';
import { printable } from './printable.js';
import { reflow } from './reflow.js';

const CODE = { color: 'cyan' } as const;

export function InlineText({ segment }: { segment: Segment }) {
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

// Ink wraps a text at its spaces and keeps the space at the start of the next row: dropped, after
// any colour codes the row starts with.
// eslint-disable-next-line no-control-regex -- the colour codes Ink itself put there
const LEADING_SPACE = /^((?:\u001b\[[0-9;]*m)*) /;
const dropLeadingSpace = (row: string, index: number) =>
  index === 0 ? row : row.replace(LEADING_SPACE, '$1');

const LIST_ITEM = /^(\s*(?:[-*+]|\d+[.)]) )(.*)$/;

function InlineLine({ line }: { line: string }) {
  return (
    <Transform transform={dropLeadingSpace}>
      <Text wrap="wrap">
        {line === ''
          ? ' '
          : inlineSegments(line).map((segment, j) => <InlineText key={j} segment={segment} />)}
      </Text>
    </Transform>
  );
}

/** A list item: its marker, then its text wrapping under itself, not under the marker. */
function ListItem({ marker, text }: { marker: string; text: string }) {
  return (
    <Box>
      <Text>{marker}</Text>
      <Box flexShrink={1}>
        <InlineLine line={text} />
      </Box>
    </Box>
  );
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
      {lines.map(({ line, code }, i) => {
        if (code)
          return (
            <Text key={i} {...CODE}>
              {printable(line) || ' '}
            </Text>
          );
        const item = LIST_ITEM.exec(line);
        return item ? (
          <ListItem key={i} marker={item[1] ?? ''} text={item[2] ?? ''} />
        ) : (
          <InlineLine key={i} line={line} />
        );
      })}
    </Box>
  );
}
