// Whether a bucket policy is "public" in S3's sense (access-control-block-public-access, "The
// meaning of public"): it grants access to a wildcard principal without a condition that pins one
// of the fixed-value keys S3 accepts as restricting it.
import type { Policy, PrincipalElement, Statement } from '../policy/types.js';

/** Condition keys whose fixed values make a wildcard grant non-public. */
const RESTRICTING_KEYS = new Set(
  [
    'aws:SourceArn',
    'aws:SourceVpc',
    'aws:SourceVpce',
    'aws:SourceAccount',
    'aws:SourceOwner',
    'aws:PrincipalAccount',
    'aws:PrincipalArn',
    'aws:PrincipalOrgID',
    'aws:userid',
    's3:DataAccessPointAccount',
    's3:DataAccessPointArn',
  ].map((key) => key.toLowerCase()),
);

function isWildcard(principal: PrincipalElement | undefined): boolean {
  return principal === '*' || (principal?.AWS?.includes('*') ?? false);
}

/** IpAddress on aws:SourceIp restricts unless the range is the whole address space. */
function restricts(statement: Statement): boolean {
  return statement.conditions.some(({ operator, key, values }) => {
    const lower = key.toLowerCase();
    if (lower === 'aws:sourceip') {
      return operator.startsWith('IpAddress') && !values.some((v) => v.endsWith('/0'));
    }
    const exact = /^(StringEquals|ArnEquals|ArnLike|StringLike)/.test(operator);
    return exact && RESTRICTING_KEYS.has(lower) && !values.some((v) => v.includes('*'));
  });
}

/** True when some Allow statement grants to everyone without a restricting condition. */
export function isPublicPolicy(policy: Policy): boolean {
  return policy.statements.some(
    (s) =>
      s.effect === 'Allow' &&
      (isWildcard(s.principal) || s.notPrincipal !== undefined) &&
      !restricts(s),
  );
}
