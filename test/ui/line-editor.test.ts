// The console's input line as a reducer over key presses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  completedLine,
  editLine,
  emptyEditor,
  pasted,
  submitted,
  type KeyPress,
} from '../../src/ui/line-editor.js';

const type = (text: string) => ({ input: text });
const keys = (start: ReturnType<typeof emptyEditor>, ...presses: KeyPress[]) =>
  presses.reduce(editLine, start);

describe('the line editor', () => {
  it('types, moves and erases backwards with Backspace (which Ink 6 reports as delete)', () => {
    const editor = keys(
      emptyEditor(),
      type('aws iam'),
      { input: '', leftArrow: true },
      { input: '', leftArrow: true },
      { input: '', delete: true },
      type('X'),
    );
    expect(editor).toMatchObject({ text: 'aws Xam', cursor: 5 });
    expect(keys(editor, { input: 'a', ctrl: true }, { input: '', backspace: true })).toMatchObject({
      text: 'aws Xam',
      cursor: 0,
    });
    expect(keys(editor, { input: 'u', ctrl: true })).toMatchObject({ text: 'am', cursor: 0 });
    expect(keys(editor, { input: 'e', ctrl: true }, { input: 'k', ctrl: true })).toMatchObject({
      text: 'aws Xam',
      cursor: 7,
    });
  });

  it('takes a paste as one input, its newlines as spaces', () => {
    expect(keys(emptyEditor(), type('{\r\n "a":\r1}')).text).toBe('{  "a": 1}');
    expect(keys(emptyEditor(), type('aws iam\nlist-users'))).toMatchObject({
      text: 'aws iam list-users',
      cursor: 18,
    });
  });

  it('goes through history with up and down, and gives back the line being typed', () => {
    const editor = keys(emptyEditor(['first', 'second']), type('draft'), {
      input: '',
      upArrow: true,
    });
    expect(editor.text).toBe('second');
    expect(keys(editor, { input: '', upArrow: true }, { input: '', upArrow: true }).text).toBe(
      'first',
    );
    expect(keys(editor, { input: '', downArrow: true }).text).toBe('draft');
  });

  it('remembers a submitted line, but not a blank one or a repeat', () => {
    const once = submitted(keys(emptyEditor(), type('whoami')));
    expect(once).toMatchObject({ text: '', history: ['whoami'] });
    expect(submitted(keys(once, type('whoami'))).history).toEqual(['whoami']);
    expect(submitted(keys(once, type('   '))).history).toEqual(['whoami']);
  });

  it('keeps the cursor within the line whatever keys come', () => {
    const press = fc.oneof(
      fc.string({ maxLength: 4 }).map((input) => ({ input })),
      fc.constantFrom<KeyPress>(
        { input: '', leftArrow: true },
        { input: '', rightArrow: true },
        { input: '', upArrow: true },
        { input: '', downArrow: true },
        { input: '', delete: true },
        { input: 'u', ctrl: true },
      ),
    );
    fc.assert(
      fc.property(fc.array(press, { maxLength: 30 }), (presses) => {
        const editor = keys(emptyEditor(['a', 'bc']), ...presses);
        expect(editor.cursor).toBeGreaterThanOrEqual(0);
        expect(editor.cursor).toBeLessThanOrEqual(editor.text.length);
      }),
    );
  });

  it('completes with Tab as far as the candidates agree, and lists them when they part', () => {
    const typed = keys(emptyEditor(), type('aws iam get-user --user-name ad'));
    expect(completedLine(typed, [['admin'], 'ad'])).toEqual({
      editor: expect.objectContaining({
        text: 'aws iam get-user --user-name admin ',
        cursor: 35,
      }) as unknown,
      choices: [],
    });
    const many = keys(emptyEditor(), type('aws iam list-'));
    const listed = completedLine(many, [['list-users', 'list-roles'], 'list-']);
    expect(listed.editor.text).toBe('aws iam list-');
    expect(listed.choices).toEqual(['list-users', 'list-roles']);
    expect(completedLine(many, [['list-user-tags', 'list-users'], 'list-']).editor.text).toBe(
      'aws iam list-user',
    );
  });
});

describe('a paste with line breaks', () => {
  it('runs each command line, as a shell does, and leaves what follows the last break', () => {
    const { editor, lines } = pasted(
      emptyEditor(),
      'aws iam create-user --user-name a\r\naws iam list-users\nwhoami',
    );
    expect(lines).toEqual(['aws iam create-user --user-name a', 'aws iam list-users']);
    expect(editor).toMatchObject({ text: 'whoami', cursor: 6 });
  });

  it('joins a command copied over several lines from the docs (trailing backslashes, quotes)', () => {
    const docs =
      'aws iam create-role \\\n  --role-name app \\\n  --assume-role-policy-document \'{\n  "Version": "2012-10-17"\n}\'\n';
    const { editor, lines } = pasted(emptyEditor(), docs);
    expect(lines).toEqual([docs.slice(0, -1)]);
    expect(editor.text).toBe('');
  });

  it('pastes into the line at the cursor: the text before it starts the first command', () => {
    const start = keys(emptyEditor(), type('aws iam get-user'), { input: '', leftArrow: true });
    const { editor, lines } = pasted(start, 'X\necho');
    expect(lines).toEqual(['aws iam get-useX']);
    expect(editor).toMatchObject({ text: 'echor', cursor: 4 });
  });

  it('keeps a command left open at the end on the line, its breaks as spaces', () => {
    const { editor, lines } = pasted(emptyEditor(), "echo 'one\ntwo\n");
    expect(lines).toEqual([]);
    expect(editor.text).toBe("echo 'one two ");
  });

  it('leaves history to the caller, who submits the lines one by one (some may be answers)', () => {
    const { lines, editor } = pasted(emptyEditor(['whoami']), 'AKIAEXAMPLE\nsecret\n');
    expect(lines).toEqual(['AKIAEXAMPLE', 'secret']);
    expect(editor.history).toEqual(['whoami']);
    expect(editor.historyIndex).toBe(1);
  });

  it('takes a paste without a line break, or of very many lines, as typed text', () => {
    expect(pasted(emptyEditor(), 'whoami')).toEqual({
      editor: editLine(emptyEditor(), { input: 'whoami' }),
      lines: [],
    });
    const many = 'echo x\n'.repeat(600);
    const { lines, editor } = pasted(emptyEditor(), many);
    expect(lines).toEqual([]);
    expect(editor.text).toBe('echo x '.repeat(600));
  });
});
