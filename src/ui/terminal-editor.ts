// Opens the learner's editor on a temporary file, as `git commit` does: $VISUAL, else $EDITOR,
// else vi, run through the shell so that `EDITOR="code --wait"` works. The tutorial's screen is
// handed over (raw mode off) while it runs, and cleared after, so Ink draws its next frame on a
// clean screen whatever the editor left.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenEditor } from '../console/edit-file.js';

const CLEAR_SCREEN = '\u001b[2J\u001b[H';

export function terminalEditor(
  stdin: NodeJS.ReadStream,
  stdout: NodeJS.WriteStream,
  env: NodeJS.ProcessEnv,
): OpenEditor {
  return (text, fileName) => {
    const editor = env.VISUAL || env.EDITOR || 'vi';
    const dir = mkdtempSync(join(tmpdir(), 'iam-tutor-edit-'));
    const file = join(dir, fileName);
    writeFileSync(file, text);
    stdin.setRawMode(false);
    try {
      const run = spawnSync('sh', ['-c', `${editor} "$1"`, 'sh', file], { stdio: 'inherit' });
      // 126/127: the shell found no such editor, or could not run it.
      if (run.error !== undefined || run.status === 126 || run.status === 127) return undefined;
      return readFileSync(file, 'utf8');
    } finally {
      stdin.setRawMode(true);
      stdout.write(CLEAR_SCREEN);
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
