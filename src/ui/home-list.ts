// What Home lists, as data: "Continue" (the lesson worked on last) or "Next" (the one after the
// lesson finished last), each section's lessons with a status mark, minutes and score (the
// built-in course under its heading when a pack shows it too), a broken lesson with its reason,
// the sandbox and Quit; and how many lessons are done. Pure, so Home only draws it.
import type { LoadedLesson } from '../lessons/load.js';
import type { Lesson } from '../lessons/schema.js';
import { scoreLesson } from '../lessons/score.js';
import { lessonStatus, type LessonRecord, type LessonStatus } from '../progress/progress.js';
import { printable } from './printable.js';

export type HomeChoice =
  | { kind: 'lesson'; lesson: Lesson; progress: string }
  | { kind: 'sandbox' }
  | { kind: 'broken'; reason: string }
  | { kind: 'heading' }
  | { kind: 'quit' };

/** A section of the course (see lessons/pack.ts) with the learner's records of its lessons. */
export interface HomeSection {
  title: string;
  progress: string;
  lessons: readonly LoadedLesson[];
  records: Readonly<Record<string, LessonRecord>>;
}

const MARKS: Record<LessonStatus, string> = {
  completed: '✓',
  'in-progress': '▸',
  'not-started': '·',
};

export interface HomeItem {
  key: string;
  label: string;
  value: HomeChoice;
}

export interface HomeList {
  items: HomeItem[];
  /** Lessons that load, and how many of them are completed. */
  lessons: number;
  completed: number;
}

export function homeList(sections: readonly HomeSection[]): HomeList {
  const loaded = sections.flatMap(({ lessons, records, progress }) =>
    lessons.flatMap((entry) =>
      entry.ok ? [{ lesson: entry.lesson, record: records[entry.lesson.id], progress }] : [],
    ),
  );
  type Shown = (typeof loaded)[number];
  const status = (shown: Shown) => lessonStatus(shown.record);
  const completed = loaded.filter((shown) => status(shown) === 'completed').length;
  const latest = (list: Shown[]) =>
    [...list].sort((a, b) =>
      (b.record?.lastActivity ?? '').localeCompare(a.record?.lastActivity ?? ''),
    )[0];
  const resume = latest(loaded.filter((shown) => status(shown) === 'in-progress'));
  const notStarted = (shown: Shown) => status(shown) === 'not-started';
  // With nothing in progress, once a lesson is done, the next one not done comes first: after
  // the lesson finished last (as its end screen said), else from the start.
  const finished = latest(loaded.filter((shown) => status(shown) === 'completed'));
  const upNext =
    resume === undefined && finished !== undefined
      ? (loaded.slice(loaded.indexOf(finished) + 1).find(notStarted) ?? loaded.find(notStarted))
      : undefined;
  const items: HomeItem[] = [];
  if (resume)
    items.push({
      key: 'continue',
      label: `Continue: ${printable(resume.lesson.title)}`,
      value: { kind: 'lesson', lesson: resume.lesson, progress: resume.progress },
    });
  else if (upNext)
    items.push({
      key: 'next',
      label: `Next: ${printable(upNext.lesson.title)}`,
      value: { kind: 'lesson', lesson: upNext.lesson, progress: upNext.progress },
    });
  sections.forEach(({ lessons, records, progress, title: heading }, s) => {
    if (s > 0)
      items.push({
        key: `${progress}:`,
        label: `— ${printable(heading)} —`,
        value: { kind: 'heading' },
      });
    lessons.forEach((entry, i) => {
      if (!entry.ok) {
        const reason = `${entry.error.path}:${entry.error.line}: ${entry.error.message}`;
        items.push({
          key: entry.path,
          label: `✗ ${printable(entry.path)} (broken)`,
          value: { kind: 'broken', reason },
        });
        return;
      }
      const { lesson } = entry;
      const record = records[lesson.id];
      const mark = MARKS[lessonStatus(record)];
      // A score shows once the lesson is done: midway, 0/100 would read as a failing grade.
      const score =
        lessonStatus(record) === 'completed' && record
          ? `  ${scoreLesson(lesson, record.state).score}/100`
          : '';
      items.push({
        key: `${progress}:${lesson.id}`,
        label: `${mark} ${i + 1}. ${printable(lesson.title)}  (${lesson.minutes} min)${score}`,
        value: { kind: 'lesson', lesson, progress },
      });
    });
  });
  items.push({
    key: 'sandbox',
    label: 'Sandbox: a free world to experiment in',
    value: { kind: 'sandbox' },
  });
  items.push({ key: 'quit', label: 'Quit', value: { kind: 'quit' } });
  return { items, lessons: loaded.length, completed };
}
