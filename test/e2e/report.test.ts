// `iam-tutor report` through the built binary: Markdown on stdout by default, versioned JSON, and
// an HTML file whose format follows --out's extension.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { byTag, parseHtml, textOf } from '../lessons/html.js';
import { dataDir, emptyDataDir, LESSONS } from './learner-data.js';
import { runCli } from './run-cli.js';

const report = (dir: string, ...args: string[]) =>
  runCli(['report', ...LESSONS, '--data-dir', dir, ...args]);

describe('iam-tutor report', () => {
  it('prints Markdown by default: the lesson with its score, hints and time, and the total', () => {
    const run = report(dataDir());
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(
      /^# iam-tutor progress report\n\nLesson pack: good\. Generated \d{4}-\d\d-\d\d \d\d:\d\d UTC\. 0 of 1 lessons completed, 1 in progress; course score 67\/100/,
    );
    expect(run.stdout).toContain(
      '| An application on EC2 | ▸ in progress | 67 | 0/1 | 0/2 | 4 min | 2026-12-01 09:00 | 2026-12-01 09:04 |\n',
    );
    expect(run.stdout).toContain('| An application on EC2 | 46.7 | 6.7 | 6.7 | 6.7 | 67 |\n');
  });

  it('prints JSON with --format json, named and versioned', () => {
    const run = report(dataDir(), '--format', 'json');
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(json).toMatchObject({
      format: 'iam-tutor-report',
      version: 1,
      pack: { title: 'good' },
      lessons: [
        {
          id: 'app-on-ec2',
          status: 'in-progress',
          score: 67,
          tasksPassed: 0,
          hintsUsed: 0,
          secondsSpent: 240,
          firstActivity: '2026-12-01T09:00:00.000Z',
        },
      ],
      total: { lessons: 1, completed: 0, inProgress: 1, score: 67, secondsSpent: 240 },
    });
    expect(Date.parse(String(json.generatedAt))).not.toBeNaN();
  });

  it('writes HTML to --out FILE.html, says where, and the page parses', () => {
    const out = join(emptyDataDir(), 'alice.html');
    const run = report(dataDir(), '--out', out);
    expect(run).toEqual({
      status: 0,
      stdout: `Wrote the html report of 1 lesson to ${out}.\n`,
      stderr: '',
    });
    const { root } = parseHtml(readFileSync(out, 'utf8'));
    const [first] = byTag(byTag(root, 'tbody')[0] ?? root, 'tr');
    expect(textOf(first ?? root)).toContain('An application on EC2▸ in progress67');
  });

  it('reports a learner who has not started as such', () => {
    const run = report(emptyDataDir(), '--format', 'markdown');
    expect(run.stdout).toContain('| An application on EC2 | · not started | – |');
    expect(run.stdout).toContain('No lesson started yet.');
  });

  it.each([
    [['--format', 'pdf'], 'iam-tutor report: unknown format: pdf (markdown, json, html)\n'],
    [
      ['--out', '/no/such/dir/r.md'],
      'iam-tutor report: cannot write /no/such/dir/r.md: no such folder\n',
    ],
    [['extra'], 'iam-tutor report: no arguments expected, got: extra\n'],
  ])('refuses %j, exit 2', (args, stderr) => {
    expect(report(emptyDataDir(), ...args)).toEqual({ status: 2, stdout: '', stderr });
  });
});
