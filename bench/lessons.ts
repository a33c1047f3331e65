// The lesson engine's figures (issue 4): grading a task after a command (its checks, probes and
// misconception detectors), against one plain console command measured in the same run; and
// loading a course's worth of lesson files, against parsing the same YAML alone.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { runLine } from '../src/console/shell.js';
import { gradeTask } from '../src/lessons/grade.js';
import { loadLesson, loadLessons } from '../src/lessons/load.js';
import type { TaskStep } from '../src/lessons/schema.js';
import { runSolution } from '../src/lessons/solution.js';
import { fmt, header, median, REPEATS, row } from './stats.js';

const FIXTURE = 'test/lessons/fixtures/good/01-app-on-ec2.yaml';
/** The course has eight lessons; the fixture stands in for each of them. */
const COURSE_SIZE = 8;

function timeEach(action: () => unknown, rounds: number): number[] {
  return Array.from({ length: rounds }, () => {
    const start = performance.now();
    action();
    return performance.now() - start;
  });
}

export function lessonsBenchmark(): void {
  const text = readFileSync(FIXTURE, 'utf8');
  const loaded = loadLesson({ path: FIXTURE, text });
  if (!loaded.ok) throw new Error('the benchmark lesson does not load');
  const { lesson } = loaded;
  const task = lesson.steps.find((step): step is TaskStep => step.kind === 'task');
  if (!task) throw new Error('the benchmark lesson has no task');
  const run = runSolution(lesson, task, task.solution);
  if (!run.ok) throw new Error(run.message);
  const { session } = run;
  // A lived-in account: thirty more users and a running instance (so that the shell condition
  // on the instance runs), as a learner's experiments leave it.
  for (let i = 0; i < 30; i++) runLine(session, `aws iam create-user --user-name extra-${i}`);
  runLine(session, 'aws ec2 run-instances --image-id ami-0fff1b9a61dec8a5f');

  const grade = median(
    Array.from({ length: REPEATS }, () => median(timeEach(() => gradeTask(task, session), 100))),
  );
  const command = median(
    Array.from({ length: REPEATS }, () =>
      median(timeEach(() => runLine(session, 'aws iam get-user --user-name extra-1'), 100)),
    ),
  );
  const files = Array.from({ length: COURSE_SIZE }, (_, i) => ({
    path: `lessons/0${i}-app-on-ec2.yaml`,
    text,
  }));
  const load = median(
    Array.from({ length: REPEATS }, () => median(timeEach(() => loadLessons(files), 10))),
  );
  const yamlOnly = median(
    Array.from({ length: REPEATS }, () =>
      median(timeEach(() => files.map((f): unknown => parse(f.text)), 10)),
    ),
  );
  const checks =
    task.checks.length + (task.probes ?? []).length + (task.misconceptions ?? []).length;

  console.log(`iam-tutor lesson engine benchmark (median of ${REPEATS} runs)`);
  console.log(
    `grading a task (${checks} checks, probes and misconception detectors) in a world of ` +
      `${Object.keys(session.world.accounts['111122223333']?.iam.users ?? {}).length} users: ` +
      `${fmt(grade, 2)} ms; one console command (get-user) ${fmt(command, 3)} ms (${fmt(grade / command, 1)}x)`,
  );
  console.log(
    `loading ${COURSE_SIZE} lesson files (${fmt(text.length / 1024, 1)} KB each): ${fmt(load, 2)} ms; ` +
      `parsing their YAML alone ${fmt(yamlOnly, 2)} ms (${fmt(load / yamlOnly, 1)}x)`,
  );
  console.log('');
  console.log(header());
  console.log(row('grade a task after a command', `${fmt(grade, 2)} ms`, '< 20 ms', grade < 20));
  console.log(row(`load ${COURSE_SIZE} lessons`, `${fmt(load, 2)} ms`, '< 50 ms', load < 50));
}
