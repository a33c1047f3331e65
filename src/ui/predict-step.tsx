// A `predict` step: the situation and the request; the learner says what AWS decides, then sees
// the engine's decision and its explanation.
import { Box, Text } from 'ink';
import SelectInput from 'ink-select-input';
import type { Decision, PredictStep as Predict } from '../lessons/schema.js';
import { AnswerFeedback } from './answer-feedback.js';
import { printable } from './printable.js';
import { Prose } from './prose.js';

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
  const { principal, action, resource, context } = step.request;
  return (
    <Box flexDirection="column">
      <Prose text={step.text} />
      <Box flexDirection="column" marginY={1}>
        <Text>principal {printable(principal)}</Text>
        <Text>action {printable(action)}</Text>
        <Text>resource {printable(resource)}</Text>
        {Object.entries(context ?? {}).map(([key, value]) => (
          <Text key={key}>
            {printable(key)} = {printable(Array.isArray(value) ? value.join(', ') : value)}
          </Text>
        ))}
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
