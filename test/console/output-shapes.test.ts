// Every simulated operation's output against AWS's own output shape (issue 3: output shapes equal
// to the AWS CLI's), then against a golden file per service.
//
// One scenario drives every operation of src/aws/models/ through the console in a successful
// call. Each printed JSON value is checked against the operation's output shape in AWS's model
// (./output-shape.ts); a paginated command is run a second time with --no-paginate, so the page the
// service sent is checked too, and its result lists must be there. Only then is the first output of
// each operation compared with test/console/golden/<service>.json, exactly (values and key order):
// the goldens hold what the model has already accepted.
//
// To rewrite the goldens after a deliberate change of output, run
//   UPDATE_GOLDEN=1 npx vitest run test/console/output-shapes.test.ts
// and review the diff: a golden is only written when every output passed the shape check.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { commandTable } from '../../src/console/command-table.js';
import { SERVICE_MODELS } from '../../src/aws/models/index.js';
import { createSandbox, PRODUCTION_ACCOUNT, SANDBOX_ACCOUNT } from '../../src/console/sandbox.js';
import { findOperation } from '../../src/aws/operations.js';
import { ok, trustPolicy } from './helpers.js';
import { outputShapeProblems } from './output-shape.js';

const ACCOUNT = SANDBOX_ACCOUNT;
const POLICY = `arn:aws:iam::${ACCOUNT}:policy/boundary`;
const MFA = `arn:aws:iam::${ACCOUNT}:mfa/alice-phone`;
const SAML = `arn:aws:iam::${ACCOUNT}:saml-provider/CorpIdP`;
const GITHUB = 'token.actions.githubusercontent.com';
const OIDC = `arn:aws:iam::${ACCOUNT}:oidc-provider/${GITHUB}`;
const BUCKET = `shapes-${ACCOUNT}`;
const ALLOW_ALL =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}';
const ALLOW_S3 =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}';
const DENY_S3 =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"}]}';
const APP_TRUST = trustPolicy({
  Service: 'ec2.amazonaws.com',
  AWS: `arn:aws:iam::${ACCOUNT}:root`,
});
const SAML_TRUST = trustPolicy({ Federated: SAML }, undefined, 'sts:AssumeRoleWithSAML');
const OIDC_TRUST = trustPolicy({ Federated: OIDC }, undefined, 'sts:AssumeRoleWithWebIdentity');
const BUCKET_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/app` },
      Action: 's3:GetObject',
      Resource: `arn:aws:s3:::${BUCKET}/*`,
    },
  ],
});
const ASSOCIATION = `$(aws ec2 describe-iam-instance-profile-associations --query IamInstanceProfileAssociations[0].AssociationId --output text)`;

/**
 * The scenario, in order: `aws` lines are checked, other lines (the console's tools, `export`)
 * prepare them. Every `aws` line must succeed and print the whole response (no --query).
 */
