// Dev-time only (not run by tests or CI): writes src/aws/models/<service>.json, the slice of
// AWS's own service models that the simulated services check input against and the console's
// command table is generated from.
//
//   node scripts/extract-aws-models.mjs [--sdk-apis DIR] [--botocore-data DIR]
//
// Two sources, because neither has everything:
// - the structure (operations, members, types, required, locationName, paginators) comes from the
//   AWS SDK for JavaScript v2 (`npm pack aws-sdk@2.1693.0`, `package/apis/<service>-<version>.min.json`),
//   the newer of the two;
// - the constraints (min, max, pattern, enum) come from botocore's full `service-2.json`, because
//   the SDK's `.min.json` files strip them. Debian's `awscli` package ships botocore's data
//   (`/usr/lib/python3/dist-packages/awscli/botocore/data`); without it installed, the script
//   fetches that package with `apt-get download` and unpacks it into a temp dir.
// A constraint is copied only where botocore has a shape of the same type at the same path.
//
// The output keeps botocore's shape vocabulary (`{ "shape": "userNameType" }`, `type`, `members`,
// `member`, `key`, `value`, `required`, `min`, `max`, `pattern`, `enum`, `locationName`, ...),
// with botocore's shape names where botocore has the shape. Operations and shapes are sorted;
// members keep the model's order, which is the order the AWS CLI lists and checks flags in.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';

const SDK_PACKAGE = 'aws-sdk@2.1693.0';
const INSTALLED_BOTOCORE = '/usr/lib/python3/dist-packages/awscli/botocore/data';
const OUT_DIR = 'src/aws/models';

/** The operations the simulator supports, by botocore service name. */
const SUPPORTED = {
  iam: `CreateUser GetUser ListUsers DeleteUser TagUser CreateAccessKey ListAccessKeys UpdateAccessKey
    DeleteAccessKey GetAccessKeyLastUsed CreateGroup GetGroup AddUserToGroup RemoveUserFromGroup
    ListGroups ListGroupsForUser AttachUserPolicy DetachUserPolicy AttachGroupPolicy
    DetachGroupPolicy
    AttachRolePolicy DetachRolePolicy ListAttachedUserPolicies ListAttachedGroupPolicies
    ListAttachedRolePolicies PutUserPolicy PutGroupPolicy PutRolePolicy GetUserPolicy GetGroupPolicy
    GetRolePolicy DeleteUserPolicy DeleteGroupPolicy DeleteRolePolicy ListUserPolicies
    ListGroupPolicies ListRolePolicies CreatePolicy GetPolicy
    GetPolicyVersion CreatePolicyVersion DeletePolicyVersion DeletePolicy ListPolicies CreateRole
    GetRole DeleteRole ListRoles UpdateAssumeRolePolicy UpdateRole TagRole CreateInstanceProfile
    AddRoleToInstanceProfile RemoveRoleFromInstanceProfile GetInstanceProfile ListInstanceProfiles
    DeleteInstanceProfile PutUserPermissionsBoundary PutRolePermissionsBoundary CreateLoginProfile
    GetLoginProfile UpdateLoginProfile DeleteLoginProfile CreateVirtualMFADevice EnableMFADevice
    DeactivateMFADevice DeleteVirtualMFADevice ListMFADevices ListVirtualMFADevices
    GetAccountPasswordPolicy UpdateAccountPasswordPolicy GetAccountSummary CreateSAMLProvider CreateOpenIDConnectProvider ListSAMLProviders
    ListOpenIDConnectProviders DeleteSAMLProvider DeleteOpenIDConnectProvider`,
  sts: 'GetCallerIdentity AssumeRole AssumeRoleWithSAML AssumeRoleWithWebIdentity GetSessionToken',
  s3: `ListBuckets CreateBucket DeleteBucket PutBucketPolicy GetBucketPolicy DeleteBucketPolicy
    PutPublicAccessBlock GetObject PutObject DeleteObject ListObjectsV2`,
  ec2: `RunInstances DescribeInstances TerminateInstances ModifyInstanceMetadataOptions
    AssociateIamInstanceProfile ReplaceIamInstanceProfileAssociation DisassociateIamInstanceProfile
    DescribeIamInstanceProfileAssociations`,
  rolesanywhere: 'CreateTrustAnchor CreateProfile ListProfiles ListTrustAnchors',
  organizations: 'DescribeOrganization ListAccounts CreatePolicy AttachPolicy ListPolicies',
};

/**
 * The keys botocore keeps beside the result lists when it joins pages, from its
 * `paginators-1.sdk-extras.json` (merged into `paginators-1.json` when botocore loads them), for
 * operations that Debian's awscli 2.9 data does not paginate yet while the SDK does: S3 added
 * ListBuckets' paginator in 2024, with the extras `"non_aggregate_keys": ["Owner", "Prefix"]`
 * (botocore 1.35 and later). Without them the CLI would drop the bucket owner from its output.
 */
