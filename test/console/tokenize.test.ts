// The console's shell-like word splitting (POSIX Shell Command Language, 2.2 Quoting and
// 2.6 Word Expansions), fuzzed: it never throws, and quoting what it reads gives it back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize, type TokenizeResult } from '../../src/console/tokenize.js';

const ENV = { HOME: '/home/alice', ROLE: 'admin', SPACED: 'a  b', EMPTY: '' };

function words(result: TokenizeResult): string[] {
  if (result.kind !== 'tokens') throw new Error(`expected tokens, got ${JSON.stringify(result)}`);
  return result.tokens.map((token) => token.value);
}

/** POSIX single-quoting: the safe way to pass any word through a shell. */
function quote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

describe('tokenize', () => {
  it.each([
    ['aws iam create-user --user-name bob', ['aws', 'iam', 'create-user', '--user-name', 'bob']],
    ['  spaced \t out  ', ['spaced', 'out']],
    [
      `--policy-document '{"Version": "2012-10-17"}'`,
      ['--policy-document', '{"Version": "2012-10-17"}'],
    ],
    ['"a b" c', ['a b', 'c']],
    ["it\\'s", ["it's"]],
    ['"say \\"hi\\" \\$HOME \\n"', ['say "hi" $HOME \\n']],
    ["'no $ROLE \\ expansion'", ['no $ROLE \\ expansion']],
    ['$ROLE ${ROLE}s "$ROLE"', ['admin', 'admins', 'admin']],
    ['$SPACED "$SPACED"', ['a', 'b', 'a  b']],
    ['x $EMPTY y "$EMPTY"', ['x', 'y', '']],
    ["''", ['']],
    ['$UNSET', []],
    ['cost $5 $', ['cost', '$5', '$']],
    ['~ ~/p.json a~', ['/home/alice', '/home/alice/p.json', 'a~']],
    ['aws sts get-caller-identity # who am I?', ['aws', 'sts', 'get-caller-identity']],
    ['a#b', ['a#b']],
    ['# only a comment', []],
    ['aws iam \\\n  get-user', ['aws', 'iam', 'get-user']],
    ['--doc \'{\n  "a": 1\n}\'', ['--doc', '{\n  "a": 1\n}']],
  ])('%j', (line, expected) => {
    expect(words(tokenize(line, ENV))).toEqual(expected);
  });

  it('keeps the offsets of each word, for completion', () => {
    const result = tokenize('aws  iam "get-user"', ENV);
    expect(result.kind === 'tokens' && result.tokens.map((t) => [t.start, t.end])).toEqual([
      [0, 3],
      [5, 8],
      [9, 19],
    ]);
  });

  it('asks for more input after a trailing backslash', () => {
    expect(tokenize('aws iam get-user \\', ENV)).toMatchObject({
      kind: 'incomplete',
      reason: 'continuation',
      column: 18,
    });
  });

  it('asks for more input inside an open quote, and says where it opened', () => {
    expect(tokenize(`aws iam put-user-policy --policy-document '{`, ENV)).toEqual({
      kind: 'incomplete',
      reason: 'quote',
      column: 43,
      message: 'unterminated single quote starting at column 43',
    });
    expect(tokenize('echo "abc', ENV)).toMatchObject({
      kind: 'incomplete',
      reason: 'quote',
      column: 6,
    });
  });

  it.each([
    ['aws iam list-users | jq .', 20],
    ['aws iam list-users > out', 20],
    ['a; b', 2],
    ['echo $(whoami)', 6],
    ['echo `whoami`', 6],
    ['echo ${ROLE', 6],
    ['echo ${1x}', 6],
  ])('reports what it does not simulate: %j', (line, column) => {
    expect(tokenize(line, ENV)).toMatchObject({ kind: 'error', column });
  });

  it('never throws, whatever the line', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (line) => {
        expect(['tokens', 'incomplete', 'error']).toContain(tokenize(line, ENV).kind);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives back any words that were single-quoted', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 8 }), (input) => {
        expect(words(tokenize(input.map(quote).join(' '), ENV))).toEqual(input);
      }),
    );
  });

  it('reads a 1 MB paste in one go', () => {
    const line = `aws iam put-user-policy --policy-document '${'x'.repeat(1_000_000)}'`;
    expect(words(tokenize(line, ENV))[4]).toHaveLength(1_000_000);
  });
});
