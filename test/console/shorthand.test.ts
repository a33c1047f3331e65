// The CLI's shorthand syntax: every case in fixtures/parser-cases.json was recorded from
// awscli/shorthand.py (AWS CLI 2.9.19) on the same input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseShorthand, pythonInt, ShorthandSyntaxError } from '../../src/console/shorthand.js';
import cases from './fixtures/parser-cases.json' with { type: 'json' };

describe('parseShorthand', () => {
  it.each(cases.shorthand.map((c) => [c.input, c] as const))(
    '%j as the CLI parses it',
    (input, c) => {
      if ('error' in c) {
        expect(() => parseShorthand(input)).toThrow(new ShorthandSyntaxError(c.error));
      } else {
        expect(parseShorthand(input)).toEqual(c.parsed);
      }
    },
  );

  it('only ever fails with a syntax error', () => {
    fc.assert(
      fc.property(fc.string(), (input) => {
        try {
          parseShorthand(input);
        } catch (error) {
          expect(error).toBeInstanceOf(ShorthandSyntaxError);
        }
      }),
    );
  });

  it('converts numbers as Python int() does', () => {
    expect(pythonInt(' 42 ')).toBe(42);
    expect(pythonInt('1_000')).toBe(1000);
    expect(() => pythonInt('4.2')).toThrow("invalid literal for int() with base 10: '4.2'");
  });
});