const NON_AGGREGATE_EXTRAS = { s3: { ListBuckets: ['Owner', 'Prefix'] } };

/** Traits that belong to the reference to a shape (the member), not to the shape itself. */
const MEMBER_TRAITS = [
  'locationName',
  'location',
  'queryName',
  'xmlNamespace',
  'xmlAttribute',
  'idempotencyToken',
  'hostLabel',
  'deprecated',
];
/** Traits of a shape that we keep, in the order they are written. */
const SHAPE_TRAITS = ['sensitive', 'streaming', 'flattened', 'timestampFormat', 'payload'];
const CONSTRAINTS = ['min', 'max', 'pattern', 'enum'];

function argValue(name) {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
}

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function sdkApisDir() {
  const given = argValue('--sdk-apis');
  if (given) return given;
  const dir = mkdtempSync(join(tmpdir(), 'aws-sdk-'));
  const tarball = execFileSync('npm', ['pack', SDK_PACKAGE, '--silent'], {
    cwd: dir,
    encoding: 'utf8',
  }).trim();
  execFileSync('tar', ['xzf', tarball, 'package/apis'], { cwd: dir });
  return join(dir, 'package', 'apis');
}

function botocoreDataDir() {
  const given = argValue('--botocore-data');
  if (given) return given;
  if (existsSync(INSTALLED_BOTOCORE)) return INSTALLED_BOTOCORE;
  const dir = mkdtempSync(join(tmpdir(), 'awscli-deb-'));
  execFileSync('apt-get', ['download', 'awscli'], { cwd: dir, stdio: 'inherit' });
  const deb = readdirSync(dir).find((name) => name.endsWith('.deb'));
  execFileSync('dpkg-deb', ['-x', deb, join(dir, 'root')]);
  return join(dir, 'root', INSTALLED_BOTOCORE);
}

function botocoreVersion(dataDir) {
  const init = readFileSync(join(dataDir, '..', '..', '__init__.py'), 'utf8');
  return /__version__ = '([^']+)'/.exec(init)?.[1] ?? 'unknown';
}

/** One service's slice: walks the SDK's shapes and botocore's in step, naming shapes botocore's way. */
class Extractor {
  constructor(sdk, botocore) {
    this.sdk = sdk;
    this.botocore = botocore;
    this.shapes = new Map();
  }

  /** A reference as written in either model -> the shape it points at, with member traits merged in. */
  static resolve(model, ref) {
    if (ref === undefined) return undefined;
    if (ref.shape === undefined) return ref;
    return { ...model.shapes[ref.shape], ...ref };
  }

  /** Emits the shape `sdkRef` points at and returns the member reference to it. */
  ref(sdkRef, botocoreRef, fallbackName) {
    const sdkShape = Extractor.resolve(this.sdk, sdkRef);
    const botocoreShape = Extractor.resolve(this.botocore, botocoreRef);
    const name = botocoreRef?.shape ?? fallbackName;
    const member = { shape: name };
    for (const trait of MEMBER_TRAITS)
      if (sdkRef[trait] !== undefined) member[trait] = sdkRef[trait];
    this.define(
      name,
      sdkShape,
      botocoreShape?.type === (sdkShape.type ?? 'string') ? botocoreShape : undefined,
    );
    return member;
  }

  define(name, sdkShape, botocoreShape) {
    const type = sdkShape.type ?? 'string';
    const shape = { type };
    if (type === 'structure') {
      if (sdkShape.required?.length) shape.required = sdkShape.required;
      shape.members = {};
    }
    for (const trait of SHAPE_TRAITS)
      if (sdkShape[trait] !== undefined) shape[trait] = sdkShape[trait];
    for (const constraint of CONSTRAINTS) {
      if (botocoreShape?.[constraint] !== undefined) shape[constraint] = botocoreShape[constraint];
    }
    // Registered before the members are visited, so a recursive shape refers to itself.
    const previous = this.shapes.get(name);
    this.shapes.set(name, shape);
    if (type === 'structure') {
      for (const [memberName, memberRef] of Object.entries(sdkShape.members ?? {})) {
        shape.members[memberName] = this.ref(
          memberRef,
          botocoreShape?.members?.[memberName],
          `${name}${memberName}`,
        );
      }
    } else if (type === 'list') {
      shape.member = this.ref(sdkShape.member, botocoreShape?.member, `${name}Member`);
    } else if (type === 'map') {
      shape.key = this.ref(sdkShape.key, botocoreShape?.key, `${name}Key`);
      shape.value = this.ref(sdkShape.value, botocoreShape?.value, `${name}Value`);
    }
    if (previous !== undefined && JSON.stringify(previous) !== JSON.stringify(shape)) {
      throw new Error(`shape ${name} has two different definitions`);
    }
  }

