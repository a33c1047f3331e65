// A `read` step: its title and text.
import { Box, Text } from 'ink';
import type { Step } from '../lessons/schema.js';
import { printable } from './printable.js';
import { reflow } from './reflow.js';

export function ReadStep({ step }: { step: Extract<Step, { kind: 'read' }> }) {
  return (
    <Box flexDirection="column">
      {step.title ? <Text bold>{printable(step.title)}</Text> : null}
      <Text>{printable(reflow(step.text))}</Text>
    </Box>
  );
}