const SCENARIO = [
  // IAM users, access keys, groups and their policies.
  'aws iam create-user --user-name alice',
  'aws iam get-user --user-name alice',
  'aws iam tag-user --user-name alice --tags Key=team,Value=dev',
  'aws iam list-users',
  'aws iam create-access-key --user-name alice',
  'aws iam list-access-keys --user-name alice',
  'export KEY=$(aws iam list-access-keys --user-name alice --query AccessKeyMetadata[0].AccessKeyId --output text)',
  'aws iam update-access-key --user-name alice --access-key-id $KEY --status Inactive',
  'aws iam get-access-key-last-used --access-key-id $KEY',
  'aws iam create-group --group-name devs',
  'aws iam add-user-to-group --group-name devs --user-name alice',
  'aws iam get-group --group-name devs',
  'aws iam list-groups',
  'aws iam list-groups-for-user --user-name alice',
  'aws iam attach-user-policy --user-name alice --policy-arn arn:aws:iam::aws:policy/ReadOnlyAccess',
  'aws iam list-attached-user-policies --user-name alice',
  'aws iam attach-group-policy --group-name devs --policy-arn arn:aws:iam::aws:policy/ReadOnlyAccess',
  'aws iam list-attached-group-policies --group-name devs',
  `aws iam put-user-policy --user-name alice --policy-name s3 --policy-document '${ALLOW_S3}'`,
  'aws iam get-user-policy --user-name alice --policy-name s3',
  'aws iam list-user-policies --user-name alice',
  `aws iam put-group-policy --group-name devs --policy-name s3 --policy-document '${ALLOW_S3}'`,
  'aws iam get-group-policy --group-name devs --policy-name s3',
  'aws iam list-group-policies --group-name devs',
  // Managed policies and permissions boundaries.
  `aws iam create-policy --policy-name boundary --policy-document '${ALLOW_S3}'`,
  `aws iam get-policy --policy-arn ${POLICY}`,
  `aws iam create-policy-version --policy-arn ${POLICY} --policy-document '${ALLOW_ALL}' --set-as-default`,
  `aws iam get-policy-version --policy-arn ${POLICY} --version-id v2`,
  `aws iam delete-policy-version --policy-arn ${POLICY} --version-id v1`,
  'aws iam list-policies --scope Local',
  `aws iam put-user-permissions-boundary --user-name alice --permissions-boundary ${POLICY}`,
  // Roles and instance profiles.
  `aws iam create-role --role-name app --assume-role-policy-document '${APP_TRUST}'`,
  'aws iam get-role --role-name app',
  'aws iam list-roles',
  'aws iam update-role --role-name app --description "The application" --max-session-duration 7200',
  'aws iam tag-role --role-name app --tags Key=team,Value=dev',
  `aws iam update-assume-role-policy --role-name app --policy-document '${APP_TRUST}'`,
  'aws iam attach-role-policy --role-name app --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
  'aws iam list-attached-role-policies --role-name app',
  `aws iam put-role-policy --role-name app --policy-name s3 --policy-document '${ALLOW_S3}'`,
  'aws iam get-role-policy --role-name app --policy-name s3',
  'aws iam list-role-policies --role-name app',
  `aws iam put-role-permissions-boundary --role-name app --permissions-boundary ${POLICY}`,
  'aws iam create-instance-profile --instance-profile-name app',
  'aws iam add-role-to-instance-profile --instance-profile-name app --role-name app',
  'aws iam get-instance-profile --instance-profile-name app',
  'aws iam list-instance-profiles',
  // Passwords, the account, MFA.
  "aws iam create-login-profile --user-name alice --password 'Corr3ct-Horse-Battery'",
  'aws iam get-login-profile --user-name alice',
  'aws iam update-login-profile --user-name alice --password-reset-required',
  'aws iam update-account-password-policy --minimum-password-length 14 --require-symbols',
  'aws iam get-account-password-policy',
  'aws iam get-account-summary',
  'aws iam create-virtual-mfa-device --virtual-mfa-device-name alice-phone --outfile ~/seed.txt --bootstrap-method Base32StringSeed',
  'export CODE1=$(mfa-code ~/seed.txt)',
  'wait 30s',
  `aws iam enable-mfa-device --user-name alice --serial-number ${MFA} --authentication-code1 $CODE1 --authentication-code2 $(mfa-code ~/seed.txt)`,
  'aws iam list-mfa-devices --user-name alice',
  'aws iam list-virtual-mfa-devices',
  // Identity providers and the STS calls that use them.
  'saml-idp metadata --outfile idp.xml',
  'aws iam create-saml-provider --name CorpIdP --saml-metadata-document file://idp.xml',
  'aws iam list-saml-providers',
  `aws iam create-open-id-connect-provider --url https://${GITHUB} --client-id-list sts.amazonaws.com --thumbprint-list 6938fd4d98bab03faadb97b34396831e3780aea1`,
  'aws iam list-open-id-connect-providers',
  `aws iam create-role --role-name developers --assume-role-policy-document '${SAML_TRUST}'`,
  `aws iam create-role --role-name deploy --assume-role-policy-document '${OIDC_TRUST}'`,
  'aws sts get-caller-identity',
  'aws sts get-session-token',
  `aws sts assume-role --role-arn arn:aws:iam::${ACCOUNT}:role/app --role-session-name shapes`,
  `saml-idp sign-in --user maria --role arn:aws:iam::${ACCOUNT}:role/developers,${SAML} --outfile saml.b64`,
  `aws sts assume-role-with-saml --role-arn arn:aws:iam::${ACCOUNT}:role/developers --principal-arn ${SAML} --saml-assertion file://saml.b64`,
  'oidc-token --repo acme/app --ref refs/heads/main --outfile token.jwt',
  `aws sts assume-role-with-web-identity --role-arn arn:aws:iam::${ACCOUNT}:role/deploy --role-session-name gh-run --web-identity-token file://token.jwt`,
  // S3.
  `aws s3api create-bucket --bucket ${BUCKET}`,
  `aws s3api put-object --bucket ${BUCKET} --key idp.xml --body idp.xml`,
  `aws s3api get-object --bucket ${BUCKET} --key idp.xml copy.xml`,
  `aws s3api list-objects-v2 --bucket ${BUCKET}`,
  'aws s3api list-buckets',
  `aws s3api put-bucket-policy --bucket ${BUCKET} --policy '${BUCKET_POLICY}'`,
  `aws s3api get-bucket-policy --bucket ${BUCKET}`,
  `aws s3api delete-bucket-policy --bucket ${BUCKET}`,
  `aws s3api put-public-access-block --bucket ${BUCKET} --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true`,
  `aws s3api delete-object --bucket ${BUCKET} --key idp.xml`,
  `aws s3api delete-bucket --bucket ${BUCKET}`,
  // EC2 with the instance profile.
  'aws iam create-instance-profile --instance-profile-name other',
  'aws iam add-role-to-instance-profile --instance-profile-name other --role-name deploy',
  'aws ec2 run-instances --image-id ami-0fff1b9a61dec8a5f --iam-instance-profile Name=app',
  'export INSTANCE=$(aws ec2 describe-instances --query Reservations[-1].Instances[0].InstanceId --output text)',
  'aws ec2 describe-instances --instance-ids $INSTANCE',
  'aws ec2 describe-iam-instance-profile-associations',
  'aws ec2 modify-instance-metadata-options --instance-id $INSTANCE --http-tokens required',
  `aws ec2 replace-iam-instance-profile-association --association-id ${ASSOCIATION} --iam-instance-profile Name=other`,
  `aws ec2 disassociate-iam-instance-profile --association-id ${ASSOCIATION}`,
  'aws ec2 associate-iam-instance-profile --instance-id $INSTANCE --iam-instance-profile Name=app',
  'aws ec2 terminate-instances --instance-ids $INSTANCE',
  // Organizations and Roles Anywhere.
  'aws organizations describe-organization',
  'aws organizations list-accounts',
  `aws organizations create-policy --name no-delete --description "No bucket deletion" --type SERVICE_CONTROL_POLICY --content '${DENY_S3}'`,
  `aws organizations attach-policy --policy-id $(aws organizations list-policies --filter SERVICE_CONTROL_POLICY --query "Policies[?Name=='no-delete'].Id" --output text) --target-id ${PRODUCTION_ACCOUNT}`,
  'aws organizations list-policies --filter SERVICE_CONTROL_POLICY',
  'ca create --name "Corp Root CA" --cert-out ca.pem --key-out ca.key',
  `aws rolesanywhere create-trust-anchor --name corp --enabled --source "sourceType=CERTIFICATE_BUNDLE,sourceData={x509CertificateData='$(cat ca.pem)'}"`,
  `aws rolesanywhere create-profile --name app --enabled --role-arns arn:aws:iam::${ACCOUNT}:role/app`,
  'aws rolesanywhere list-trust-anchors',
  'aws rolesanywhere list-profiles',
  // Taking it all down again.
  `aws iam deactivate-mfa-device --user-name alice --serial-number ${MFA}`,
  `aws iam delete-virtual-mfa-device --serial-number ${MFA}`,
  'aws iam delete-access-key --user-name alice --access-key-id $KEY',
  'aws iam remove-user-from-group --group-name devs --user-name alice',
  'aws iam detach-user-policy --user-name alice --policy-arn arn:aws:iam::aws:policy/ReadOnlyAccess',
  'aws iam detach-group-policy --group-name devs --policy-arn arn:aws:iam::aws:policy/ReadOnlyAccess',
  'aws iam delete-user-policy --user-name alice --policy-name s3',
  'aws iam delete-group-policy --group-name devs --policy-name s3',
  'aws iam delete-login-profile --user-name alice',
  'aws iam delete-user --user-name alice',
  'aws iam remove-role-from-instance-profile --instance-profile-name other --role-name deploy',
  'aws iam delete-instance-profile --instance-profile-name other',
  'aws iam detach-role-policy --role-name app --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
  'aws iam delete-role-policy --role-name app --policy-name s3',
  'aws iam delete-role --role-name developers',
  `aws iam delete-saml-provider --saml-provider-arn ${SAML}`,
  `aws iam delete-open-id-connect-provider --open-id-connect-provider-arn ${OIDC}`,
  `aws iam create-policy --policy-name scratch --policy-document '${ALLOW_S3}'`,
  `aws iam delete-policy --policy-arn arn:aws:iam::${ACCOUNT}:policy/scratch`,
];

