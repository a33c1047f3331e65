// What the task's prompt answers, without Ink: the tutor's words through the lesson's real
// runner, `restart` asked twice, `home`, `check` listing every check, and a command's output
// with the line that says the task is complete.
import { describe, expect, it } from 'vitest';
import { COURSE_LEARNER } from '../../src/lessons/learner.js';
import { startLesson, step, type LessonEvent } from '../../src/lessons/runner.js';
import { openTask, type TaskSession } from '../../src/lessons/task-session.js';
import { replyToLine, type TaskContext } from '../../src/ui/task-replies.js';
import { fixtureLesson, taskOf } from '../lessons/helpers.js';

const lesson = fixtureLesson('good/01-app-on-ec2.yaml');
const task = taskOf(lesson, 'role-for-app');

function atTask() {
  let state = { ...startLesson(lesson), step: lesson.steps.indexOf(task) };
  const events: LessonEvent[] = [];
  const context: TaskContext = {
    lesson,
    step: task,
    learner: COURSE_LEARNER,
    send: (event) => {
      events.push(event);
      const next = step(lesson, state, event);
      state = next.state;
      return next.outcome;
    },
    completion: () => ['Lesson complete.'],
  };
  const opened = openTask(lesson, task);
  if (!opened.ok) throw new Error(opened.message);
  let session: TaskSession = opened.session;
  let restartAsked = false;
  const type = (line: string) => {
    const reply = replyToLine(session, line, restartAsked, context);
    restartAsked = reply.restartAsked;
    if (reply.opened?.ok) session = reply.opened.session;
    return reply;
  };
  return { type, events, session: () => session };
}

describe('the replies of the task prompt', () => {
  it('gives hints in tiers and lists every check on `check`', () => {
    const { type } = atTask();
    expect(type('hint').lines).toEqual([
      "Hint 1 of 2: The role's trust policy names the service that uses it.",
    ]);
    const checked = type('check').lines;
    expect(checked[0]).toBe('✗ Not yet:');
    expect(checked).toContain('  · The role app trusts EC2');
    expect(checked.slice(1).every((line) => /^ {2}[✓·] /.test(line))).toBe(true);
  });

  it('runs a command, saves the world and grades it; the last one says the task is complete', () => {
    const { type, events } = atTask();
    const created = type('aws iam list-roles --query "length(Roles)"');
    expect(created.lines).toEqual(['0']);
    expect(events.map((e) => e.type)).toEqual(['graded', 'save-world']);
    const replies = task.solution.map((command) => type(command));
    expect(replies.at(-1)?.lines.at(-1)).toBe(
      '✓ Task complete: every check passes. Type next to go on.',
    );
  });

  it('restarts only when restart is typed twice in a row, with a fresh world saved', () => {
    const { type, events, session } = atTask();
    type(task.solution[0] ?? '');
    const before = session();
    // The work to lose: a check holds before the restart, and none after it.
    expect(before.grade.checks.some((c) => c.holds)).toBe(true);
    const asked = type('restart');
    expect(asked.restartAsked).toBe(true);
    expect(asked.opened).toBeUndefined();
    // Anything in between asks again.
    type('goal');
    expect(type('restart').restartAsked).toBe(true);
    const restarted = type('restart');
    expect(restarted.lines).toEqual(['The task starts over: its world is as it was at the start.']);
    expect(session()).not.toBe(before);
    expect(session().grade.checks.every((c) => !c.holds)).toBe(true);
    expect(events.at(-1)?.type).toBe('save-world');
  });

  it('leaves on home, and prints the goal on goal', () => {
    const { type } = atTask();
    expect(type('home')).toMatchObject({ leave: true, lines: [] });
    expect(type('goal').lines.join(' ')).toContain(task.goal.split('\n')[0] ?? '');
  });
});
