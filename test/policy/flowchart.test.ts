// The evaluation drawn as the AWS flowchart (reference_policies_evaluation-logic_policy-eval-denyallow):
// an explicit deny anywhere ends it first; otherwise each policy type in order must allow, and the
// first that does not decides an implicit deny, so AWS never reaches the steps after it.
import { describe, expect, it } from 'vitest';
import { flowchart, type FlowStep } from '../../src/policy/flowchart.js';
import { ACCOUNT_A, ACCOUNT_B, ALICE, allow, decide, deny, policy } from './helpers.js';

const get = { action: 's3:GetObject', resource: 'arn:aws:s3:::reports/q3.csv' };
const byId = (steps: FlowStep[]) => Object.fromEntries(steps.map((s) => [s.id, s]));

describe('flowchart', () => {
  it('an identity policy that allows: every step reached, nothing decisive, no deny', () => {
    const chart = flowchart(
      decide({ principal: ALICE, ...get, identityPolicies: [policy(allow('s3:GetObject'))] })
        .explanation,
    );
    expect(chart.decision).toBe('allowed');
    expect(chart.steps.map((s) => s.id)).toEqual([
      'deny',
      'rcp',
      'scp',
      'resource',
      'identity',
      'boundary',
      'session',
    ]);
    const steps = byId(chart.steps);
    expect(steps.deny).toMatchObject({ answer: 'no', decisive: false });
    expect(steps.identity).toMatchObject({ answer: 'yes', reached: true });
    expect(steps.identity?.details[0]).toBe('Allow by policy statement 0');
    expect(steps.scp?.answer).toBe('none');
    expect(chart.steps.every((s) => s.reached && !s.decisive)).toBe(true);
  });

  it('no statement allows: the identity step decides and the later steps are not reached', () => {
    const chart = flowchart(
      decide({
        principal: ALICE,
        ...get,
        identityPolicies: [policy(allow('s3:GetObject', 'arn:aws:s3:::payroll/*'))],
        permissionsBoundary: policy(allow('s3:*'), 'managed'),
      }).explanation,
    );
    const steps = byId(chart.steps);
    expect(steps.identity).toMatchObject({ answer: 'no', decisive: true, reached: true });
    // The near miss says why it did not apply.
    expect(steps.identity?.details).toEqual([
      'policy statement 0 (Allow) does not apply: the resource does not match',
    ]);
    expect(steps.boundary).toMatchObject({ answer: 'yes', reached: false });
  });

  it('an explicit deny decides at the first step, with the denying statement and its condition', () => {
    const chart = flowchart(
      decide({
        principal: ALICE,
        ...get,
        identityPolicies: [
          policy(allow('s3:*')),
          policy(
            deny('*', '*', {
              Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
            }),
            'inline',
            'require-mfa',
          ),
        ],
      }).explanation,
    );
    expect(chart.decision).toBe('explicitDeny');
    const [first, ...rest] = chart.steps;
    expect(first).toMatchObject({ id: 'deny', answer: 'yes', decisive: true });
    expect(first?.details).toEqual([
      'Identity-based policies:',
      '  Deny by require-mfa statement 0',
      '    BoolIfExists aws:MultiFactorAuthPresent ["false"]; request: missing -> true',
    ]);
    expect(rest.every((s) => !s.reached)).toBe(true);
  });

  it('a cross-account request says both accounts must allow', () => {
    const chart = flowchart(
      decide({
        principal: `arn:aws:iam::${ACCOUNT_B}:user/bob`,
        ...get,
        resourceAccount: ACCOUNT_A,
        identityPolicies: [policy(allow('s3:GetObject'))],
      }).explanation,
    );
    expect(chart.notes[0]).toBe('Cross-account request: both accounts must allow it.');
    expect(byId(chart.steps).resource).toMatchObject({ answer: 'no', decisive: true });
  });
});