  operation(name, paginator) {
    const sdkOperation = this.sdk.operations[name];
    const botocoreOperation = this.botocore.operations[name];
    if (sdkOperation === undefined) throw new Error(`no operation ${name} in the SDK model`);
    const operation = {};
    if (sdkOperation.input) {
      operation.input = this.ref(sdkOperation.input, botocoreOperation?.input, `${name}Request`);
    }
    if (sdkOperation.output) {
      operation.output = this.ref(sdkOperation.output, botocoreOperation?.output, `${name}Output`);
      if (sdkOperation.output.resultWrapper)
        operation.resultWrapper = sdkOperation.output.resultWrapper;
    }
    if (paginator) operation.paginator = paginator;
    return operation;
  }
}

function sorted(record) {
  return Object.fromEntries(
    Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}

function toList(value) {
  return value === undefined ? undefined : [value].flat();
}

function modelFile(apisDir, prefix, suffix) {
  const name = readdirSync(apisDir).find(
    (file) => file.startsWith(`${prefix}-`) && file.endsWith(suffix),
  );
  if (name === undefined) throw new Error(`no ${prefix}-*${suffix} in ${apisDir}`);
  return name;
}

async function main() {
  const apisDir = sdkApisDir();
  const botocoreDir = botocoreDataDir();
  const prettierConfig = { ...(await resolveConfig(join(OUT_DIR, 'x.json'))), parser: 'json' };
  mkdirSync(OUT_DIR, { recursive: true });
  for (const [service, names] of Object.entries(SUPPORTED)) {
    const sdkFile = modelFile(apisDir, service, '.min.json');
    const apiVersion = sdkFile.slice(service.length + 1, -'.min.json'.length);
    const sdk = readJson(join(apisDir, sdkFile));
    const botocore = readJson(join(botocoreDir, service, apiVersion, 'service-2.json'));
    const paginatorsFile = join(apisDir, `${service}-${apiVersion}.paginators.json`);
    const paginators = existsSync(paginatorsFile) ? readJson(paginatorsFile).pagination : {};
    // The keys kept beside the result lists when the CLI joins pages: only botocore lists them.
    const botocorePaginatorsFile = join(botocoreDir, service, apiVersion, 'paginators-1.json');
    const botocorePaginators = existsSync(botocorePaginatorsFile)
      ? readJson(botocorePaginatorsFile).pagination
      : {};
    const extrasFile = join(botocoreDir, service, apiVersion, 'paginators-1.sdk-extras.json');
    const extras = existsSync(extrasFile) ? readJson(extrasFile).merge.pagination : {};
    /** The non-aggregate keys botocore has for the operation, its extras merged in. */
    const nonAggregateKeys = (name) =>
      botocorePaginators[name]?.non_aggregate_keys ??
      extras[name]?.non_aggregate_keys ??
      NON_AGGREGATE_EXTRAS[service]?.[name];
    const extractor = new Extractor(sdk, botocore);
    const operations = {};
    for (const name of names.split(/\s+/).filter(Boolean).sort()) {
      // Only paginators with an input token make the AWS CLI paginate (botocore's paginators-1.json
      // has no others; the SDK's lists a few result keys for non-paginated operations too).
      const p = paginators[name];
      const paginator = p?.input_token && {
        inputToken: toList(p.input_token),
        outputToken: toList(p.output_token),
        ...(p.limit_key ? { limitKey: p.limit_key } : {}),
        ...(p.more_results ? { moreResults: p.more_results } : {}),
        // The SDK leaves some result keys out (Organizations' lists); botocore has them.
        ...((p.result_key ?? botocorePaginators[name]?.result_key)
          ? { resultKey: toList(p.result_key ?? botocorePaginators[name]?.result_key) }
          : {}),
        ...(nonAggregateKeys(name) ? { nonAggregateKeys: nonAggregateKeys(name) } : {}),
      };
      operations[name] = extractor.operation(name, paginator);
    }
    const { metadata } = sdk;
    const model = {
      source: `${SDK_PACKAGE} apis/${sdkFile}; constraints from botocore ${botocoreVersion(botocoreDir)} (Debian awscli) ${service}/${apiVersion}/service-2.json`,
      metadata: {
        apiVersion: metadata.apiVersion,
        endpointPrefix: metadata.endpointPrefix,
        protocol: metadata.protocol,
        serviceFullName: metadata.serviceFullName,
        serviceId: metadata.serviceId,
      },
      allOperations: Object.keys(sdk.operations).sort(),
      operations,
      shapes: sorted(Object.fromEntries(extractor.shapes)),
    };
    const text = await format(JSON.stringify(model), prettierConfig);
    writeFileSync(join(OUT_DIR, `${service}.json`), text);
    console.log(
      `${service}: ${Object.keys(operations).length} operations, ${extractor.shapes.size} shapes, ${text.length} bytes`,
    );
  }
}

await main();
