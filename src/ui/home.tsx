// Home: the course's (or the lesson pack's) title and description, "Continue where you left off"
// first, the lessons in order with a status mark, minutes and score, a broken lesson with its
// reason, the built-in course under its heading when a pack shows it too, the sandbox, and the
// overall progress. Each section's records are its own progress.
import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import SelectInput from 'ink-select-input';
import type { LoadedLesson } from '../lessons/load.js';
import type { Lesson } from '../lessons/schema.js';
import { scoreLesson } from '../lessons/score.js';
import { lessonStatus, type LessonRecord, type LessonStatus } from '../progress/progress.js';
import { HOME_KEYS, KeysHelp } from './keys-help.js';
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

export function Home({
  title,
  description,
  sections,
  onChoose,
}: {
  title: string;
  description: string | undefined;
  sections: readonly HomeSection[];
  onChoose: (choice: HomeChoice) => void;
}) {
  const [help, setHelp] = useState(false);
  useInput((input, key) => {
    if (input === '?') setHelp((shown) => !shown);
    else if (key.escape) setHelp(false);
  });
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
  const items: { key: string; label: string; value: HomeChoice }[] = [];
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
  return (
    <Box flexDirection="column">
      <Text bold>{printable(title)}</Text>
      {description === undefined ? null : <Text>{printable(description)}</Text>}
      <Text dimColor>
        {loaded.length === 0
          ? 'No lessons found.'
          : `${completed} of ${loaded.length} lessons completed`}
      </Text>
      <Box marginTop={1}>
        <SelectInput
          items={items}
          onSelect={(item) => {
            onChoose(item.value);
          }}
        />
      </Box>
      {help ? (
        <KeysHelp keys={HOME_KEYS} />
      ) : (
        <Text dimColor>?: keys · Enter: choose · Ctrl+C: quit</Text>
      )}
    </Box>
  );
}
