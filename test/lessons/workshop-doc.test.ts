// docs/workshop.md and docs/grade-output.schema.json promise instructors a stable, versioned
// output and ready workflows: the commands they show name real lessons and tasks of the pinned
// version, the GitHub Classroom workflow is wired as its reporter expects, and every `grade
// --json` output, the doc's example included, is what the schema describes (nothing more).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { gradeCommand } from '../../src/commands/grade.js';
import { readLessonFolder } from '../../src/commands/lesson-files.js';
import type { TaskStep } from '../../src/lessons/schema.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const doc = read('docs/workshop.md');
const schema = JSON.parse(read('docs/grade-output.schema.json')) as Record<string, unknown>;
const { version } = JSON.parse(read('package.json')) as { version: string };
const blocks = (language: string) =>
  [...doc.matchAll(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``, 'g'))].map(
    (m) => m[1] ?? '',
  );

const folder = readLessonFolder(new URL('../../lessons', import.meta.url).pathname);
const lessons = folder.ok ? folder.lessons.flatMap((l) => (l.ok ? [l.lesson] : [])) : [];

/** The schema with no properties beyond the ones it names: a new field must be documented. */
function closed(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closed);
  if (node === null || typeof node !== 'object') return node;
  const copy = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, closed(v)]));
  return 'properties' in copy ? { ...copy, additionalProperties: false } : copy;
}
const validate = new Ajv2020({ allErrors: true }).compile(closed(schema) as object);

interface WorkflowStep {
  id?: string;
  uses?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

/** The fields of a grade output the example is compared on. */
interface GradeOutput {
  lesson: string;
  task: string;
  checks: unknown[];
  commands: { command: string }[];
}

const grade = (lesson: string, task: string, solution: readonly string[]) =>
  gradeCommand(['--json', lesson, '--task', task, '--solution', '-'], () => solution.join('\n'));

describe('docs/workshop.md', () => {
  it('pins the package version in every npx command', () => {
    const pinned = [...doc.matchAll(/iam-tutor@(\d+\.\d+\.\d+)/g)].map((m) => m[1]);
    expect(pinned.length).toBeGreaterThan(3);
    expect(new Set(pinned)).toEqual(new Set([version]));
  });

  it('grades only lessons and tasks that exist', () => {
    const graded = [...doc.matchAll(/grade ([a-z0-9-]+) --task ([a-z0-9-]+)/g)];
    expect(graded.length).toBeGreaterThanOrEqual(3);
    for (const [, lessonId, taskId] of graded) {
      const lesson = lessons.find((l) => l.id === lessonId);
      expect(
        lesson?.steps.some((s) => s.kind === 'task' && s.id === taskId),
        taskId,
      ).toBe(true);
    }
  });

  it("wires the GitHub Classroom workflow as its reporter expects (a runner per grader's id)", () => {
    const workflow = blocks('yaml').map((text) => parse(text) as Record<string, unknown>)[0] as {
      jobs: Record<string, { steps: WorkflowStep[] }>;
    };
    const steps = Object.values(workflow.jobs)[0]?.steps ?? [];
    const graders = steps.filter(
      (s) => s.uses === 'classroom-resources/autograding-command-grader@v1',
    );
    expect(graders.length).toBeGreaterThanOrEqual(2);
    for (const step of graders) {
      expect(Object.keys(step.with ?? {}).sort()).toEqual([
        'command',
        'max-score',
        'setup-command',
        'test-name',
        'timeout',
      ]);
    }
    // The command grader gives its command only PATH and HOME of the job's environment
    // (github-education-resources/autograding#19): a job's IAM_TUTOR_SEED would not reach it.
    expect(steps.some((s) => s.env?.IAM_TUTOR_SEED !== undefined)).toBe(false);
    for (const step of graders) {
      expect(step.with?.command).toMatch(/ --seed "\$\{\{ github\.repository \}\}"$/);
    }
    const reporter = steps.find(
      (s) => s.uses === 'classroom-resources/autograding-grading-reporter@v1',
    );
    const ids = graders.map((s) => s.id ?? '');
    expect(reporter?.with?.runners).toBe(ids.join(','));
    expect(reporter?.env).toEqual(
      Object.fromEntries(
        ids.map((id) => [`${id.toUpperCase()}_RESULTS`, `\${{steps.${id}.outputs.result}}`]),
      ),
    );
  });

  it("shows a JSON example that is a real output, cut to its first check, and the schema's", () => {
    const [example] = blocks('json').map((text) => JSON.parse(text) as GradeOutput);
    if (example === undefined) throw new Error('no JSON example');
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
    // A field the schema does not name (added without documenting it) is refused.
    expect(validate({ ...example, score: 100 })).toBe(false);
    expect(validate({ ...example, checks: [{ ...(example.checks[0] as object), why: '' }] })).toBe(
      false,
    );
    const commands = example.commands.map((run) => run.command);
    const real = JSON.parse(grade(example.lesson, example.task, commands).stdout) as GradeOutput;
    expect({ ...real, checks: real.checks.slice(0, 1) }).toEqual(example);
  });
});

describe('grade --json, version 1', () => {
  it('is what docs/grade-output.schema.json describes, passing, failing and with feedback', () => {
    let withFeedback = 0;
    for (const lesson of lessons) {
      // A task of each lesson, with its reference and its wrong solutions (lessons check runs
      // them all; this is about the output's shape).
      for (const task of lesson.steps.filter((s): s is TaskStep => s.kind === 'task').slice(0, 1)) {
        const solutions = [task.solution, ...(task.wrongSolutions ?? []).map((w) => w.commands)];
        for (const solution of solutions) {
          const out = JSON.parse(grade(lesson.id, task.id, solution).stdout) as {
            feedback: unknown[];
          };
          expect(validate(out), `${lesson.id}/${task.id}: ${JSON.stringify(validate.errors)}`).toBe(
            true,
          );
          if (out.feedback.length > 0) withFeedback += 1;
        }
      }
    }
    expect(withFeedback).toBeGreaterThan(5);
  });

  it('names the same version in the JSON, the JUnit report, the schema and the doc', () => {
    const lesson = lessons[0];
    const task = lesson?.steps.find((s): s is TaskStep => s.kind === 'task');
    if (lesson === undefined || task === undefined) throw new Error('no task');
    const file = join(mkdtempSync(join(tmpdir(), 'iam-tutor-junit-')), 'report.xml');
    const out = gradeCommand(
      [lesson.id, '--task', task.id, '--solution', '-', '--json', '--junit', file],
      () => task.solution.join('\n'),
    );
    const { version: outputVersion } = JSON.parse(out.stdout) as { version: number };
    const suites = `<testsuites name="iam-tutor grade v${outputVersion}"`;
    expect(readFileSync(file, 'utf8')).toContain(suites);
    expect(doc).toContain(`${suites}>`);
    expect(doc).toContain(`"format": "iam-tutor-grade", "version": ${outputVersion}`);
    expect(schema.title).toBe(`iam-tutor grade --json, version ${outputVersion}`);
  });
});
