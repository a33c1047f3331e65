// Grading a task against the world as it stands: every check, every least-privilege probe, and
// the misconceptions the world shows. The same engine that decided the learner's requests decides
// the checks' requests, so a check can never disagree with what the learner saw.
import { isDeepStrictEqual } from 'node:util';
import { decideRequest } from '../aws/decide.js';
import type { World } from '../aws/world.js';
import { inspectWorld } from '../console/inspect.js';
import { SANDBOX_ACCOUNT } from '../console/sandbox.js';
import type { Check, ExpectedDecision, Misconception, TaskStep } from './schema.js';

type Condition = Pick<Check, 'aws' | 'account' | 'equals' | 'request' | 'decision'>;

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

/** Whether a condition holds in the world; `fallback` is the decision a request must get. */
export function conditionHolds(
  world: World,
  condition: Condition,
  fallback: ExpectedDecision,
): ConditionResult {
  if (condition.request) {
    const decided = decideRequest(world, condition.request);
    if (!decided.ok) return { holds: false, found: decided.message };
    const expected = condition.decision ?? fallback;
    return {
      holds: decisionMatches(expected, decided.decision),
      found: decided.message ? `${decided.decision}: ${decided.message}` : decided.decision,
    };
  }
  const inspected = inspectWorld(world, condition.account ?? SANDBOX_ACCOUNT, condition.aws ?? '');
  if (!inspected.ok) return { holds: false, found: inspected.message };
  return {
    holds: isDeepStrictEqual(inspected.value, condition.equals ?? true),
    found: inspected.value === undefined ? 'nothing' : JSON.stringify(inspected.value),
  };
}

function checkResult(world: World, check: Check, fallback: ExpectedDecision): CheckResult {
  return { id: check.id, title: check.title, ...conditionHolds(world, check, fallback) };
}

function feedbackOf(misconception: Misconception): FeedbackResult {
  return {
    key: misconception.key,
    feedback: misconception.feedback,
    ...(misconception.see === undefined ? {} : { see: misconception.see }),
  };
}

export function gradeTask(task: TaskStep, world: World): TaskGrade {
  const checks = task.checks.map((check) => checkResult(world, check, 'allowed'));
  const probes = (task.probes ?? []).map((probe) => checkResult(world, probe, 'denied'));
  const feedback = (task.misconceptions ?? [])
    .filter((misconception) => conditionHolds(world, misconception, 'allowed').holds)
    .map(feedbackOf);
  return {
    passed: [...checks, ...probes].every((result) => result.holds),
    checks,
    probes,
    feedback,
  };
}
