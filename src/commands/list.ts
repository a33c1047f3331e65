// `iam-tutor list [--json]`: the lessons in order with their status and score.
import { parseArgs } from 'node:util';
import { formatLessonError } from '../lessons/load.js';
import { scoreLesson } from '../lessons/score.js';
import { lessonStatus } from '../progress/progress.js';
import { columns, DATA_OPTIONS, readLearnerData, taskCount } from './learner-data.js';
import type { CommandOutput } from './simulate.js';

export const LIST_HELP = `Usage: iam-tutor list [--json] [--lessons DIR] [--data-dir DIR]

The lessons in order, with their status and score: a lesson pack's (--lessons DIR or
$IAM_TUTOR_LESSONS), then the built-in course's when the pack shows it too, each with its own
progress. --json prints an array of {id, title, scenario, minutes, tasks, status, score,
section}; a lesson file that does not load has status "broken" and an "error".
`;

export function listCommand(args: string[]): CommandOutput {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, ...DATA_OPTIONS },
  });
  if (values.help) return { exitCode: 0, stdout: LIST_HELP, stderr: '' };
  if (positionals.length > 0) {
    return {
      exitCode: 2,
      stdout: '',
      stderr: `iam-tutor list: no arguments expected, got: ${positionals.join(' ')}\n`,
    };
  }
  const data = readLearnerData(values);
  if (!data.ok) return { exitCode: 2, stdout: '', stderr: `iam-tutor list: ${data.message}\n` };
  const { notices: stderr } = data;
  const bySection = data.sections.map(({ section, records }) =>
    section.lessons.map((entry) => {
      if (!entry.ok) {
        return {
          id: entry.path,
          title: null,
          scenario: null,
          minutes: null,
          tasks: null,
          status: 'broken',
          score: null,
          section: section.title,
          error: formatLessonError(entry.error),
        };
      }
      const { lesson } = entry;
      const record = records[lesson.id];
      return {
        id: lesson.id,
        title: lesson.title,
        scenario: lesson.scenario,
        minutes: lesson.minutes,
        tasks: taskCount(lesson),
        status: lessonStatus(record),
        score: record ? scoreLesson(lesson, record.state).score : null,
        section: section.title,
      };
    }),
  );
  const entries = bySection.flat();
  if (values.json) return { exitCode: 0, stdout: `${JSON.stringify(entries, null, 2)}\n`, stderr };
  // Numbered as Home numbers them: from 1 in each section, under its title when there are several.
  const tables = bySection.map((section) => {
    const rows = section.map((e, i) => [
      String(i + 1),
      e.title ?? e.id,
      e.scenario ?? '',
      e.minutes === null ? '' : `${e.minutes} min`,
      e.status,
      e.score === null ? '' : String(e.score),
    ]);
    const table = columns([['#', 'Lesson', 'Scenario', 'Time', 'Status', 'Score'], ...rows]);
    return bySection.length > 1 ? `${section[0]?.section ?? ''}\n${table}` : table;
  });
  const broken = entries.flatMap((e) => ('error' in e ? [`  ${e.error}`] : []));
  const why = broken.length ? `\nLesson files that do not load:\n${broken.join('\n')}\n` : '';
  const stdout = entries.length === 0 ? 'No lessons found.\n' : `${tables.join('\n\n')}\n${why}`;
  return { exitCode: 0, stdout, stderr };
}
