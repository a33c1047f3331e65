// The binary's own surface: help, version, and what it says to a mistyped command.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
      'Usage: iam-tutor [--lessons DIR] [--seed TEXT] [--data-dir DIR] [--no-color] [--plain]',
    );
    expect(stdout).toContain('grade LESSON --solution FILE');
    expect(stdout).toContain('new lesson NAME [--dir DIR]');
    expect(stdout).toContain('offline');
  });

  it('without a terminal, the tutorial says which commands work without one, exit 2', () => {
    const { status, stdout, stderr } = runCli([]);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      'iam-tutor: the tutorial needs a terminal. Without one, use: iam-tutor list',
    );
    expect(stderr).toContain('new lesson NAME');
  });

  it('says a command comes before its options (iam-tutor --lessons DIR list), exit 2', () => {
    expect(runCli(['--lessons', 'lessons', 'list'])).toEqual({
      status: 2,
      stdout: '',
      stderr:
        "iam-tutor: unexpected 'list' after the options: a command comes first, then its options (iam-tutor list --lessons lessons)\n",
    });
  });

  it('refuses a seed that is not one short line, from the flag or IAM_TUTOR_SEED, exit 2', () => {
    const flag = runCli(['--seed', 'x'.repeat(300)]);
    expect(flag).toEqual({
      status: 2,
      stdout: '',
      stderr: 'iam-tutor: --seed: the seed is 300 characters long; at most 200\n',
    });
    const env = runCli([], undefined, { IAM_TUTOR_SEED: 'a\tb' });
    expect(env.status).toBe(2);
    expect(env.stderr).toBe(
      'iam-tutor: IAM_TUTOR_SEED: the seed has a control character (a line break?); give it on one line\n',
    );
  });

  it('new lesson writes a starter lesson that lessons check passes, and refuses a bad name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iam-tutor-cli-new-'));
    try {
      const made = runCli(['new', 'lesson', 'starter', '--dir', dir]);
      expect(made).toMatchObject({ status: 0, stderr: '' });
      expect(readdirSync(dir).sort()).toEqual(['01-starter.yaml', 'lesson.schema.json']);
      const check = runCli(['lessons', 'check', dir]);
      expect(check.stdout).toContain('all 11 checks passed');
      expect(check.status).toBe(0);
      const bad = runCli(['new', 'lesson', 'Starter!', '--dir', dir]);
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain('"Starter!" cannot be a lesson id');
      expect(runCli(['new', 'lesson', 'starter', '--dir', dir]).status).toBe(2);
      expect(readdirSync(dir)).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
