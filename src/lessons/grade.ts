// Grading a task against the world as it stands: every check, every least-privilege probe, and
// the misconceptions the world shows. The same engine that decided the learner's requests decides
// the checks' requests, so a check can never disagree with what the learner saw.
import { isDeepStrictEqual } from 'node:util';
import { decideRequest } from '../aws/decide.js';
import { inspectWorld } from '../console/inspect.js';
import { ownAccount } from '../console/sandbox.js';
import type { ConsoleSession } from '../console/session.js';
import { runLine } from '../console/shell.js';
import type { Check, ExpectedDecision, Misconception, TaskStep } from './schema.js';

type Condition = Pick<
  Check,
  'aws' | 'account' | 'equals' | 'request' | 'decision' | 'shell' | 'on'
>;

export interface ConditionResult {
  holds: boolean;
  /** What was found: the command's value, or the decision and AWS's message. */
  found: string;
}

export interface CheckResult extends ConditionResult {
  id: string;
  title: string;
}

export interface FeedbackResult {
  key: string;
  feedback: string;
  see?: string;
}

export interface TaskGrade {
  /** Every check and every probe holds. */
  passed: boolean;
  checks: CheckResult[];
  probes: CheckResult[];
  /** The misconceptions the world shows now, in the task's order. */
  feedback: FeedbackResult[];
}

function decisionMatches(expected: ExpectedDecision, actual: string): boolean {
  return expected === 'denied' ? actual !== 'allowed' : expected === actual;
}

/** The machine a shell condition runs on: the laptop, or the newest running instance. */
function machineFor(session: ConsoleSession, on: Condition['on']): string | undefined {
  if (on !== 'instance') return 'laptop';
  // The world keeps instances in launch order; launch times are to the second and may tie.
  const running = Object.values(session.world.instances).filter((i) => i.state === 'running');
  return running.at(-1)?.instanceId;
}

/** A command's output as data: JSON when it is JSON, else its text without the last newline. */
function outputValue(stdout: string): unknown {
  try {
    return JSON.parse(stdout) as unknown;
  } catch {
    return stdout.replace(/\n$/, '');
  }
}

/** Runs the condition's command on a copy of the session, so the learner's own is untouched. */
function shellHolds(session: ConsoleSession, condition: Condition): ConditionResult {
  const machine = machineFor(session, condition.on);
  if (machine === undefined) return { holds: false, found: 'no running instance' };
  // The event log is most of a world and a shell command does not read it: it is left out.
  const copy: ConsoleSession = structuredClone({
    world: { ...session.world, events: [] },
    state: session.state,
  });
  if (machine === 'laptop') copy.state.current = 'laptop';
  else if (copy.state.current !== machine) runLine(copy, `ssh ${machine}`);
  const result = runLine(copy, condition.shell ?? '');
  if (result.kind === 'incomplete') return { holds: false, found: result.message };
  // A check cannot type answers: a command that asks (an uncached MFA code) does not hold.
  if (result.kind === 'question') {
    return { holds: false, found: `it asks: ${result.question.prompt.trimEnd()}` };
  }
  if (result.exitCode !== 0) {
    return { holds: false, found: `exit ${result.exitCode}: ${result.stderr.trim()}` };
  }
  const value = outputValue(result.stdout);
  return {
    holds: condition.equals === undefined || isDeepStrictEqual(value, condition.equals),
    found: JSON.stringify(value),
  };
}

/** Whether a condition holds; `fallback` is the decision a request must get. */
export function conditionHolds(
  session: ConsoleSession,
  condition: Condition,
  fallback: ExpectedDecision,
): ConditionResult {
  const { world } = session;
  if (condition.shell !== undefined) return shellHolds(session, condition);
  if (condition.request) {
    const decided = decideRequest(world, condition.request);
    if (!decided.ok) return { holds: false, found: decided.message };
    const expected = condition.decision ?? fallback;
    return {
      holds: decisionMatches(expected, decided.decision),
      found: decided.message ? `${decided.decision}: ${decided.message}` : decided.decision,
    };
  }
  const inspected = inspectWorld(
    world,
    condition.account ?? ownAccount(world),
    condition.aws ?? '',
  );
  if (!inspected.ok) return { holds: false, found: inspected.message };
  return {
    holds: isDeepStrictEqual(
      inspected.value,
      condition.equals === undefined ? true : condition.equals,
    ),
    found: inspected.value === undefined ? 'nothing' : JSON.stringify(inspected.value),
  };
}

function checkResult(
  session: ConsoleSession,
  check: Check,
  fallback: ExpectedDecision,
): CheckResult {
  return { id: check.id, title: check.title, ...conditionHolds(session, check, fallback) };
}

function feedbackOf(misconception: Misconception): FeedbackResult {
  return {
    key: misconception.key,
    feedback: misconception.feedback,
    ...(misconception.see === undefined ? {} : { see: misconception.see }),
  };
}

/** Grades the task in the learner's session (the world and the machines they work on). */
export function gradeTask(task: TaskStep, session: ConsoleSession): TaskGrade {
  const checks = task.checks.map((check) => checkResult(session, check, 'allowed'));
  const probes = (task.probes ?? []).map((probe) => checkResult(session, probe, 'denied'));
  const feedback = (task.misconceptions ?? [])
    .filter((misconception) => conditionHolds(session, misconception, 'allowed').holds)
    .map(feedbackOf);
  return {
    passed: [...checks, ...probes].every((result) => result.holds),
    checks,
    probes,
    feedback,
  };
}
