// What the task's prompt answers to a line: the tutor's words (`goal`, `hint`, `check`,
// `solution`, `restart`, `next`, `back`, `home`) become lesson events and their outcome in words;
// anything else runs in the console, is graded, and the world is saved. Pure apart from `send`,
// the lesson's runner, so the task screen only draws what this returns.
import type { CheckResult } from '../lessons/grade.js';
import type { Learner } from '../lessons/learner.js';
import type { LessonEvent, Outcome } from '../lessons/runner.js';
import type { Lesson, TaskStep } from '../lessons/schema.js';
import {
  openTask,
  taskSnapshot,
  typeLine,
  type OpenedTask,
  type TaskSession,
  type TutorWord,
} from '../lessons/task-session.js';
import { reflow } from './reflow.js';

export interface TaskContext {
  lesson: Lesson;
  step: TaskStep;
  learner: Learner;
  send: (event: LessonEvent) => Outcome;
  /** What to print when the lesson ends with this task: the score and what comes next. */
  completion: () => string[];
}

export interface Reply {
  lines: string[];
  /** The task as it is after the line: a fresh one after a confirmed `restart`. */
  opened?: OpenedTask;
  /** `restart` loses the work done in the task: it asks to be typed twice in a row. */
  restartAsked: boolean;
  /** `home`: the learner leaves the lesson. */
  leave: boolean;
}

/** A check as a line: a mark, never colour alone, and its title. */
export const checkText = (check: CheckResult) => `${check.holds ? '✓' : '·'} ${check.title}`;

const outputLines = (text: string) => text.replace(/\n$/, '').split('\n');

function outcomeLines(outcome: Outcome, completion: () => string[]): string[] {
  switch (outcome.kind) {
    case 'hint':
      return [`Hint ${outcome.tier} of ${outcome.of}: ${outcome.text}`];
    case 'solution':
      return [
        outcome.passed
          ? 'A reference solution (yours passed, and still counts):'
          : 'A solution (the task now counts as seen, not solved):',
        ...outcome.commands.map((c) => `  ${c}`),
      ];
    case 'blocked':
    case 'ignored':
      return [outcome.reason];
    case 'graded':
      return [outcome.passed ? '✓ All checks pass.' : '✗ Not yet:'];
    case 'moved':
      return outcome.last ? [...completion(), "Type 'home' to go back to Home."] : [];
    default:
      return [];
  }
}

/** The lesson event a word that speaks to the runner stands for. */
function tutorEvent(
  word: Exclude<TutorWord, 'goal' | 'home' | 'restart'>,
  session: TaskSession,
): LessonEvent {
  switch (word) {
    case 'check':
      return { type: 'graded', grade: session.grade, asked: true };
    case 'solution':
      return { type: 'show-solution' };
    default:
      return { type: word };
  }
}

function tutorReply(
  session: TaskSession,
  word: TutorWord,
  restartAsked: boolean,
  context: TaskContext,
): Reply {
  const reply = (lines: string[]): Reply => ({ lines, restartAsked: false, leave: false });
  if (word === 'home') return { ...reply([]), leave: true };
  if (word === 'goal') return reply(reflow(context.step.goal).split('\n'));
  if (word === 'restart' && !restartAsked) {
    return {
      ...reply([
        "restart puts the task's world back as it started: what you made in it is lost.",
        'Type restart again to do it.',
      ]),
      restartAsked: true,
    };
  }
  if (word === 'restart') {
    // The starting world again; hints taken and attempts made still count.
    const opened = openTask(context.lesson, context.step, undefined, context.learner);
    if (opened.ok) context.send({ type: 'save-world', world: taskSnapshot(opened.session) });
    return { ...reply(['The task starts over: its world is as it was at the start.']), opened };
  }
  const said = outcomeLines(context.send(tutorEvent(word, session)), context.completion);
  if (word !== 'check') return reply(said);
  // `check` lists every check, which a short window's checklist may not show.
  const list = [...session.grade.checks, ...session.grade.probes].map((c) => `  ${checkText(c)}`);
  return reply([...said, ...list]);
}

/** The reply to a line typed at the task's prompt (or made by a menu). */
export function replyToLine(
  session: TaskSession,
  line: string,
  restartAsked: boolean,
  context: TaskContext,
): Reply {
  const typed = typeLine(session, line);
  if (typed.kind === 'tutor') return tutorReply(session, typed.word, restartAsked, context);
  const reply = (lines: string[]): Reply => ({ lines, restartAsked: false, leave: false });
  if (typed.kind === 'incomplete')
    return reply([`(${typed.message}: finish the command on one line)`]);
  const printed = [typed.output.stdout, typed.output.stderr].filter(Boolean).flatMap(outputLines);
  const graded = context.send({ type: 'graded', grade: typed.grade, asked: false });
  context.send({ type: 'save-world', world: taskSnapshot(session) });
  const passed =
    graded.kind === 'graded' && graded.newlyPassed
      ? ['✓ Task complete: every check passes. Type next to go on.']
      : [];
  return reply([...printed, ...passed]);
}
