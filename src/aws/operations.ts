// Every operation of the simulated AWS, found by service and API name: the console asks here
// for the operation a parsed `aws ...` command names.
import { EC2_OPERATIONS } from './ec2.js';
import { IAM_OPERATIONS } from './iam/index.js';
import { ORGANIZATIONS_OPERATIONS } from './organizations.js';
import { ROLES_ANYWHERE_OPERATIONS } from './roles-anywhere.js';
import type { Operation } from './operation.js';
import { S3_OPERATIONS } from './s3.js';
import { STS_OPERATIONS } from './sts.js';

/** Every simulated operation, service by service. */
export const ALL_OPERATIONS: readonly Operation[] = [
  ...IAM_OPERATIONS,
  ...STS_OPERATIONS,
  ...S3_OPERATIONS,
  ...EC2_OPERATIONS,
  ...ORGANIZATIONS_OPERATIONS,
  ...ROLES_ANYWHERE_OPERATIONS,
];

const BY_NAME = new Map(ALL_OPERATIONS.map((op) => [`${op.service} ${op.name}`, op]));

/** The simulated operation, e.g. `findOperation('iam', 'CreateUser')`, if there is one. */
export function findOperation(service: string, name: string): Operation | undefined {
  return BY_NAME.get(`${service} ${name}`);
}

/** The IAM actions of a service's simulated operations, sorted: `iamActions('s3')`. */
export function iamActions(service: string): string[] {
  const actions = new Set<string>();
  for (const op of BY_NAME.values())
    if (op.action?.startsWith(`${service}:`) === true) actions.add(op.action);
  return [...actions].sort();
}
