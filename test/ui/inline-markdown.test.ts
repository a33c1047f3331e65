// Inline markdown of lesson text (CommonMark's code spans and emphasis, the subset lessons use).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inlineSegments } from '../../src/ui/inline-markdown.js';

describe('inlineSegments', () => {
  it('finds code spans, strong and emphasis', () => {
    expect(inlineSegments('Run `aws sts get-caller-identity`: it is **free** and *fast*.')).toEqual(
      [
        { text: 'Run ', style: 'plain' },
        { text: 'aws sts get-caller-identity', style: 'code' },
        { text: ': it is ', style: 'plain' },
        { text: 'free', style: 'strong' },
        { text: ' and ', style: 'plain' },
        { text: 'fast', style: 'emphasis' },
        { text: '.', style: 'plain' },
      ],
    );
  });

  it('takes a code span literally and leaves lone or inner markers as text', () => {
    expect(inlineSegments('`"Action": "s3:*"` and s3:* or *')).toEqual([
      { text: '"Action": "s3:*"', style: 'code' },
      { text: ' and s3:* or *', style: 'plain' },
    ]);
    expect(inlineSegments('snake_case_name and 2 * 3 * 4')).toEqual([
      { text: 'snake_case_name and 2 * 3 * 4', style: 'plain' },
    ]);
    expect(inlineSegments('_once_')).toEqual([{ text: 'once', style: 'emphasis' }]);
  });

  it('never loses or adds text apart from the markers it consumed', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', ' ', '*', '`', '_', 'x', '\n') }),
        (text) => {
          const segments = inlineSegments(text);
          const joined = segments.map((s) => s.text).join('');
          const markers = text.length - joined.length;
          expect(markers).toBeGreaterThanOrEqual(0);
          if (segments.every((s) => s.style === 'plain')) expect(joined).toBe(text);
        },
      ),
    );
  });
});
