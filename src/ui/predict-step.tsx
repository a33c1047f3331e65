// A `predict` step: the situation and the request; the learner says what AWS decides, then sees
// the engine's decision and its explanation.
import { Box, Text } from 'ink';
import SelectInput from 'ink-select-input';
import type { Decision, PredictStep as Predict } from '../lessons/schema.js';
import type { PredictOutcome } from '../lessons/predict.js';
import { AnswerFeedback } from './answer-feedback.js';
import type { Answer } from './quiz-step.js';
import { decidedAt, decisionText } from './why-lines.js';
import { printable } from './printable.js';
import { Prose } from './prose.js';

const CHOICES: { label: string; value: Decision }[] = [
  { label: 'Allowed', value: 'allowed' },
  { label: 'Denied explicitly (a Deny statement applies)', value: 'explicitDeny' },
  { label: 'Denied implicitly (nothing allows it)', value: 'implicitDeny' },
];

/** The decision in a line or two; `w` opens the whole flowchart. */
function outcomeLines(outcome: PredictOutcome | undefined): string[] {
  if (outcome === undefined) return [];
  if (!outcome.ok) return [outcome.message];
  const at = decidedAt(outcome.authorization.explanation);
  return [
    `AWS decides: ${decisionText(outcome.decision)}`,
    ...(at === undefined ? [] : [`Decided at: ${at}`]),
  ];
}

export function PredictStep({
  step,
  answer,
  onAnswer,
  isActive,
}: {
  step: Predict;
  answer?: Answer;
  onAnswer: (decision: Decision) => void;
  /** Whether it still takes an answer: once answered, the decision is shown. */
  isActive: boolean;
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
        isFocused={isActive}
        items={CHOICES}
        onSelect={(item) => {
          onAnswer(item.value);
        }}
      />
      {answer ? (
        <AnswerFeedback
          right={answer.right}
          lines={outcomeLines(answer.outcome)}
          more="w: why, step by step"
          again={false}
        />
      ) : null}
    </Box>
  );
}
