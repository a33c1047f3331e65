// A `quiz` step: the question, its options to choose from (one, or several with `multiple`),
// and the feedback of each option chosen.
import { Box, Text } from 'ink';
import SelectInput from 'ink-select-input';
import type { PredictOutcome } from '../lessons/predict.js';
import type { QuizStep as Quiz } from '../lessons/schema.js';
import { AnswerFeedback } from './answer-feedback.js';
import { MultiChoice } from './multi-choice.js';
import { printable } from './printable.js';

export interface Answer {
  right: boolean;
  feedback: string[];
  /** For a prediction: the engine's decision, and why. */
  outcome?: PredictOutcome;
}

export function QuizStep({
  step,
  answer,
  onAnswer,
  isActive,
}: {
  step: Quiz;
  answer?: Answer;
  onAnswer: (choices: number[]) => void;
  /** Whether it still takes answers. */
  isActive: boolean;
}) {
  const items = step.options.map((option, i) => ({
    key: String(i),
    label: printable(option.text),
    value: i,
  }));
  return (
    <Box flexDirection="column">
      <Text bold>{printable(step.question)}</Text>
      {step.multiple ? (
        <MultiChoice
          labels={items.map((item) => item.label)}
          onSubmit={onAnswer}
          isActive={isActive}
        />
      ) : (
        <SelectInput
          isFocused={isActive}
          items={items}
          onSelect={(item) => {
            onAnswer([item.value]);
          }}
        />
      )}
      {answer ? <AnswerFeedback right={answer.right} lines={answer.feedback} /> : null}
    </Box>
  );
}
