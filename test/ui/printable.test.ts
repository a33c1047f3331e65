// Lesson text and typed text reach the terminal without control sequences.
import { describe, expect, it } from 'vitest';
import { printable } from '../../src/ui/printable.js';

describe('printable', () => {
  it('drops escape sequences and control characters, keeps newlines, turns tabs into spaces', () => {
    expect(printable('\u001b[2J\u001b[31mred\u001b[0m\ttext\n\u0007bell\u001b]0;title\u0007')).toBe(
      'red    text\nbell',
    );
  });
});
