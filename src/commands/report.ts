// `iam-tutor report [--format markdown|json|html] [--out FILE]`: the learner's progress as a
// report an instructor can collect.
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { buildReport } from '../lessons/report.js';
import { formatReport, REPORT_FORMATS, type ReportFormat } from '../lessons/report-formats.js';
import { DATA_OPTIONS, lessonCount, readLearnerData } from './learner-data.js';
import { writeOutputFile } from './output-file.js';
import type { CommandOutput } from './simulate.js';

export const REPORT_HELP = `Usage: iam-tutor report [--format markdown|json|html] [--out FILE]
                        [--lessons DIR] [--data-dir DIR]

Your progress as a report to hand in: each lesson's status, score and its breakdown, tasks
passed, hints used, time spent, first and last activity, and a total.

  --format FORMAT  markdown: readable as text and in a pull request
                   json: for programs ("format": "iam-tutor-report", "version": 1)
                   html: one self-contained file to open in a browser, light or dark
                   Default: the --out file's extension (.md, .json, .html), else markdown.
  --out FILE       write the report to FILE instead of printing it
  --lessons DIR    the lesson pack of DIR (or $IAM_TUTOR_LESSONS) instead of the built-in course:
                   its own lessons and progress, and the report names the pack
  --data-dir DIR   the progress kept in DIR (or $IAM_TUTOR_HOME), not in iam-tutor's config folder
`;

const fail = (message: string): CommandOutput => ({
  exitCode: 2,
  stdout: '',
  stderr: `iam-tutor report: ${message}\n`,
});

const BY_EXTENSION: Record<string, ReportFormat> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.json': 'json',
  '.html': 'html',
  '.htm': 'html',
};

const isFormat = (format: string): format is ReportFormat =>
  (REPORT_FORMATS as readonly string[]).includes(format);

export function reportCommand(args: string[]): CommandOutput {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      ...DATA_OPTIONS,
    },
  });
  if (values.help) return { exitCode: 0, stdout: REPORT_HELP, stderr: '' };
  if (positionals.length > 0) return fail(`no arguments expected, got: ${positionals.join(' ')}`);
  const format =
    values.format ??
    (values.out === undefined ? undefined : BY_EXTENSION[extname(values.out).toLowerCase()]) ??
    'markdown';
  if (!isFormat(format)) {
    return fail(`unknown format: ${format} (${REPORT_FORMATS.join(', ')})`);
  }
  const data = readLearnerData(values);
  if (!data.ok) return fail(data.message);
  // A pack's report is of its own lessons, not of the built-in course it may show too.
  const [own] = data.sections;
  const lessons = (own?.section.lessons ?? []).flatMap((e) =>
    e.ok ? [{ lesson: e.lesson, record: own?.records[e.lesson.id] }] : [],
  );
  const text = formatReport(buildReport(lessons, new Date(), data.course.pack), format);
  if (values.out === undefined) return { exitCode: 0, stdout: text, stderr: data.notices };
  const failed = writeOutputFile(values.out, text);
  if (failed !== undefined) return fail(failed);
  return {
    exitCode: 0,
    stdout: `Wrote the ${format} report of ${lessonCount(lessons.length)} to ${values.out}.\n`,
    stderr: data.notices,
  };
}
