// A `task` step: the goal, the checklist (a mark and the title of each check, live after every
// command), the feedback the world shows, and the console. What the prompt answers to a line
// (the tutor's words, or the console's output and the grade) comes from task-replies.ts.
import { Box, Text, useStdout } from 'ink';
import { useContext, useRef, useState } from 'react';
import type { CheckResult } from '../lessons/grade.js';
import type { LessonEvent, Outcome } from '../lessons/runner.js';
import type { Lesson, TaskStep as Task } from '../lessons/schema.js';
import { LearnerContext } from './learner-context.js';
import { openTask } from '../lessons/task-session.js';
import { printable } from './printable.js';
import { Prose } from './prose.js';
import { fitRows, reflow, wrappedRows } from './reflow.js';
import { checkText, replyToLine } from './task-replies.js';
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
    const reply = replyToLine(session, line, restartAsked.current, {
      lesson,
      step,
      learner,
      send,
      completion,
    });
    restartAsked.current = reply.restartAsked;
    if (reply.opened) setOpened(reply.opened);
    if (reply.leave) onLeave();
    return reply.lines;
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
