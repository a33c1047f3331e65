// The input of an offline simulation (`iam-tutor simulate FILE`): one request and the policies
// that apply to it, as JSON. Each policy is validated as IAM would for its place.
import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { principalFromText } from '../policy/arn.js';
import { validatePolicy } from '../policy/validate.js';
import type { EvaluationInput, Policy, PolicyKind, ResourcePolicyKind } from '../policy/types.js';

// zod/mini keeps the bundle small (the full build is ~450 KB); it needs its messages loaded.
z.config(en());

const scalar = z.union([z.string(), z.number(), z.boolean()]);
const policyList = z.optional(z.array(z.unknown()));
const policyLevels = z.optional(z.array(z.array(z.unknown())));

const simulationSchema = z.strictObject({
  request: z.strictObject({
    principal: z.string().check(z.minLength(1)),
    /** For an assumed-role caller whose role has a path: the role's IAM ARN. */
    roleArn: z.optional(z.string()),
    action: z
      .string()
      .check(
        z.regex(/^[A-Za-z0-9-]+:[A-Za-z0-9*?]+$/, 'expected service:Action, e.g. s3:GetObject'),
      ),
    resource: z.string().check(z.minLength(1)),
    resourceAccount: z.optional(
      z.string().check(z.regex(/^\d{12}$/, 'expected a 12-digit account id')),
    ),
    context: z.optional(
      z.record(
        z.string(),
        z.union([scalar, z.array(scalar)], {
          error: 'expected a string, number or boolean, or a list of them (multivalued keys)',
        }),
      ),
    ),
  }),
  identityPolicies: policyList,
  permissionsBoundary: z.optional(z.unknown()),
  sessionPolicy: z.optional(z.unknown()),
  resourcePolicy: z.optional(z.unknown()),
  /** `trust` for a role trust policy, `kms` for a key policy; guessed from the action if absent. */
  resourcePolicyKind: z.optional(z.enum(['resource', 'trust', 'kms'])),
  scps: policyLevels,
  rcps: policyLevels,
});

export type SimulationParse =
  { ok: true; input: EvaluationInput } | { ok: false; path: string; message: string };

class InvalidPolicy extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

/** The JSON path of a zod issue, in the `$.a[0].b` form the validator uses too. */
function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`),
    '$',
  );
}

/**
 * The largest identity policy IAM stores: a role's inline policies together (reference_iam-quotas).
 * The file does not say whether a policy is inline or managed, so the largest limit applies.
 */
const IDENTITY_POLICY_CHARS = 10_240;
/** S3 bucket policies may be up to 20 KB (bucket policy size, S3 quotas). */
const RESOURCE_POLICY_CHARS = 20_480;

/** Validates one policy of the file by its kind; policies may be objects or JSON text. */
function policyAt(document: unknown, kind: PolicyKind, path: string, maxChars?: number): Policy {
  const result = validatePolicy(document, kind, {
    name: path.slice(2),
    ...(maxChars === undefined ? {} : { maxChars }),
  });
  if (result.ok) return result.policy;
  const inner = result.error.path.slice(1);
  throw new InvalidPolicy(`${path}${inner}`, `${result.error.code}: ${result.error.message}`);
}

const ROLE_ACTIONS =
  /^sts:(AssumeRole|AssumeRoleWithSAML|AssumeRoleWithWebIdentity|TagSession|SetSourceIdentity)$/i;

function guessResourcePolicyKind(action: string, resource: string): ResourcePolicyKind {
  if (ROLE_ACTIONS.test(action) && /^arn:[^:]+:iam::\d{12}:role\//.test(resource)) return 'trust';
  return action.toLowerCase().startsWith('kms:') ? 'kms' : 'resource';
}

/** Reads a simulation file's parsed JSON into an evaluation input, or says what is wrong. */
export function parseSimulation(value: unknown): SimulationParse {
  const parsed = simulationSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, path: jsonPath(issue?.path ?? []), message: issue?.message ?? 'invalid' };
  }
  const file = parsed.data;
  const caller = principalFromText(file.request.principal, file.request.roleArn);
  if (!caller.ok) return { ok: false, path: '$.request.principal', message: caller.message };
  const context = Object.fromEntries(
    Object.entries(file.request.context ?? {}).map(([key, v]) => [
      key,
      Array.isArray(v) ? v.map(String) : String(v),
    ]),
  );
  const resourcePolicyKind =
    file.resourcePolicyKind ?? guessResourcePolicyKind(file.request.action, file.request.resource);
  try {
    const input: EvaluationInput = {
      request: {
        principal: caller.principal,
        action: file.request.action,
        resource: file.request.resource,
        context,
        ...(file.request.resourceAccount === undefined
          ? {}
          : { resourceAccount: file.request.resourceAccount }),
      },
      // Identity policies are read as inline policies, which still accept Version 2008-10-17.
      identityPolicies: (file.identityPolicies ?? []).map((doc, i) =>
        policyAt(doc, 'inline', `$.identityPolicies[${i}]`, IDENTITY_POLICY_CHARS),
      ),
    };
    if (file.permissionsBoundary !== undefined) {
      input.permissionsBoundary = policyAt(
        file.permissionsBoundary,
        'managed',
        '$.permissionsBoundary',
      );
    }
    if (file.sessionPolicy !== undefined) {
      const { type } = caller.principal;
      if (type !== 'assumed-role' && type !== 'federated-user') {
        return {
          ok: false,
          path: '$.sessionPolicy',
          message:
            'session policies exist only for role sessions and federated users (assumed-role or federated-user callers)',
        };
      }
      input.sessionPolicies = [policyAt(file.sessionPolicy, 'session', '$.sessionPolicy')];
    }
    if (file.resourcePolicy !== undefined) {
      const kind = resourcePolicyKind === 'trust' ? 'trust' : 'resource';
      const limit = kind === 'resource' ? RESOURCE_POLICY_CHARS : undefined;
      input.resourcePolicy = policyAt(file.resourcePolicy, kind, '$.resourcePolicy', limit);
      input.resourcePolicyKind = resourcePolicyKind;
    }
    const levels = (key: 'scps' | 'rcps', kind: PolicyKind) =>
      file[key]?.map((level, l) =>
        level.map((doc, i) => policyAt(doc, kind, `$.${key}[${l}][${i}]`)),
      );
    const scps = levels('scps', 'scp');
    const rcps = levels('rcps', 'rcp');
    if (scps) input.scps = scps;
    if (rcps) input.rcps = rcps;
    return { ok: true, input };
  } catch (error) {
    if (error instanceof InvalidPolicy)
      return { ok: false, path: error.path, message: error.message };
    throw error;
  }
}
