// A `predict` step: the situation and the request; the learner says what AWS decides, then sees
// the engine's decision and its explanation.
import { Box, Text } from 'ink';
import SelectInput from 'ink-select-input';
import type { Decision, PredictStep as Predict } from '../lessons/schema.js';
import { AnswerFeedback } from './answer-feedback.js';
import { printable } from './printable.js';
import { reflow } from './reflow.js';

const CHOICES: { label: string; value: Decision }[] = [
  { label: 'Allowed', value: 'allowed' },
  { label: 'Denied explicitly (a Deny statement applies)', value: 'explicitDeny' },
  { label: 'Denied implicitly (nothing allows it)', value: 'implicitDeny' },
];

export function PredictStep({
  step,
  answer,
  onAnswer,
}: {
  step: Predict;
  answer?: { right: boolean; explanation: string };
  onAnswer: (decision: Decision) => void;
}) {
  const { principal, action, resource } = step.request;
  return (
    <Box flexDirection="column">
      <Text>{printable(reflow(step.text))}</Text>
      <Box flexDirection="column" marginY={1}>
        <Text>principal {printable(principal)}</Text>
        <Text>action {printable(action)}</Text>
        <Text>resource {printable(resource)}</Text>
      </Box>
      <Text bold>What does AWS decide?</Text>
      <SelectInput
        items={CHOICES}
        onSelect={(item) => {
          onAnswer(item.value);
        }}
      />
      {answer ? (
        <AnswerFeedback right={answer.right} lines={answer.explanation.split('\n')} />
      ) : null}
    </Box>
  );
}
