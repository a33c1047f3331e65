// The end of a lesson: the score's breakdown by part, rounded, and what comes next.
import { describe, expect, it } from 'vitest';
import { completionLines } from '../../src/ui/lesson-summary.js';

describe('completionLines', () => {
  it('shows each part of the score out of its weight, and the next lesson', () => {
    const lines = completionLines(
      {
        score: 81,
        solved: 5,
        graded: 6,
        breakdown: { correctness: 58.33, leastPrivilege: 8.33, hints: 6.67, attempts: 7.5 },
      },
      'Federation',
    );
    expect(lines).toEqual([
      '✓ Lesson complete',
      'Score 81/100 (5 of 6 graded steps solved)',
      '  right answers and passed tasks  58/70',
      '  least privilege                  8/10',
      '  hints not needed                 7/10',
      '  first tries                      8/10',
      'Next: Federation (Enter: back to Home, where it is first)',
    ]);
  });

  it('after the last lesson, points to the sandbox', () => {
    const lines = completionLines({
      score: 100,
      solved: 1,
      graded: 1,
      breakdown: { correctness: 70, leastPrivilege: 10, hints: 10, attempts: 10 },
    });
    expect(lines.at(-1)).toBe(
      'That was the last lesson: the sandbox on Home is yours to experiment in.',
    );
  });
});
