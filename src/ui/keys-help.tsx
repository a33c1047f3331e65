// The keys of a screen, shown when the learner presses `?` (and hidden by pressing it again).
import { Box, Text } from 'ink';

export const HOME_KEYS = [
  ['↑ ↓ or j k', 'move'],
  ['Enter', 'choose'],
  ['?', 'show or hide these keys'],
  ['Ctrl+C', 'quit (progress is saved as you go)'],
] as const;

export const LESSON_KEYS = [
  ['Enter or →', 'next step (a read step); answer (a quiz or a prediction)'],
  ['n', 'next step, once the step allows it'],
  ['Esc or ←', 'previous step'],
  ['↑ ↓ or j k', 'move between answers; Space ticks one when several are right'],
  ['q', 'back to Home'],
  ['?', 'show or hide these keys'],
  ['Ctrl+C', 'quit (progress is saved as you go)'],
] as const;

export function KeysHelp({ keys }: { keys: readonly (readonly [string, string])[] }) {
  const width = Math.max(...keys.map(([key]) => key.length));
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text bold>Keys</Text>
      {keys.map(([key, what]) => (
        <Text key={key}>
          {'  '}
          {key.padEnd(width)} {what}
        </Text>
      ))}
    </Box>
  );
}
