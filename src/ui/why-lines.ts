// The Why view of one request: who asked for what, the decision with AWS's own denial message,
// then the AWS evaluation flowchart with the path the request took; the step that decided a
// denial is marked, the steps AWS never reached are dimmed. Symbols carry the meaning, not colour.
import type { Authorization } from '../aws/errors.js';
import type { AwsEvent } from '../aws/world.js';
import { accessDeniedMessage } from '../policy/access-denied.js';
import { flowchart, type FlowAnswer, type FlowStep } from '../policy/flowchart.js';
import type { Decision, Explanation } from '../policy/types.js';
import type { ViewLine } from './view-lines.js';

const DECISIONS: Record<Decision, string> = {
  allowed: 'ALLOWED',
  explicitDeny: 'DENIED by an explicit deny',
  implicitDeny: 'DENIED: no statement allows it (implicit deny)',
};

/** A mark for a step: does the request get past it? */
function mark(step: FlowStep): string {
  if (!step.reached) return ' ';
  const passes: Record<FlowAnswer, boolean> = {
    yes: step.id !== 'deny',
    no: step.id === 'deny',
    none: true,
  };
  if (step.answer === 'none') return '–';
  return passes[step.answer] ? '✓' : '✗';
}

function stepLines(step: FlowStep): ViewLine[] {
  const answer = step.reached ? step.answer.padEnd(4) : '    ';
  const suffix = step.decisive ? '  ◀ decided here' : step.reached ? '' : '  (not reached)';
  const head: ViewLine = {
    text: `${mark(step)} ${answer} ${step.question}${suffix}`,
    tone: step.decisive ? 'deny' : step.reached ? undefined : 'dim',
  };
  const details = step.reached ? step.details : [];
  return [head, ...details.map((text) => ({ text: `         ${text}`, tone: 'dim' as const }))];
}

/**
 * A decision drawn as the flowchart: what was asked (`by` says who and when, if known), the
 * decision with the denial as the service worded it, then the path through the flowchart.
 */
export function decisionLines(
  { request, explanation }: Authorization,
  deniedMessage?: string,
  by?: string,
): ViewLine[] {
  const chart = flowchart(explanation);
  const allowed = chart.decision === 'allowed';
  const lines: ViewLine[] = [{ text: `${request.action} on ${request.resource}`, tone: 'title' }];
  if (by !== undefined) lines.push({ text: by });
  lines.push({ text: decisionText(chart.decision), tone: allowed ? 'allow' : 'deny' });
  if (!allowed)
    lines.push({
      text: `AccessDenied: ${deniedMessage ?? accessDeniedMessage(request, explanation)}`,
    });
  for (const note of chart.notes) lines.push({ text: note });
  lines.push({ text: '' }, { text: 'The AWS evaluation flowchart, in order:', tone: 'title' });
  for (const step of chart.steps) for (const line of stepLines(step)) lines.push(line);
  lines.push({ text: `= ${allowed ? 'Allow' : 'Deny'}`, tone: allowed ? 'allow' : 'deny' });
  return lines;
}

/** The decision in a line, with a mark: `✗ DENIED by an explicit deny`. */
export const decisionText = (decision: Decision): string =>
  `${decision === 'allowed' ? '✓' : '✗'} ${DECISIONS[decision]}`;

/** Where the flowchart decided a denial, as its question; nothing when allowed. */
export function decidedAt(explanation: Explanation): string | undefined {
  return flowchart(explanation).steps.find((step) => step.decisive)?.question;
}

export function whyLines(event: AwsEvent): ViewLine[] {
  if (event.authorization === undefined)
    return [{ text: `${event.eventName} was not authorized by IAM.` }];
  const who = event.userIdentity.arn ?? event.userIdentity.type;
  return decisionLines(event.authorization, event.errorMessage, `by ${who} at ${event.eventTime}`);
}

/** The requests the Why view can show: every event IAM authorized, oldest first. */
export const authorizedEvents = (events: readonly AwsEvent[]): AwsEvent[] =>
  events.filter((event) => event.authorization !== undefined);

/** Where the Why view opens: the last denied request, or the last request when none was denied. */
export function lastDenied(events: readonly AwsEvent[]): number {
  for (let i = events.length - 1; i >= 0; i--)
    if (events[i]?.authorization?.explanation.decision !== 'allowed') return i;
  return events.length - 1;
}
