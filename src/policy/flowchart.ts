// An evaluation as the AWS flowchart draws it (reference_policies_evaluation-logic_policy-eval-denyallow):
// first "does any policy explicitly deny?", then one question per policy type in the flowchart's
// order, each answered from the explanation, with the statements behind the answer. The path stops
// where AWS's does: at the explicit deny, or at the first type that does not allow.
import { namingLines, statementLines, TYPE_TITLES } from './explanation-text.js';
import type { Explanation, PolicyType, PolicyTypeResult } from './types.js';

export type FlowStepId = 'deny' | PolicyType;

/** `none`: no policy of this type takes part in the request, so the flowchart passes it by. */
export type FlowAnswer = 'yes' | 'no' | 'none';

export interface FlowStep {
  id: FlowStepId;
  question: string;
  answer: FlowAnswer;
  /** False for the steps after the one that decided a denial: AWS never gets there. */
  reached: boolean;
  /** The step that decided a denial. */
  decisive: boolean;
  /** The statements behind the answer and the near misses, down to each condition. */
  details: string[];
}

export interface Flowchart {
  decision: Explanation['decision'];
  /** Cross-account and resource-policy notes that change how the steps combine. */
  notes: string[];
  steps: FlowStep[];
}

const QUESTIONS: Record<FlowStepId, string> = {
  deny: 'Does any policy explicitly deny?',
  rcp: 'Do the resource control policies (RCPs) allow?',
  scp: 'Do the service control policies (SCPs) allow?',
  resource: 'Does the resource-based policy allow?',
  identity: 'Do the identity-based policies allow?',
  boundary: 'Does the permissions boundary allow?',
  session: 'Do the session policies allow?',
};

function statementDetails(result: PolicyTypeResult): string[] {
  const others = result.relevant.filter((s) => !result.deciding.includes(s));
  const lines: string[] = [];
  for (const s of result.deciding) for (const l of statementLines(s, true)) lines.push(l);
  for (const s of others) for (const l of statementLines(s, false)) lines.push(l);
  return lines;
}

function denyStep(explanation: Explanation): FlowStep {
  const denying = explanation.policyTypes.filter((t) => t.verdict === 'explicitDeny');
  const details: string[] = [];
  for (const result of denying) {
    details.push(`${TYPE_TITLES[result.type]}:`);
    for (const s of result.deciding)
      for (const l of statementLines(s, true)) details.push(`  ${l}`);
  }
  const denied = denying.length > 0;
  return {
    id: 'deny',
    question: QUESTIONS.deny,
    answer: denied ? 'yes' : 'no',
    reached: true,
    decisive: denied,
    details,
  };
}

function typeAnswer(result: PolicyTypeResult, explanation: Explanation): FlowAnswer {
  if (result.verdict === 'allow') return 'yes';
  // A type that decides with no policy at all denies by its absence (a role with no trust policy).
  if (result.verdict === 'notApplicable')
    return result.type === explanation.decidedBy ? 'no' : 'none';
  return 'no';
}

export function flowchart(explanation: Explanation): Flowchart {
  const deny = denyStep(explanation);
  const steps: FlowStep[] = [deny];
  let reached = !deny.decisive;
  for (const result of explanation.policyTypes) {
    const decisive =
      reached && explanation.decision === 'implicitDeny' && explanation.decidedBy === result.type;
    steps.push({
      id: result.type,
      question: QUESTIONS[result.type],
      answer: typeAnswer(result, explanation),
      reached,
      decisive,
      details: statementDetails(result),
    });
    if (decisive) reached = false;
  }
  const notes = explanation.crossAccount
    ? ['Cross-account request: both accounts must allow it.', ...namingLines(explanation)]
    : namingLines(explanation);
  return { decision: explanation.decision, notes, steps };
}
