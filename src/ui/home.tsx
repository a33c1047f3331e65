// Home: "Continue where you left off" first, the lessons in order with a status mark, minutes and
// score, a broken lesson with its reason, the sandbox, and the overall progress.
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
  | { kind: 'lesson'; lesson: Lesson }
  | { kind: 'sandbox' }
  | { kind: 'broken'; reason: string }
  | { kind: 'quit' };

const MARKS: Record<LessonStatus, string> = {
  completed: '✓',
  'in-progress': '▸',
  'not-started': '·',
};

export function Home({
  lessons,
  records,
  onChoose,
}: {
  lessons: readonly LoadedLesson[];
  records: Readonly<Record<string, LessonRecord>>;
  onChoose: (choice: HomeChoice) => void;
}) {
  const [help, setHelp] = useState(false);
  useInput((input, key) => {
    if (input === '?') setHelp((shown) => !shown);
    else if (key.escape) setHelp(false);
  });
  const loaded = lessons.flatMap((entry) => (entry.ok ? [entry.lesson] : []));
  const completed = loaded.filter(
    (lesson) => lessonStatus(records[lesson.id]) === 'completed',
  ).length;
  const latest = (list: Lesson[]) =>
    [...list].sort((a, b) =>
      (records[b.id]?.lastActivity ?? '').localeCompare(records[a.id]?.lastActivity ?? ''),
    )[0];
  const resume = latest(loaded.filter((l) => lessonStatus(records[l.id]) === 'in-progress'));
  const notStarted = (lesson: Lesson) => lessonStatus(records[lesson.id]) === 'not-started';
  // With nothing in progress, once a lesson is done, the next one not done comes first: after
  // the lesson finished last (as its end screen said), else from the start.
  const finished = latest(loaded.filter((l) => lessonStatus(records[l.id]) === 'completed'));
  const upNext =
    resume === undefined && finished !== undefined
      ? (loaded.slice(loaded.indexOf(finished) + 1).find(notStarted) ?? loaded.find(notStarted))
      : undefined;
  const items: { key: string; label: string; value: HomeChoice }[] = [];
  if (resume)
    items.push({
      key: 'continue',
      label: `Continue: ${printable(resume.title)}`,
      value: { kind: 'lesson', lesson: resume },
    });
  else if (upNext)
    items.push({
      key: 'next',
      label: `Next: ${printable(upNext.title)}`,
      value: { kind: 'lesson', lesson: upNext },
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
    const status = lessonStatus(record);
    // A score shows once the lesson is done: midway, 0/100 would read as a failing grade.
    const score =
      status === 'completed' && record ? `  ${scoreLesson(lesson, record.state).score}/100` : '';
    items.push({
      key: lesson.id,
      label: `${MARKS[status]} ${i + 1}. ${printable(lesson.title)}  (${lesson.minutes} min)${score}`,
      value: { kind: 'lesson', lesson },
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
      <Text bold>iam-tutor: IAM users and roles, by doing</Text>
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