interface Printed {
  service: string;
  operation: string;
  line: string;
  /** The parsed JSON, or undefined when the command printed nothing. */
  value: unknown;
}

/** The operation an `aws <service> <command> ...` line calls, by the console's command table. */
function operationOf(line: string): { service: string; operation: string } {
  const [, cliService = '', command = ''] = line.split(' ');
  const spec = commandTable().services.get(cliService)?.commands.get(command);
  if (spec === undefined) throw new Error(`no command: ${line}`);
  return { service: spec.service, operation: spec.operation };
}

function parsed(stdout: string): unknown {
  return stdout === '' ? undefined : (JSON.parse(stdout) as unknown);
}

/** Runs the scenario; every aws line's output, and the page the service sent for paginated ones. */
function runScenario(): { printed: Printed[]; pages: Printed[] } {
  const session = createSandbox('output-shapes', Date.UTC(2026, 10, 30, 10));
  const printed: Printed[] = [];
  const pages: Printed[] = [];
  for (const line of SCENARIO) {
    if (!line.startsWith('aws ')) {
      ok(session, line);
      continue;
    }
    const { service, operation } = operationOf(line);
    const paginated = SERVICE_MODELS[service]?.operations[operation]?.paginator !== undefined;
    // A list is read twice: as the service sent it, then as the CLI joins the pages.
    if (paginated) {
      const page = parsed(ok(session, `${line} --no-paginate`));
      pages.push({ service, operation, line: `${line} --no-paginate`, value: page });
    }
    printed.push({ service, operation, line, value: parsed(ok(session, line)) });
  }
  return { printed, pages };
}

