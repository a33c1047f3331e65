// The end of a lesson: the score with its breakdown, and what to do next. A lesson that ends on
// a task prints the same lines in its console.
import { Box, Text } from 'ink';
import type { LessonScore } from '../lessons/score.js';
import { printable } from './printable.js';

const PARTS = [
  ['correctness', 'right answers and passed tasks', 70],
  ['leastPrivilege', 'least privilege', 10],
  ['hints', 'hints not needed', 10],
  ['attempts', 'first tries', 10],
] as const;

export function completionLines(score: LessonScore, next?: string): string[] {
  return [
    '✓ Lesson complete',
    `Score ${score.score}/100 (${score.solved} of ${score.graded} graded steps solved)`,
    ...PARTS.map(
      ([key, label, most]) =>
        `  ${label.padEnd(30)} ${String(Math.round(score.breakdown[key])).padStart(3)}/${most}`,
    ),
    next === undefined
      ? 'That was the last lesson: the sandbox on Home is yours to experiment in.'
      : `Next: ${next} (Enter: back to Home, where it is first)`,
  ];
}

export function LessonSummary({ score, next }: { score: LessonScore; next?: string }) {
  const [title, ...rest] = completionLines(score, next);
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text color="green" bold>
        {title}
      </Text>
      {rest.map((line) => (
        <Text key={line}>{printable(line)}</Text>
      ))}
    </Box>
  );
}
