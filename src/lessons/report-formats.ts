// The progress report as JSON (for programs: versioned), Markdown (readable as text and rendered
// in a pull request) and HTML (one self-contained file: inline CSS, no script, nothing loaded from
// elsewhere, light and dark). Markdown and HTML show the same tables, built once here as text.
import { escapeMarkup } from './markup.js';
import type { LessonReport, Report } from './report.js';
import { WEIGHTS } from './score.js';

/** The version of the JSON report; bumped when a field changes meaning. */
export const REPORT_VERSION = 1;

export type ReportFormat = 'markdown' | 'json' | 'html';
export const REPORT_FORMATS: readonly ReportFormat[] = ['markdown', 'json', 'html'];

export function reportJson(report: Report): string {
  return `${JSON.stringify({ format: 'iam-tutor-report', version: REPORT_VERSION, ...report }, null, 2)}\n`;
}

/** Seconds as a person reads them: `40 s`, `12 min`. */
export function duration(seconds: number): string {
  return seconds < 60 ? `${Math.round(seconds)} s` : `${Math.round(seconds / 60)} min`;
}

/** An ISO time in UTC to the minute, the same on every machine: `2026-12-01 09:04`. */
function when(iso: string | null): string {
  if (iso === null) return NONE;
  const utc = new Date(iso).toISOString();
  return `${utc.slice(0, 10)} ${utc.slice(11, 16)}`;
}

const NONE = '–';

// The status by its mark as well as its word (the home screen's marks), never by colour alone.
const STATUS: Record<LessonReport['status'], string> = {
  completed: '✓ completed',
  'in-progress': '▸ in progress',
  'not-started': '· not started',
};

/** A part of the score to a tenth, as its breakdown is shown. */
const part = (points: number) => String(Math.round(points * 10) / 10);

interface Table {
  title: string;
  note?: string;
  head: string[];
  /** Whether each column holds numbers (aligned right). */
  numeric: boolean[];
  rows: string[][];
  total?: string[];
  /** Said instead of a table without rows. */
  empty: string;
}

function summary(report: Report): string {
  const { total, pack } = report;
  const id = pack?.id === undefined ? '' : ` (id ${pack.id})`;
  return (
    (pack === null ? '' : `Lesson pack: ${pack.title}${id}. `) +
    `Generated ${when(report.generatedAt)} UTC. ${total.completed} of ${total.lessons} lessons ` +
    `completed, ${total.inProgress} in progress; course score ${total.score}/100 (the mean of the ` +
    `lessons' scores, a lesson not started counting 0).` +
    (total.accounts.length === 0 ? '' : ` Task worlds in account ${total.accounts.join(', ')}.`)
  );
}

function tables(report: Report): Table[] {
  const { total } = report;
  const lessons: Table = {
    title: 'Lessons',
    head: [
      'Lesson',
      'Status',
      'Score',
      'Tasks passed',
      'Hints used',
      'Time spent',
      'First activity (UTC)',
      'Last activity (UTC)',
    ],
    numeric: [false, false, true, true, true, true, false, false],
    rows: report.lessons.map((line) => [
      line.title,
      STATUS[line.status],
      line.score === null ? NONE : String(line.score),
      `${line.tasksPassed}/${line.tasks}`,
      `${line.hintsUsed}/${line.hints}`,
      line.status === 'not-started' ? NONE : duration(line.secondsSpent),
      when(line.firstActivity),
      when(line.lastActivity),
    ]),
    total: [
      'Total',
      `${total.completed}/${total.lessons} completed`,
      String(total.score),
      `${total.tasksPassed}/${total.tasks}`,
      `${total.hintsUsed}/${total.hints}`,
      total.firstActivity === null ? NONE : duration(total.secondsSpent),
      when(total.firstActivity),
      when(total.lastActivity),
    ],
    empty: 'No lessons.',
  };
  const breakdown: Table = {
    title: 'Score breakdown',
    note:
      `Each lesson's score is out of 100: correctness ${WEIGHTS.correctness}, least privilege ` +
      `${WEIGHTS.leastPrivilege}, hints ${WEIGHTS.hints} (fewer used, more kept), attempts ` +
      `${WEIGHTS.attempts} (fewer failed checks and wrong answers, more kept).`,
    head: ['Lesson', 'Correctness', 'Least privilege', 'Hints', 'Attempts', 'Score'],
    numeric: [false, true, true, true, true, true],
    rows: report.lessons.flatMap((line) =>
      line.breakdown === null
        ? []
        : [
            [
              line.title,
              part(line.breakdown.correctness),
              part(line.breakdown.leastPrivilege),
              part(line.breakdown.hints),
              part(line.breakdown.attempts),
              String(line.score),
            ],
          ],
    ),
    empty: 'No lesson started yet.',
  };
  return [lessons, breakdown];
}

