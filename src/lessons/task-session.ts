// A task being worked on: its console session, graded after every command, as the tutorial and
// its screens use it. `goal`, `hint`, `check`, `solution`, `restart`, `next`, `back` and `home` typed at the prompt
// are the tutor's words, not the shell's; everything else runs in the console. While a command
// asks a question, every line is its answer, the tutor's words too.
import { restoreSession, snapshotSession } from '../console/session-file.js';
import type { ConsoleSession, LineOutput } from '../console/session.js';
import { runLine } from '../console/shell.js';
import { gradeTask, type TaskGrade } from './grade.js';
import type { Lesson, TaskStep } from './schema.js';
import { COURSE_LEARNER, type Learner } from './learner.js';
import { startWorld } from './task-world.js';

export interface TaskSession {
  task: TaskStep;
  console: ConsoleSession;
  grade: TaskGrade;
}

export type OpenedTask = { ok: true; session: TaskSession } | { ok: false; message: string };

/**
 * The task's world: where the learner left it (a saved snapshot), or its starting world. A saved
 * world of other accounts (the learner's seed changed since) would not match the lesson's text
 * and checks, so the task starts again.
 */
export function openTask(
  lesson: Lesson,
  task: TaskStep,
  saved?: string,
  learner: Learner = COURSE_LEARNER,
): OpenedTask {
  const restored = saved === undefined ? undefined : restoreSession(saved);
  let world: ConsoleSession;
  if (restored?.ok && learner.accounts.own in restored.session.world.accounts)
    world = restored.session;
  else {
    const started = startWorld(lesson, task, learner);
    if (!started.ok) return { ok: false, message: `the lesson's setup failed: ${started.command}` };
    world = started.session;
  }
  return { ok: true, session: { task, console: world, grade: gradeTask(task, world) } };
}

/** The tutor's own words at the prompt. */
export type TutorWord =
  'goal' | 'hint' | 'check' | 'solution' | 'restart' | 'next' | 'back' | 'home';

const TUTOR_WORDS = new Set<string>([
  'goal',
  'hint',
  'check',
  'solution',
  'restart',
  'next',
  'back',
  'home',
]);

export type TypedLine =
  | { kind: 'tutor'; word: TutorWord }
  | { kind: 'incomplete'; message: string }
  /** It ran, or ran until a command asked (`session.console.question`): what it printed. */
  | { kind: 'ran'; output: Pick<LineOutput, 'stdout' | 'stderr'>; grade: TaskGrade };

/** Runs a line the learner typed and grades the task again. */
export function typeLine(session: TaskSession, line: string): TypedLine {
  const word = line.trim();
  if (session.console.question === undefined && TUTOR_WORDS.has(word))
    return { kind: 'tutor', word: word as TutorWord };
  const result = runLine(session.console, line);
  if (result.kind === 'incomplete') return { kind: 'incomplete', message: result.message };
  session.grade = gradeTask(session.task, session.console);
  return { kind: 'ran', output: result, grade: session.grade };
}

/** The task's world to save with the learner's progress. */
export const taskSnapshot = (session: TaskSession): string => snapshotSession(session.console);
