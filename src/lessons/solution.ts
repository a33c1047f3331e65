// Running a solution: the task's starting world, then the commands one by one as a learner would
// type them (a failing command is reported and the next one runs, as at a prompt), then the grade.
import type { ConsoleSession } from '../console/session.js';
import { runLine } from '../console/shell.js';
import { gradeTask, type TaskGrade } from './grade.js';
import { COURSE_LEARNER, type Learner } from './learner.js';
import type { Lesson, TaskStep } from './schema.js';
import { startWorld } from './task-world.js';

export interface CommandRun {
  command: string;
  exitCode: number;
  /** What it printed on stderr (or why the line was incomplete). */
  error: string;
}

export type SolutionRun =
  | { ok: true; grade: TaskGrade; commands: CommandRun[]; session: ConsoleSession }
  /** The task's own setup failed: the lesson is broken, not the solution. */
  | { ok: false; message: string };

/** The commands run in the task's world of this learner; the lesson as this learner sees it. */
export function runSolution(
  lesson: Lesson,
  task: TaskStep,
  commands: readonly string[],
  learner: Learner = COURSE_LEARNER,
): SolutionRun {
  const started = startWorld(lesson, task, learner);
  if (!started.ok) {
    return { ok: false, message: `setup command failed: ${started.command}\n${started.output}` };
  }
  const { session } = started;
  const runs = commands.map((command): CommandRun => {
    const result = runLine(session, command);
    return result.kind === 'done'
      ? { command, exitCode: result.exitCode, error: result.stderr.trim() }
      : { command, exitCode: 2, error: result.message };
  });
  return { ok: true, grade: gradeTask(task, session), commands: runs, session };
}