/**
 * Text as one Markdown table cell, shown as written: the characters that would start emphasis,
 * code, a link, HTML or an entity, or end the cell, escaped; lines joined.
 */
function markdownCell(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`);
}

export function reportMarkdown(report: Report): string {
  const lines = ['# iam-tutor progress report', '', summary(report)];
  for (const table of tables(report)) {
    lines.push('', `## ${table.title}`, '');
    if (table.note) lines.push(table.note, '');
    if (table.rows.length === 0) {
      lines.push(table.empty);
      continue;
    }
    const row = (cells: string[], strong = false) =>
      `| ${cells.map((cell) => (strong && cell !== NONE ? `**${markdownCell(cell)}**` : markdownCell(cell))).join(' | ')} |`;
    lines.push(row(table.head), `| ${table.numeric.map((n) => (n ? '--:' : ':--')).join(' | ')} |`);
    lines.push(...table.rows.map((cells) => row(cells)));
    if (table.total) lines.push(row(table.total, true));
  }
  return `${lines.join('\n')}\n`;
}

// Light and dark through the reader's preference; the contrasts are those of GitHub's own themes.
// The lessons table fits a 1000-pixel window (scripts/screenshot-report.mjs): narrower ones scroll.
const STYLE = `
:root { color-scheme: light dark; --text: #1f2328; --muted: #59636e; --page: #ffffff;
  --head: #f6f8fa; --rule: #d1d9e0; }
@media (prefers-color-scheme: dark) {
  :root { --text: #f0f6fc; --muted: #9198a1; --page: #0d1117; --head: #151b23; --rule: #3d444d; }
}
body { margin: 0; background: var(--page); color: var(--text);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
main { max-width: 76rem; margin: 0 auto; padding: 2rem 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; }
p { color: var(--muted); margin: .5rem 0; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { padding: .4rem .5rem; border-bottom: 1px solid var(--rule); text-align: left;
  vertical-align: top; }
thead th { background: var(--head); vertical-align: bottom; }
tbody th { font-weight: 600; min-width: 9rem; }
td { white-space: nowrap; }
tfoot th, tfoot td { font-weight: 600; border-top: 2px solid var(--rule); border-bottom: 0; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
`.trim();

function htmlTable(table: Table): string[] {
  const cell = (tag: 'th' | 'td', text: string, column: number, scope?: string) => {
    const attributes = [
      ...(scope ? [` scope="${scope}"`] : []),
      ...(table.numeric[column] ? [' class="num"'] : []),
    ].join('');
    return `<${tag}${attributes}>${escapeMarkup(text)}</${tag}>`;
  };
  const row = (cells: string[]) =>
    `<tr>${cells.map((text, i) => (i === 0 ? cell('th', text, i, 'row') : cell('td', text, i))).join('')}</tr>`;
  return [
    `<h2>${escapeMarkup(table.title)}</h2>`,
    ...(table.note ? [`<p>${escapeMarkup(table.note)}</p>`] : []),
    ...(table.rows.length === 0
      ? [`<p>${escapeMarkup(table.empty)}</p>`]
      : [
          '<div class="scroll"><table>',
          `<thead><tr>${table.head.map((text, i) => cell('th', text, i, 'col')).join('')}</tr></thead>`,
          '<tbody>',
          ...table.rows.map(row),
          '</tbody>',
          ...(table.total ? [`<tfoot>${row(table.total)}</tfoot>`] : []),
          '</table></div>',
        ]),
  ];
}

export function reportHtml(report: Report): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Should anything in the page ever run or load, the browser refuses it.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<title>iam-tutor progress report</title>',
    `<style>\n${STYLE}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    '<h1>iam-tutor progress report</h1>',
    `<p>${escapeMarkup(summary(report))}</p>`,
    ...tables(report).flatMap(htmlTable),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export function formatReport(report: Report, format: ReportFormat): string {
  switch (format) {
    case 'json':
      return reportJson(report);
    case 'markdown':
      return reportMarkdown(report);
    case 'html':
      return reportHtml(report);
  }
}
