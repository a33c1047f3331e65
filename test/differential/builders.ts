// Names and builders shared by the hand-written scenarios and the known divergences: two accounts,
// their callers, and policy documents written as the JSON a learner would write.
import type { PolicyDocument, Scenario } from './translate.js';

export const ACCOUNT_A = '111122223333';
export const ACCOUNT_B = '444455556666';
export const ALICE = `arn:aws:iam::${ACCOUNT_A}:user/alice`;
export const BOB = `arn:aws:iam::${ACCOUNT_B}:user/bob`;
export const ROOT_A = `arn:aws:iam::${ACCOUNT_A}:root`;
export const APP_ROLE = `arn:aws:iam::${ACCOUNT_A}:role/app`;
export const APP_SESSION = `arn:aws:sts::${ACCOUNT_A}:assumed-role/app/s1`;
export const AUDIT_ROLE = `arn:aws:iam::${ACCOUNT_B}:role/audit`;
export const OBJECT = 'arn:aws:s3:::reports/q3.csv';
export const BUCKET = 'arn:aws:s3:::reports';

/** A Version 2012-10-17 document with these statements. */
export function policy(...statements: Record<string, unknown>[]): PolicyDocument {
  return { Version: '2012-10-17', Statement: statements };
}

/** A request with no policies yet; the resource's account is the caller's unless said. */
export function request(
  principal: string,
  action: string,
  resource: string,
  more: Partial<Scenario> = {},
): Scenario {
  const account = resource.split(':')[4] || principal.split(':')[4] || ACCOUNT_A;
  return {
    principal,
    action,
    resource,
    resourceAccount: account,
    context: {},
    identityPolicies: [],
    ...more,
  };
}

export const FULL_AWS_ACCESS = policy({ Effect: 'Allow', Action: '*', Resource: '*' });
