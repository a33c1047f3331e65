// A script read as the shell reads it: lines that go on are joined, blank lines run nothing.
import { describe, expect, it } from 'vitest';
import { scriptLines } from '../../src/console/script-lines.js';

describe('scriptLines', () => {
  it('joins a line that goes on with the next, and skips blank lines', () => {
    expect(scriptLines("echo one\n\n  \necho 'two\n\nlines'\necho three\n")).toEqual({
      lines: ['echo one', "echo 'two\n\nlines'", 'echo three'],
    });
  });

  it('reads a file ending in a newline, or in several, as its commands only', () => {
    expect(scriptLines('whoami\n').lines).toEqual(['whoami']);
    expect(scriptLines('whoami\r\n\r\n').lines).toEqual(['whoami']);
    expect(scriptLines('').lines).toEqual([]);
  });

  it('says so when the text ends inside a command', () => {
    expect(scriptLines("echo 'open\n")).toMatchObject({
      lines: [],
      unterminated: expect.any(String) as unknown,
    });
  });
});