/** The required members a printed value may lack: the CLI drops paging tokens as it joins pages. */
function pagingMembers(service: string, operation: string): string[] {
  const paginator = SERVICE_MODELS[service]?.operations[operation]?.paginator;
  if (paginator === undefined) return [];
  return [...paginator.outputToken, ...(paginator.moreResults ? [paginator.moreResults] : [])];
}

/**
 * What a page carries every time it has results: its result lists, and the flag that says whether
 * more follow (`IsTruncated`: IAM's and S3's API references show it in every response). S3 returns
 * CommonPrefixes only when a Delimiter groups keys (API_ListObjectsV2: "CommonPrefixes ... only if
 * you specify a delimiter").
 */
function alwaysOnPage(service: string, operation: string): string[] {
  const paginator = SERVICE_MODELS[service]?.operations[operation]?.paginator;
  const flag = paginator?.moreResults;
  const keys = [...(paginator?.resultKey ?? []), ...(flag === undefined ? [] : [flag])];
  return operation === 'ListObjectsV2' ? keys.filter((key) => key !== 'CommonPrefixes') : keys;
}

const GOLDEN_DIR = new URL('golden/', import.meta.url);

describe('the output of every simulated operation', () => {
  const { printed, pages } = runScenario();

  it('covers every operation the models list, each simulated', () => {
    const expected = Object.entries(SERVICE_MODELS).flatMap(([service, model]) =>
      Object.keys(model.operations).map((operation) => `${service} ${operation}`),
    );
    for (const name of expected) {
      const [service = '', operation = ''] = name.split(' ');
      expect(findOperation(service, operation), name).toBeDefined();
    }
    const covered = new Set(printed.map((p) => `${p.service} ${p.operation}`));
    expect([...covered].sort()).toEqual(expected.sort());
  });

  it.each(printed.map((p) => [p.line, p] as const))('%s: fits the output shape', (_line, p) => {
    const model = SERVICE_MODELS[p.service];
    if (model === undefined) throw new Error(`no model ${p.service}`);
    expect(
      outputShapeProblems(model, p.operation, p.value, [], pagingMembers(p.service, p.operation)),
    ).toEqual([]);
  });

  it.each(pages.map((p) => [p.line, p] as const))('%s: the page fits, its lists there', (_l, p) => {
    const model = SERVICE_MODELS[p.service];
    if (model === undefined) throw new Error(`no model ${p.service}`);
    expect(
      outputShapeProblems(model, p.operation, p.value, alwaysOnPage(p.service, p.operation)),
    ).toEqual([]);
  });

  it.each(Object.keys(SERVICE_MODELS))('%s: matches its golden file', async (service) => {
    const goldens: Record<string, { command: string; output: unknown }> = {};
    for (const p of printed) {
      if (p.service === service && goldens[p.operation] === undefined)
        goldens[p.operation] = { command: p.line, output: p.value ?? null };
    }
    const file = new URL(`${service}.json`, GOLDEN_DIR);
    if (process.env.UPDATE_GOLDEN === '1') {
      const model = SERVICE_MODELS[service];
      if (model === undefined) throw new Error(`no model ${service}`);
      // Only outputs the model accepts become goldens.
      for (const [operation, golden] of Object.entries(goldens))
        expect(
          outputShapeProblems(
            model,
            operation,
            golden.output ?? undefined,
            [],
            pagingMembers(service, operation),
          ),
        ).toEqual([]);
      const path = fileURLToPath(file);
      const options = { ...(await resolveConfig(path)), filepath: path };
      writeFileSync(file, await format(JSON.stringify(goldens), options));
    }
    const stored = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    // Compared as text of the same layout, so that key order counts as it does on screen.
    expect(JSON.stringify(goldens, null, 2)).toBe(JSON.stringify(stored, null, 2));
  });
});
