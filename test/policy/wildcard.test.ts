// The glob language of policies: `*` any run, `?` one character, `\` escapes
// (reference_policies_elements_resource, reference_policies_elements_condition_operators "StringLike").
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeGlob, globMatch } from '../../src/policy/wildcard.js';

type Token = { kind: 'star' } | { kind: 'one' } | { kind: 'literal'; char: string };

/** An independent reading of the glob language: tokens, then plain recursion over them. */
function tokenize(glob: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < glob.length; i++) {
    const char = glob.charAt(i);
    if (char === '*') tokens.push({ kind: 'star' });
    else if (char === '?') tokens.push({ kind: 'one' });
    else if (char === '\\' && i + 1 < glob.length)
      tokens.push({ kind: 'literal', char: glob.charAt(++i) });
    else tokens.push({ kind: 'literal', char });
  }
  return tokens;
}

function referenceMatch(glob: string, value: string, ignoreCase: boolean): boolean {
  const tokens = tokenize(glob);
  const same = (a: string, b: string) =>
    ignoreCase ? a.toLowerCase() === b.toLowerCase() : a === b;
  const memo = new Map<string, boolean>();
  const from = (t: number, v: number): boolean => {
    const id = `${t},${v}`;
    const known = memo.get(id);
    if (known !== undefined) return known;
    const token = tokens[t];
    let result: boolean;
    if (token === undefined) result = v === value.length;
    else if (token.kind === 'star') result = from(t + 1, v) || (v < value.length && from(t, v + 1));
    else if (v === value.length) result = false;
    else if (token.kind === 'one') result = from(t + 1, v + 1);
    else result = same(token.char, value.charAt(v)) && from(t + 1, v + 1);
    memo.set(id, result);
    return result;
  };
  return from(0, 0);
}

/** Strings over a small alphabet, so that globs and values often nearly match. */
const text = (chars: string[]) =>
  fc.array(fc.constantFrom(...chars), { maxLength: 12 }).map((c) => c.join(''));
const globText = text(['a', 'b', 'A', '*', '?', '\\', '.', '/']);
const valueText = text(['a', 'b', 'A', 'B', '*', '?', '\\', '.', '/']);

describe('globMatch', () => {
  it('treats * as any run, including an empty one', () => {
    expect(globMatch('arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/a/b.txt', false)).toBe(true);
    expect(globMatch('home/*', 'home/', false)).toBe(true);
    expect(globMatch('*', '', false)).toBe(true);
    expect(globMatch('a*b*c', 'axxbyyc', false)).toBe(true);
    expect(globMatch('a*b*c', 'axxbyy', false)).toBe(false);
  });

  it('treats ? as exactly one character', () => {
    expect(globMatch('t?.micro', 't2.micro', false)).toBe(true);
    expect(globMatch('t?.micro', 't.micro', false)).toBe(false);
    expect(globMatch('t?.micro', 't22.micro', false)).toBe(false);
  });

  it('compares case-sensitively unless asked not to (action names are not case-sensitive: reference_policies_elements_action)', () => {
    expect(globMatch('s3:Get*', 's3:getobject', false)).toBe(false);
    expect(globMatch('s3:Get*', 's3:getobject', true)).toBe(true);
    expect(globMatch('IAM:?ETUSER', 'iam:GetUser', true)).toBe(true);
    // Only letters fold: `@` and a backtick differ by the same bit as `A` and `a`.
    expect(globMatch('@', '`', true)).toBe(false);
    expect(globMatch('É', 'é', true)).toBe(true);
  });

  it('reads regex metacharacters as plain text', () => {
    expect(globMatch('a.b', 'a.b', false)).toBe(true);
    expect(globMatch('a.b', 'axb', false)).toBe(false);
    expect(globMatch('(x)+[y]^$', '(x)+[y]^$', false)).toBe(true);
    expect(globMatch('(x)+', 'xx', false)).toBe(false);
  });

  it('reads a backslash as an escape, and a trailing one as itself', () => {
    expect(globMatch('a\\*', 'a*', false)).toBe(true);
    expect(globMatch('a\\*', 'ab', false)).toBe(false);
    expect(globMatch('a\\?', 'ab', false)).toBe(false);
    expect(globMatch('a\\\\', 'a\\', false)).toBe(true);
    expect(globMatch('a\\', 'a\\', false)).toBe(true);
  });

  it('agrees with a reference matcher on random globs and values', () => {
    fc.assert(
      fc.property(globText, valueText, fc.boolean(), (glob, value, ignoreCase) => {
        expect(globMatch(glob, value, ignoreCase)).toBe(referenceMatch(glob, value, ignoreCase));
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees with the reference matcher on values built to match', () => {
    // Random pairs rarely match; build values from the glob so that the match path is exercised.
    const matching = fc
      .tuple(globText, fc.array(valueText, { maxLength: 12 }))
      .map(([glob, fills]) => {
        let value = '';
        for (const token of tokenize(glob)) {
          if (token.kind === 'literal') value += token.char;
          else if (token.kind === 'one') value += 'x';
          else value += fills.shift() ?? '';
        }
        return { glob, value };
      });
    fc.assert(
      fc.property(matching, ({ glob, value }) => {
        expect(globMatch(glob, value, false)).toBe(true);
        expect(referenceMatch(glob, value, false)).toBe(true);
      }),
    );
  });

  it('stays fast on patterns that make backtracking regexes explode', () => {
    const started = performance.now();
    expect(globMatch('*a*a*a*a*a*a*a*a*b', 'a'.repeat(2000), false)).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('escapeGlob', () => {
  it('makes any text a glob that matches only itself', () => {
    fc.assert(
      fc.property(valueText, valueText, fc.boolean(), (x, y, ignoreCase) => {
        expect(globMatch(escapeGlob(x), x, false)).toBe(true);
        expect(globMatch(escapeGlob(x), y, false)).toBe(x === y);
        expect(globMatch(escapeGlob(x), y, ignoreCase)).toBe(
          ignoreCase ? x.toLowerCase() === y.toLowerCase() : x === y,
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('escapes only the three special characters', () => {
    expect(escapeGlob('a*b?c\\d.e')).toBe('a\\*b\\?c\\\\d.e');
    expect(escapeGlob('plain-text')).toBe('plain-text');
  });
});
