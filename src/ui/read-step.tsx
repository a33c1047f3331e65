// A `read` step: its title and text.
import { Box, Text } from 'ink';
import type { Step } from '../lessons/schema.js';
import { printable } from './printable.js';
import { Prose } from './prose.js';

export function ReadStep({ step }: { step: Extract<Step, { kind: 'read' }> }) {
  return (
    <Box flexDirection="column">
      {step.title ? <Text bold>{printable(step.title)}</Text> : null}
      <Prose text={step.text} />
    </Box>
  );
}
