// The built binary in a real terminal: a detached tmux session of a fixed size, keys sent as a
// person types them, and the screen read back. CI is unset for the child, or Ink would draw only
// its last frame.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const CLI = resolve('dist/cli.js');

export class Terminal {
  private constructor(readonly name: string) {}

  /** Runs the CLI with `args`; `env` adds variables (`NO_COLOR=1`), CI is always unset. */
  static open(args: string[], size = { columns: 100, rows: 30 }, env: string[] = []): Terminal {
    const name = `iam-tutor-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    const command = ['env', '-u', 'CI', ...env, process.execPath, CLI, ...args]
      .map((word) => `'${word.replaceAll("'", "'\\''")}'`)
      .join(' ');
    execFileSync('tmux', [
      'new-session',
      '-d',
      '-s',
      name,
      '-x',
      String(size.columns),
      '-y',
      String(size.rows),
      command,
    ]);
    return new Terminal(name);
  }

  /** Sends keys as tmux names them (`Enter`, `Tab`, `C-c`) or literal text with `literal`. */
  send(keys: string, literal = false): void {
    execFileSync('tmux', ['send-keys', '-t', this.name, ...(literal ? ['-l'] : []), keys]);
  }

  /** Makes the window `columns` x `rows`, as a person dragging its corner would. */
  resize(columns: number, rows: number): void {
    execFileSync('tmux', [
      'resize-window',
      '-t',
      this.name,
      '-x',
      String(columns),
      '-y',
      String(rows),
    ]);
  }

  type(text: string): void {
    this.send(text, true);
  }

  /** The screen's text; with `escapes`, with the colours and attributes as escape sequences. */
  screen(escapes = false): string {
    const flags = escapes ? ['-p', '-e'] : ['-p'];
    return execFileSync('tmux', ['capture-pane', ...flags, '-t', this.name], { encoding: 'utf8' });
  }

  /** Waits until the screen shows what `test` looks for, and returns it; fails after the timeout. */
  async waitFor(test: (screen: string) => boolean, timeoutMs = 10_000): Promise<string> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (test(screen)) return screen;
      if (Date.now() > until)
        throw new Error(`the screen never showed what was expected:\n${screen}`);
      await new Promise((done) => setTimeout(done, 50));
    }
  }

  /** Whether the program still runs: tmux ends the session when it exits. */
  isOpen(): boolean {
    try {
      execFileSync('tmux', ['has-session', '-t', this.name], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  }

  async waitForExit(timeoutMs = 10_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (this.isOpen()) {
      if (Date.now() > until) throw new Error(`still running:\n${this.screen()}`);
      await new Promise((done) => setTimeout(done, 50));
    }
  }

  close(): void {
    try {
      execFileSync('tmux', ['kill-session', '-t', this.name], { stdio: 'ignore' });
    } catch {
      // Already gone: the program exited and tmux closed the session.
    }
  }
}
