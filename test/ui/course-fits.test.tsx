// Every step of the built-in course fits an 80x24 terminal (the smallest comfortable
// window): a frame as tall as the terminal makes Ink clear the screen on every render, and text
// below the window cannot be read. Each step is drawn at 80 columns with its answer shown, plus
// the rows the lesson screen adds around it (title, margins, notice, footer, the app's own).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderToString } from 'ink';
import { describe, expect, it } from 'vitest';
import { readLessonFolder } from '../../src/commands/lesson-files.js';
import { predictOutcome } from '../../src/lessons/predict.js';
import type { Lesson, Step } from '../../src/lessons/schema.js';
import { starterLesson } from '../../src/lessons/starter-lesson.js';
import { PredictStep } from '../../src/ui/predict-step.js';
import { QuizStep } from '../../src/ui/quiz-step.js';
import { ReadStep } from '../../src/ui/read-step.js';
import { TaskStep } from '../../src/ui/task-step.js';

const COLUMNS = 80;
const ROWS = 24;
/** The lesson's title and the margin under it, the footer, a notice, the app's message row. */
const CHROME = 5;
/** What the lesson screen gives a task (app.tsx and lesson-view.tsx). */
const TASK_HEIGHT = ROWS - CHROME;

const folder = readLessonFolder(new URL('../../lessons', import.meta.url).pathname);
const lessons = folder.ok ? folder.lessons.flatMap((l) => (l.ok ? [l.lesson] : [])) : [];

const rows = (element: React.JSX.Element) =>
  renderToString(element, { columns: COLUMNS }).split('\n').length;

function stepRows(lesson: Lesson, step: Step): number {
  switch (step.kind) {
    case 'read':
      return rows(<ReadStep step={step} />);
    case 'quiz': {
      // The most feedback an answer can show: every option's when several may be ticked, the
      // longest one's otherwise.
      const longest = step.options.reduce((a, b) =>
        a.feedback.length >= b.feedback.length ? a : b,
      );
      const feedback = step.multiple ? step.options.map((o) => o.feedback) : [longest.feedback];
      const answer = { right: false, feedback };
      return rows(
        <QuizStep step={step} answer={answer} onAnswer={() => undefined} isActive={false} />,
      );
    }
    case 'predict': {
      const answer = { right: false, feedback: [], outcome: predictOutcome(lesson, step) };
      return rows(
        <PredictStep step={step} answer={answer} onAnswer={() => undefined} isActive={false} />,
      );
    }
    case 'task':
      return rows(
        <TaskStep
          lesson={lesson}
          step={step}
          send={() => ({ kind: 'ignored', reason: '' })}
          completion={() => []}
          height={TASK_HEIGHT}
          onLeave={() => undefined}
        />,
      );
  }
}

describe('the course in an 80x24 terminal', () => {
  for (const lesson of lessons) {
    it(`${lesson.id}: every step fits`, () => {
      const tooTall = lesson.steps
        .map((step) => ({ step: step.id, rows: stepRows(lesson, step) + CHROME }))
        .filter((s) => s.rows >= ROWS);
      expect(tooTall).toEqual([]);
    });
  }
});

describe('the starter lesson of `new lesson` in an 80x24 terminal', () => {
  it('every step fits', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iam-tutor-fits-'));
    try {
      writeFileSync(join(dir, '01-starter.yaml'), starterLesson('starter'));
      const starter = readLessonFolder(dir);
      const lesson = starter.ok && starter.lessons[0]?.ok ? starter.lessons[0].lesson : undefined;
      if (lesson === undefined) throw new Error('the starter lesson does not load');
      const tooTall = lesson.steps
        .map((step) => ({ step: step.id, rows: stepRows(lesson, step) + CHROME }))
        .filter((s) => s.rows >= ROWS);
      expect(tooTall).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a task in a short window', () => {
  it('keeps the console six rows: the goal is cut with a pointer, the checklist counts', () => {
    const fixture = readLessonFolder(new URL('../lessons/fixtures/good', import.meta.url).pathname);
    const lesson = fixture.ok && fixture.lessons[0]?.ok ? fixture.lessons[0].lesson : undefined;
    const step = lesson?.steps.find((s) => s.kind === 'task');
    if (lesson === undefined || step?.kind !== 'task') throw new Error('no fixture task');
    const frame = renderToString(
      <TaskStep
        lesson={lesson}
        step={step}
        send={() => ({ kind: 'ignored', reason: '' })}
        completion={() => []}
        height={12}
        onLeave={() => undefined}
      />,
      { columns: COLUMNS },
    );
    expect(frame.split('\n').length).toBeLessThanOrEqual(12);
    // At the start nothing is made: the probes on the role cannot hold yet either.
    expect(frame).toContain('0 of 3 checks pass · 0 of 2 limits hold · 4 more to do: type check');
    expect(frame).toContain('… (type goal to read all of it)');
    expect(frame).toContain('learner@laptop:~$');
  });
});
