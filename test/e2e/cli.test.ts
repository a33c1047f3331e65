// The binary's own surface: help, version, and what it says to a mistyped command.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

describe('iam-tutor CLI', () => {
  it('--version prints the package version', () => {
    expect(runCli(['--version'])).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
    expect(runCli(['-v']).stdout).toBe(`${version}\n`);
  });

  it('--help lists the commands and says it works offline', () => {
    const { status, stdout } = runCli(['--help']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^iam-tutor \d+\.\d+\.\d+/);
    expect(stdout).toContain(
      'Usage: iam-tutor [--lessons DIR] [--data-dir DIR] [--no-color] [--plain]   the interactive tutorial',
    );
    expect(stdout).toContain('grade LESSON --solution FILE');
    expect(stdout).toContain('offline');
  });

  it('without a terminal, the tutorial says which commands work without one, exit 2', () => {
    const { status, stdout, stderr } = runCli([]);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      'iam-tutor: the tutorial needs a terminal. Without one, use: iam-tutor list',
    );
  });

  it('an unknown command exits 2 with a pointer to --help', () => {
    const { status, stdout, stderr } = runCli(['frobnicate']);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      "iam-tutor: unknown command or option: frobnicate\nRun 'iam-tutor --help' for usage.\n",
    );
  });
});
