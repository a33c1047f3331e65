// Lesson text on screen: paragraphs wrap without a stray space at the start of a row, list items
// wrap under their own text, code keeps its lines, inline markdown is styled.
import { renderToString } from 'ink';
import { describe, expect, it } from 'vitest';
import { Prose } from '../../src/ui/prose.js';

const draw = (text: string, columns = 30) =>
  renderToString(<Prose text={text} />, { columns }).split('\n');

describe('Prose', () => {
  it('wraps a paragraph with no row starting with a space', () => {
    const rows = draw(
      'Every request to AWS is signed by an identity of an account, or is anonymous.',
    );
    expect(rows.length).toBeGreaterThan(2);
    for (const row of rows) expect(row.startsWith(' ')).toBe(false);
    expect(rows.join(' ').replace(/\s+/g, ' ')).toBe(
      'Every request to AWS is signed by an identity of an account, or is anonymous.',
    );
  });

  it('wraps a list item under its text, not under its marker', () => {
    const rows = draw('- the *root user*: signs in with the email of the account');
    expect(rows[0]).toMatch(/^- the root user: /);
    for (const row of rows.slice(1)) expect(row).toMatch(/^ {2}\S/);
  });

  it('keeps code lines as written and a code span with its backticks', () => {
    const rows = draw('Run `whoami`:\n\n    aws sts get-caller-identity', 60);
    expect(rows).toEqual(['Run `whoami`:', '', '    aws sts get-caller-identity']);
  });
});
