// The progress report: what it counts (per lesson and in total), and its three formats: JSON as
// programs read it, Markdown whose tables hold whatever a title says, and HTML that parses as one
// self-contained page, with a title that is markup shown as text.
import { describe, expect, it } from 'vitest';
import { learnerWithSeed, lessonFor } from '../../src/lessons/learner.js';
import { buildReport, type Report } from '../../src/lessons/report.js';
import { openTask, taskSnapshot } from '../../src/lessons/task-session.js';
import { reportHtml, reportJson, reportMarkdown } from '../../src/lessons/report-formats.js';
import { startLesson, step, type LessonEvent, type LessonState } from '../../src/lessons/runner.js';
import type { Lesson } from '../../src/lessons/schema.js';
import { recordActivity, type LessonRecord } from '../../src/progress/progress.js';
import { byTag, elements, parseHtml, textOf, type HtmlElement } from './html.js';
import { fixtureLesson } from './helpers.js';

const lesson = fixtureLesson('good/01-app-on-ec2.yaml');
const HOSTILE = '<script>alert("owned")</script> & | *not bold* `code` [link](x)';
const hostile: Lesson = { ...lesson, id: 'hostile', title: HOSTILE };
const untouched: Lesson = { ...lesson, id: 'untouched', title: 'Not started yet' };

function played(of: Lesson, events: LessonEvent[]): LessonState {
  return events.reduce((state, event) => step(of, state, event).state, startLesson(of));
}

function record(state: LessonState, from: string, to: string): LessonRecord {
  return recordActivity(recordActivity(undefined, state, new Date(from)), state, new Date(to));
}

// In progress on the fixture lesson: both questions right, two hints asked on the task.
const answered: LessonEvent[] = [
  { type: 'next' },
  { type: 'answer-quiz', choices: [1] },
  { type: 'next' },
  { type: 'answer-predict', decision: 'implicitDeny' },
  { type: 'next' },
  { type: 'hint' },
  { type: 'hint' },
];
// The hostile one completed, its task's solution shown (seen, not passed).
const seen: LessonEvent[] = [
  { type: 'next' },
  { type: 'answer-quiz', choices: [0] },
  { type: 'answer-quiz', choices: [1] },
  { type: 'next' },
  { type: 'answer-predict', decision: 'implicitDeny' },
  { type: 'next' },
  { type: 'show-solution' },
  { type: 'next' },
];

const report: Report = buildReport(
  [
    {
      lesson,
      record: record(played(lesson, answered), '2026-12-01T09:00:00Z', '2026-12-01T09:04:00Z'),
    },
    {
      lesson: hostile,
      record: record(played(hostile, seen), '2026-11-30T15:00:00Z', '2026-11-30T15:02:30Z'),
    },
    { lesson: untouched, record: undefined },
  ],
  new Date('2026-12-02T08:30:00Z'),
);

describe('buildReport', () => {
  it('reports each lesson: status, score and breakdown, tasks, hints, time and dates', () => {
    expect(report.lessons.map((line) => [line.id, line.status, line.score])).toEqual([
      ['app-on-ec2', 'in-progress', 67],
      ['hostile', 'completed', 54],
      ['untouched', 'not-started', null],
    ]);
    expect(report.lessons[0]).toMatchObject({
      step: 4,
      steps: 4,
      tasksPassed: 0,
      tasks: 1,
      hintsUsed: 2,
      hints: 2,
      secondsSpent: 240,
      firstActivity: '2026-12-01T09:00:00.000Z',
      lastActivity: '2026-12-01T09:04:00.000Z',
    });
    expect(report.lessons[2]).toMatchObject({
      step: 0,
      breakdown: null,
      hintsUsed: 0,
      secondsSpent: 0,
      firstActivity: null,
    });
  });

  it('totals them: a lesson not started scores 0 in the mean; dates span every lesson', () => {
    expect(report.total).toEqual({
      lessons: 3,
      completed: 1,
      inProgress: 1,
      score: Math.round((67 + 54 + 0) / 3),
      tasksPassed: 0,
      tasks: 3,
      hintsUsed: 2,
      hints: 6,
      secondsSpent: 240 + 150,
      firstActivity: '2026-11-30T15:00:00.000Z',
      lastActivity: '2026-12-01T09:04:00.000Z',
      accounts: [],
    });
    expect(buildReport([], new Date(0)).total).toMatchObject({ lessons: 0, score: 0 });
  });
});

