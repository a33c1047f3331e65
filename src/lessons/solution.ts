// Running a solution: the task's starting world, then the commands one by one as a learner would
// type them (a failing command is reported and the next one runs, as at a prompt), then the grade.
// A command that asks (`aws configure`, an MFA code) takes the next lines as its answers, a blank
// one too; elsewhere blank lines run nothing. Answers are not reported: they may be secrets.
import type { ConsoleSession } from '../console/session.js';
import { endOfInput, runLine, type LineResult } from '../console/shell.js';
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
  const runs: CommandRun[] = [];
  /** The line whose command asks, while the next lines answer it. */
  let asking: string | undefined;
  const record = (command: string, result: LineResult) => {
    if (result.kind === 'question') {
      asking = command;
      return;
    }
    asking = undefined;
    runs.push(
      result.kind === 'done'
        ? { command, exitCode: result.exitCode, error: result.stderr.trim() }
        : { command, exitCode: 2, error: result.message },
    );
  };
  for (const command of commands) {
    if (asking === undefined && command.trim() === '') continue;
    record(asking ?? command, runLine(session, command));
  }
  // The solution ends while a command still asks: it gets no answer, as at the end of a file.
  while (asking !== undefined) record(asking, endOfInput(session));
  return { ok: true, grade: gradeTask(task, session), commands: runs, session };
}
