// `lessons check`: every way a lesson can be wrong is found, and a right one passes whole.
import { describe, expect, it } from 'vitest';
import { lessonsCommand } from '../../src/commands/lessons.js';

const dir = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

describe('iam-tutor lessons check', () => {
  it('passes a lesson whose predictions, solutions, wrong solutions and probes agree', () => {
    const output = lessonsCommand(['check', dir('good')]);
    expect(output.exitCode).toBe(0);
    expect(output.stdout).toContain('all 13 checks passed');
    expect(output.stdout).toContain(
      '✓ ok    app-on-ec2  role-for-app            mutant: command 2, statement 1: Resource widened to "*"',
    );
    // A document AWS refuses cannot over-grant, and says so instead of counting as caught.
    expect(output.stdout).toContain('Action widened to sts:* (AWS refuses it)');
  });

  it('finds each mistake, with why, and exits 1', () => {
    const output = lessonsCommand(['check', dir('bad')]);
    expect(output.exitCode).toBe(1);
    const failures = output.stdout
      .split('\n')
      .filter((line) => line.startsWith('✗'))
      .map((line) => line.replace(/\s+/g, ' '));
    expect(failures).toEqual([
      '✗ FAIL leaky wrong-answer answer is allowed',
      '✗ FAIL leaky already-done fails as it starts',
      '✗ FAIL leaky loose-probe wrong: Read-only for every bucket',
      '✗ FAIL leaky loose-probe wrong: A typo, not a mistake',
      '✗ FAIL leaky loose-probe mutant: command 1, statement 1: Resource widened to "*"',
      expect.stringMatching(/^✗ FAIL \S*02-broken\.yaml loads$/),
    ]);
    expect(output.stdout).toContain('the engine decides implicitDeny');
    expect(output.stdout).toContain('it passes: add a probe that catches it');
    expect(output.stdout).toMatch(/02-broken\.yaml:2:1: not valid YAML: /);
    expect(output.stdout).toContain('6 of 13 checks failed');
    expect(output.stdout).toContain('AmazonS3FullAcess` failed: An error occurred (NoSuchEntity)');
  });

  it('says what is wrong with its arguments, exit 2', () => {
    expect(lessonsCommand(['check', dir('none')])).toMatchObject({
      exitCode: 2,
      stderr: expect.stringContaining('no such folder') as string,
    });
    expect(lessonsCommand(['check', dir('good'), 'more']).exitCode).toBe(2);
    expect(lessonsCommand(['inspect']).stderr).toContain(
      'unknown action: inspect (check or schema)',
    );
    expect(lessonsCommand(['check', dir('good'), '--seed', ''])).toMatchObject({
      exitCode: 2,
      stderr: expect.stringContaining('--seed: the seed is empty') as string,
    });
  });

  it('prints the JSON Schema', () => {
    const output = lessonsCommand(['schema']);
    expect(JSON.parse(output.stdout)).toMatchObject({ title: 'iam-tutor lesson', type: 'object' });
  });
});
