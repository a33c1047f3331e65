// A script read as the shell reads it: lines that go on are joined; blank lines are kept (they
// run nothing, but answer a question: `aws configure` keeps a value on an empty answer).
import { describe, expect, it } from 'vitest';
import { scriptLines } from '../../src/console/script-lines.js';

describe('scriptLines', () => {
  it('joins a line that goes on with the next, and keeps blank lines', () => {
    expect(scriptLines("echo one\n\n  \necho 'two\n\nlines'\necho three\n")).toEqual({
      lines: ['echo one', '', '  ', "echo 'two\n\nlines'", 'echo three'],
    });
  });

  it('the newline that ends the last line adds no line; a blank line after it does', () => {
    expect(scriptLines('whoami\n').lines).toEqual(['whoami']);
    expect(scriptLines('whoami').lines).toEqual(['whoami']);
    expect(scriptLines('whoami\r\n\r\n').lines).toEqual(['whoami', '']);
    expect(scriptLines('').lines).toEqual([]);
  });

  it('says so when the text ends inside a command', () => {
    expect(scriptLines("echo 'open\n")).toMatchObject({
      lines: [],
      unterminated: expect.any(String) as unknown,
    });
  });
});