describe('reportJson', () => {
  it('is the report under its format name and version', () => {
    expect(JSON.parse(reportJson(report))).toEqual({
      format: 'iam-tutor-report',
      version: 1,
      ...report,
    });
  });
});

/** The cells of a Markdown table row: split at the pipes that are not escaped. */
const cells = (row: string) =>
  row
    .slice(2, -2)
    .split(/(?<!\\) \| /)
    .map((cell) => cell.replace(/\\(.)/g, '$1'));

describe('reportMarkdown', () => {
  const markdown = reportMarkdown(report);
  const lines = markdown.split('\n');
  const tableRows = (heading: string) => {
    const start = lines.indexOf(`## ${heading}`);
    const after = lines.slice(start + 1);
    const first = after.findIndex((line) => line.startsWith('|'));
    const rows = after.slice(first);
    return rows
      .slice(
        0,
        rows.findIndex((line) => !line.startsWith('|')),
      )
      .map(cells);
  };

  it('says when it was made, how far the learner is, and how the total is counted', () => {
    expect(lines[0]).toBe('# iam-tutor progress report');
    expect(markdown).toContain(
      'Generated 2026-12-02 08:30 UTC. 1 of 3 lessons completed, 1 in progress; course score 40/100',
    );
  });

  it('has one row per lesson, every row as many cells as the header, the title as written', () => {
    const rows = tableRows('Lessons');
    expect(rows[0]).toEqual([
      'Lesson',
      'Status',
      'Score',
      'Tasks passed',
      'Hints used',
      'Time spent',
      'First activity (UTC)',
      'Last activity (UTC)',
    ]);
    for (const row of rows) expect(row).toHaveLength(8);
    expect(rows.slice(2)).toEqual([
      [
        'An application on EC2',
        '▸ in progress',
        '67',
        '0/1',
        '2/2',
        '4 min',
        '2026-12-01 09:00',
        '2026-12-01 09:04',
      ],
      [HOSTILE, '✓ completed', '54', '0/1', '0/2', '3 min', '2026-11-30 15:00', '2026-11-30 15:02'],
      ['Not started yet', '· not started', '–', '0/1', '0/2', '–', '–', '–'],
      [
        '**Total**',
        '**1/3 completed**',
        '**40**',
        '**0/3**',
        '**2/6**',
        '**7 min**',
        '**2026-11-30 15:00**',
        '**2026-12-01 09:04**',
      ],
    ]);
  });

  it('escapes what Markdown would read as markup in a title', () => {
    expect(markdown).toContain(
      '| \\<script\\>alert("owned")\\</script\\> \\& \\| \\*not bold\\* \\`code\\` \\[link\\](x) |',
    );
  });

  it('breaks the scores of the lessons started down into their parts', () => {
    expect(tableRows('Score breakdown').slice(2)).toEqual([
      ['An application on EC2', '46.7', '6.7', '6.7', '6.7', '67'],
      [HOSTILE, '35', '6.7', '6.7', '5.8', '54'],
    ]);
  });
});

