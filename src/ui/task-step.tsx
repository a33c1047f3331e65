// A `task` step: the goal, the checklist (a mark and the title of each check, live after every
// command), the feedback the world shows, and the console. At the prompt, `hint`, `check`,
// `solution` and `next` speak to the tutor.
import { Box, Text, useStdout } from 'ink';
import { useContext, useRef, useState } from 'react';
import type { CheckResult } from '../lessons/grade.js';
import type { LessonEvent, Outcome } from '../lessons/runner.js';
import type { Lesson, TaskStep as Task } from '../lessons/schema.js';
import { LearnerContext } from './learner-context.js';
import { openTask, taskSnapshot, typeLine, type TutorWord } from '../lessons/task-session.js';
import { printable } from './printable.js';
import { Prose } from './prose.js';
import { fitRows, reflow, wrappedRows } from './reflow.js';
import { Workbench } from './workbench.js';

export interface TaskStepProps {
  lesson: Lesson;
  step: Task;
  saved?: string;
  send: (event: LessonEvent) => Outcome;
  /** What to print when the lesson ends with this task: the score and what comes next. */
  completion: () => string[];
  /** Rows the console may use. */
  height: number;
  onLeave: () => void;
}

/** Rows below which the console is too cramped to work in. */
const MIN_CONSOLE_ROWS = 6;

const lines = (text: string) => text.replace(/\n$/, '').split('\n');

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

/** A check as a line: a mark, never colour alone, and its title. */
const checkText = (check: CheckResult) => `${check.holds ? '✓' : '·'} ${check.title}`;

function CheckLine({ check }: { check: CheckResult }) {
  return <Text color={check.holds ? 'green' : undefined}>{printable(checkText(check))}</Text>;
}

export function TaskStep({
  lesson,
  step,
  saved,
  send,
  completion,
  height,
  onLeave,
}: TaskStepProps) {
  const learner = useContext(LearnerContext);
  const [opened, setOpened] = useState(() => openTask(lesson, step, saved, learner));
  const { stdout } = useStdout();
  // A view of the console (Why, the trust map, the menus, the keys) takes the whole task area.
  const [viewOpen, setViewOpen] = useState(false);
  const columns = stdout.columns || 80;
  // The checklist is drawn from the session, which a line changes: a new frame after each.
  const [, setLinesRun] = useState(0);
  // `restart` loses the work done in the task: it asks to be typed twice in a row.
  const restartAsked = useRef(false);
  if (!opened.ok) return <Text color="red">✗ {opened.message}</Text>;
  const session = opened.session;
  const onLine = (line: string): string[] => {
    setLinesRun((n) => n + 1);
    const confirming = restartAsked.current;
    restartAsked.current = false;
    const typed = typeLine(session, line);
    if (typed.kind === 'tutor') {
      if (typed.word === 'home') {
        onLeave();
        return [];
      }
      if (typed.word === 'goal') return reflow(step.goal).split('\n');
      if (typed.word === 'restart' && !confirming) {
        restartAsked.current = true;
        return [
          "restart puts the task's world back as it started: what you made in it is lost.",
          'Type restart again to do it.',
        ];
      }
      if (typed.word === 'restart') {
        // The starting world again; hints taken and attempts made still count.
        const fresh = openTask(lesson, step, undefined, learner);
        if (fresh.ok) send({ type: 'save-world', world: taskSnapshot(fresh.session) });
        setOpened(fresh);
        return ['The task starts over: its world is as it was at the start.'];
      }
      const events: Record<Exclude<TutorWord, 'goal' | 'home' | 'restart'>, LessonEvent> = {
        check: { type: 'graded', grade: session.grade, asked: true },
        next: { type: 'next' },
        back: { type: 'back' },
        hint: { type: 'hint' },
        solution: { type: 'show-solution' },
      };
      const said = outcomeLines(send(events[typed.word]), completion);
      // `check` lists every check, which a short window's checklist may not show.
      const list = [...session.grade.checks, ...session.grade.probes].map(
        (check) => `  ${checkText(check)}`,
      );
      return typed.word === 'check' ? [...said, ...list] : said;
    }
    if (typed.kind === 'incomplete') return [`(${typed.message}: finish the command on one line)`];
    const printed = [typed.output.stdout, typed.output.stderr].filter(Boolean).flatMap(lines);
    const graded = send({ type: 'graded', grade: typed.grade, asked: false });
    send({ type: 'save-world', world: taskSnapshot(session) });
    const passed =
      graded.kind === 'graded' && graded.newlyPassed
        ? ['✓ Task complete: every check passes. Type next to go on.']
        : [];
    return [...printed, ...passed];
  };
  const checks = [...session.grade.checks, ...session.grade.probes];
  const feedback = session.grade.feedback;
  // The console needs room to be usable. In a short window the goal shows as much as fits
  // (`goal` prints it all) and the checklist how many checks pass and as many of those not
  // passing yet as fit (`check` prints them all).
  const feedbackRows = feedback.reduce(
    (rows, f) => rows + wrappedRows(`! ${f.feedback}`, columns),
    0,
  );
  const goalLines = fitRows(
    reflow(step.goal),
    columns,
    height - 4 - feedbackRows - MIN_CONSOLE_ROWS,
    '… (type goal to read all of it)',
  );
  const fixedRows = 1 + wrappedRows(goalLines.join('\n'), columns) + 2 + feedbackRows;
  const compact = height - fixedRows - checks.length < MIN_CONSOLE_ROWS;
  const pending = checks.filter((check) => !check.holds);
  const shown = compact
    ? pending.slice(0, Math.max(0, height - fixedRows - 1 - MIN_CONSOLE_ROWS))
    : checks;
  const hidden = pending.length - shown.length;
  const checklistRows = shown.length + (compact ? 1 : 0);
  const held = (list: readonly CheckResult[]) => list.filter((check) => check.holds).length;
  const { checks: goals, probes } = session.grade;
  const summary =
    `${held(goals)} of ${goals.length} checks pass` +
    (probes.length > 0 ? ` · ${held(probes)} of ${probes.length} limits hold` : '') +
    (hidden > 0 ? ` · ${hidden} more to do: type check` : '');
  return (
    <Box flexDirection="column">
      {viewOpen ? null : (
        <Box flexDirection="column">
          <Text bold>{printable(step.title)}</Text>
          <Prose text={goalLines.join('\n')} />
          <Box flexDirection="column" marginY={1}>
            {compact ? <Text>{summary}</Text> : null}
            {shown.map((check) => (
              <CheckLine key={check.id} check={check} />
            ))}
            {feedback.map((f) => (
              <Text key={f.key} color="yellow">
                ! {printable(f.feedback)}
              </Text>
            ))}
          </Box>
        </Box>
      )}
      {/* Always the second child, so that it keeps its output when a view opens or closes. */}
      <Workbench
        session={session.console}
        welcome="Tutor: goal hint check solution restart next back home · ? keys · Tab menus"
        height={viewOpen ? height : Math.max(3, height - fixedRows - checklistRows)}
        onLine={onLine}
        onView={setViewOpen}
      />
    </Box>
  );
}
