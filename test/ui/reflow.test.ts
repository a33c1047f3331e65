// Lesson text reflowed as markdown reads it, for the terminal to wrap.
import { describe, expect, it } from 'vitest';
import { reflow } from '../../src/ui/reflow.js';

describe('reflow', () => {
  it('joins the lines of a paragraph and keeps paragraphs apart', () => {
    expect(reflow('An app on EC2 gets\ntemporary credentials.\n\nNo key is stored.\n')).toBe(
      'An app on EC2 gets temporary credentials.\n\nNo key is stored.',
    );
  });

  it('keeps list items, table rows and code on their own lines', () => {
    const text =
      'Two kinds:\n- a user\n- a role\n\n| a | b |\n| 1 | 2 |\n\n```\naws sts\nget-caller-identity\n```';
    expect(reflow(text)).toBe(text);
  });
});