describe('reportHtml', () => {
  const html = reportHtml(report);
  const { doctype, root } = parseHtml(html);
  const [head] = byTag(root, 'head');
  const [body] = byTag(root, 'body');
  const rows = (table: HtmlElement, part: 'thead' | 'tbody' | 'tfoot') =>
    byTag(byTag(table, part)[0] ?? table, 'tr').map((tr) =>
      tr.children.flatMap((cell) => (typeof cell === 'string' ? [] : [cell])),
    );

  it('is one well-formed page in English with its own style, and nothing that runs or loads', () => {
    expect(doctype).toBe('html');
    expect(root).toMatchObject({ tag: 'html', attributes: { lang: 'en' } });
    expect(head && body).toBeDefined();
    const all = elements(root);
    expect(
      all.filter((e) => ['script', 'link', 'img', 'iframe', 'object'].includes(e.tag)),
    ).toEqual([]);
    const loading = all.flatMap((e) =>
      Object.keys(e.attributes).filter(
        (name) => ['src', 'href'].includes(name) || name.startsWith('on'),
      ),
    );
    expect(loading).toEqual([]);
    expect(html).not.toMatch(/url\(|@import|https?:/);
    const meta = byTag(head ?? root, 'meta').map((e) => e.attributes);
    expect(meta).toContainEqual({ charset: 'utf-8' });
    expect(meta).toContainEqual({
      'http-equiv': 'Content-Security-Policy',
      content: "default-src 'none'; style-src 'unsafe-inline'",
    });
    expect(textOf(byTag(head ?? root, 'title')[0] ?? root)).toBe('iam-tutor progress report');
  });

  it('reads well light and dark: the colours follow prefers-color-scheme', () => {
    const style = byTag(head ?? root, 'style')
      .map(textOf)
      .join('');
    expect(style).toContain('color-scheme: light dark');
    expect(style).toMatch(/@media \(prefers-color-scheme: dark\) \{\s*:root \{ --text: /);
  });

  it('shows a title that is markup as text, with no element made of it', () => {
    const [lessons] = byTag(body ?? root, 'table');
    const titles = rows(lessons ?? root, 'tbody').map((row) => row[0]);
    expect(titles.map((cell) => cell?.tag)).toEqual(['th', 'th', 'th']);
    expect(titles.map((cell) => textOf(cell ?? root))).toEqual([
      'An application on EC2',
      HOSTILE,
      'Not started yet',
    ]);
    expect(titles[1]?.children).toEqual([HOSTILE]);
    expect(html).toContain('&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt; &amp; |');
  });

  it('has the tables of the Markdown, headed, with the total in the foot', () => {
    const tables = byTag(body ?? root, 'table');
    expect(byTag(body ?? root, 'h2').map(textOf)).toEqual(['Lessons', 'Score breakdown']);
    const [lessons, breakdown] = tables;
    const text = (row: HtmlElement[] | undefined) => (row ?? []).map(textOf);
    const head = rows(lessons ?? root, 'thead')[0];
    expect(head?.map((cell) => cell.attributes.scope)).toEqual(Array(8).fill('col'));
    expect(text(rows(lessons ?? root, 'tbody')[0])).toEqual([
      'An application on EC2',
      '▸ in progress',
      '67',
      '0/1',
      '2/2',
      '4 min',
      '2026-12-01 09:00',
      '2026-12-01 09:04',
    ]);
    expect(text(rows(lessons ?? root, 'tfoot')[0]).slice(0, 3)).toEqual([
      'Total',
      '1/3 completed',
      '40',
    ]);
    expect(rows(breakdown ?? root, 'tbody').map((row) => textOf(row.at(-1) ?? root))).toEqual([
      '67',
      '54',
    ]);
    expect(rows(lessons ?? root, 'tbody')[0]?.[2]?.attributes.class).toBe('num');
  });

  it('says so, instead of an empty table, when no lesson was started', () => {
    const fresh = parseHtml(reportHtml(buildReport([{ lesson, record: undefined }], new Date(0))));
    expect(byTag(fresh.root, 'table')).toHaveLength(1);
    expect(byTag(fresh.root, 'p').map(textOf)).toContain('No lesson started yet.');
  });
});

describe('the accounts a report names', () => {
  it("are the learner's own in the task worlds saved: a workshop seed's, as grade --seed names them", () => {
    const lesson = fixtureLesson('good/01-app-on-ec2.yaml');
    const task = lesson.steps.find((s) => s.kind === 'task');
    if (task?.kind !== 'task') throw new Error('no task');
    const alice = learnerWithSeed('alice');
    const opened = openTask(lessonFor(lesson, alice), task, undefined, alice);
    if (!opened.ok) throw new Error(opened.message);
    const atTask = { ...startLesson(lesson), step: lesson.steps.indexOf(task) };
    const { state } = step(lesson, atTask, {
      type: 'save-world',
      world: taskSnapshot(opened.session),
    });
    const report = buildReport(
      [{ lesson, record: record(state, '2026-12-01T09:00:00Z', '2026-12-01T09:04:00Z') }],
      new Date('2026-12-01T10:00:00Z'),
    );
    expect(report.lessons[0]?.accounts).toEqual([alice.accounts.own]);
    expect(report.total.accounts).toEqual([alice.accounts.own]);
    expect(reportMarkdown(report)).toContain(`Task worlds in account ${alice.accounts.own}.`);
  });
});
