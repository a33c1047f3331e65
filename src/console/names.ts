// The AWS CLI's names for operations and members: botocore's `xform_name`, which turns
// `CreateAccessKey` into `create-access-key` and `UserName` into `user-name`
// (boto/botocore, botocore/__init__.py).

/** A pluralised acronym at the end (`ARNs`, `ACLs`) becomes one lower-case word (`-arns`). */
const SPECIAL_CASE_TRANSFORM = /[A-Z]{2,}s$/;
const FIRST_CAP = /(.)([A-Z][a-z]+)/g;
const END_CAP = /([a-z0-9])([A-Z])/g;

/** botocore's pre-filled cache: names its regular transformation gets wrong. */
const SPECIAL_CASES: Readonly<Record<string, string>> = {
  CreateCachediSCSIVolume: 'create-cached-iscsi-volume',
  DescribeCachediSCSIVolumes: 'describe-cached-iscsi-volumes',
  DescribeStorediSCSIVolumes: 'describe-stored-iscsi-volumes',
  CreateStorediSCSIVolume: 'create-stored-iscsi-volume',
  ListHITsForQualificationType: 'list-hits-for-qualification-type',
  ExecutePartiQLStatement: 'execute-partiql-statement',
  ExecutePartiQLTransaction: 'execute-partiql-transaction',
  ExecutePartiQLBatch: 'execute-partiql-batch',
};

/** `CreateOpenIDConnectProvider` -> `create-open-id-connect-provider`, as `xform_name(name, '-')`. */
export function cliName(name: string): string {
  if (name.includes('-')) return name;
  const special = SPECIAL_CASES[name];
  if (special !== undefined) return special;
  const plural = SPECIAL_CASE_TRANSFORM.exec(name);
  const split =
    plural === null ? name : `${name.slice(0, plural.index)}-${plural[0].toLowerCase()}`;
  return split.replace(FIRST_CAP, '$1-$2').replace(END_CAP, '$1-$2').toLowerCase();
}
