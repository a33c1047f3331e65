// What a careful reviewer tried against the simulated services, kept as tests: MFA that must be
// proven, per-instance authorization, malformed tokens, bad configuration, unsigned requests.
import { describe, expect, it } from 'vitest';
import { encodeBase64url } from '../../src/aws/base64.js';
import { currentMachine } from '../../src/console/machine.js';
import { createSandbox, SANDBOX_ACCOUNT } from '../../src/console/sandbox.js';
import { restoreSession, snapshotSession } from '../../src/console/session-file.js';
import { json, ok, run, trustPolicy } from './helpers.js';

const sandbox = () => createSandbox('edge-test', Date.UTC(2026, 10, 30, 10));
const AMI = 'ami-0fff1b9a61dec8a5f';

describe('STS', () => {
  it('a TokenCode without its SerialNumber proves no MFA', () => {
    const session = sandbox();
    const c = (
      json(session, 'aws sts get-session-token --token-code 123456') as {
        Credentials: Record<string, string>;
      }
    ).Credentials;
    ok(
      session,
      `export AWS_ACCESS_KEY_ID=${c.AccessKeyId} AWS_SECRET_ACCESS_KEY=${c.SecretAccessKey} AWS_SESSION_TOKEN=${c.SessionToken}`,
    );
    expect(run(session, 'aws iam list-users').stderr).toContain('(InvalidClientTokenId)');
  });

  it('a web identity token that is not a JSON object is an invalid token, not a crash', () => {
    const session = sandbox();
    const role = `arn:aws:iam::${SANDBOX_ACCOUNT}:role/x`;
    for (const payload of ['null', '[1]', '"text"', '{']) {
      const token = `a.${encodeBase64url(payload)}.c`;
      expect(
        run(
          session,
          `aws sts assume-role-with-web-identity --role-arn ${role} --role-session-name s1 --web-identity-token ${token}`,
        ).stderr,
      ).toContain('(InvalidIdentityToken)');
    }
  });

  it('unsigned requests to STS are refused as AWS refuses them', () => {
    expect(run(sandbox(), 'aws sts get-caller-identity --no-sign-request').stderr).toContain(
      '(MissingAuthenticationToken) when calling the GetCallerIdentity operation: Request is missing Authentication Token',
    );
  });
});

describe('the CLI configuration', () => {
  it('a duration_seconds that is not a number is a configuration error, and no session is made', () => {
    const session = sandbox();
    ok(
      session,
      `aws iam create-role --role-name r --assume-role-policy-document '${trustPolicy({ AWS: `arn:aws:iam::${SANDBOX_ACCOUNT}:root` })}'`,
    );
    for (const line of [
      `aws configure set role_arn arn:aws:iam::${SANDBOX_ACCOUNT}:role/r --profile rp`,
      'aws configure set source_profile default --profile rp',
      'aws configure set duration_seconds abc --profile rp',
    ]) {
      ok(session, line);
    }
    const sessions = Object.keys(session.world.sessions).length;
    expect(run(session, 'whoami --profile rp')).toMatchObject({ exitCode: 253 });
    expect(Object.keys(session.world.sessions)).toHaveLength(sessions);
  });

  it('configure list says where the profile, keys and region come from', () => {
    const session = sandbox();
    const listed = ok(session, 'aws configure list');
    // ok() trims the output: only the first line loses its leading blanks.
    expect(listed.split('\n').slice(0, 3)).toEqual([
      'Name                    Value             Type    Location',
      '      ----                    -----             ----    --------',
      '   profile                <not set>             None    None',
    ]);
    expect(listed).toMatch(/^access_key +\*{16}\w{4} shared-credentials-file/m);
    expect(listed).toMatch(/^ {4}region +us-east-1 +config-file +~\/\.aws\/config$/m);
    const key = (
      json(session, 'aws iam create-access-key --user-name admin') as {
        AccessKey: Record<string, string>;
      }
    ).AccessKey;
    ok(
      session,
      `export AWS_ACCESS_KEY_ID=${key.AccessKeyId ?? ''} AWS_SECRET_ACCESS_KEY=${key.SecretAccessKey ?? ''}`,
    );
    expect(ok(session, 'aws configure list')).toMatch(
      new RegExp(`^access_key +\\*{16}${(key.AccessKeyId ?? '').slice(-4)} +env`, 'm'),
    );
    const none = createSandbox('edge-test', Date.UTC(2026, 10, 30, 10));
    ok(none, 'export AWS_PROFILE=prod');
    expect(ok(none, 'aws configure list --region sa-east-1')).toMatch(
      /^ {3}profile +prod +env +AWS_PROFILE\n[^]*region +sa-east-1 +manual +--region$/m,
    );
  });

  it('dotted names of configure set name the profile', () => {
    const session = sandbox();
    ok(session, 'aws configure set default.region us-west-2');
    ok(session, 'aws configure set profile.dev.region eu-west-1');
    expect(ok(session, 'aws configure get region')).toBe('us-west-2');
    expect(ok(session, 'aws configure get region --profile dev')).toBe('eu-west-1');
  });

  it('an empty AWS_ACCESS_KEY_ID is no credentials: the profile is used', () => {
    const session = sandbox();
    ok(session, 'export AWS_ACCESS_KEY_ID= AWS_SECRET_ACCESS_KEY=');
    expect(ok(session, 'whoami --query Arn --output text')).toContain(':user/admin');
  });

  it('AWS_DEFAULT_PROFILE comes before AWS_PROFILE, for commands and configure alike', () => {
    const session = sandbox();
    ok(session, 'export AWS_DEFAULT_PROFILE=prod AWS_PROFILE=default');
    expect(ok(session, 'whoami --query Account --output text')).toBe('444455556666');
    ok(session, 'aws configure set output text');
    expect(ok(session, 'aws configure get output --profile prod')).toBe('text');
  });
});

describe('EC2 and the metadata service', () => {
  it('terminating several instances takes permission on each of them', () => {
    const session = sandbox();
    const [a, b] = ok(
      session,
      `aws ec2 run-instances --image-id ${AMI} --count 2 --query Instances[].InstanceId --output text`,
    ).split('\t');
    const onlyA = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'ec2:TerminateInstances',
          Resource: `arn:aws:ec2:us-east-1:${SANDBOX_ACCOUNT}:instance/${a ?? ''}`,
        },
      ],
    });
    ok(session, 'aws iam create-user --user-name ops');
    ok(
      session,
      `aws iam put-user-policy --user-name ops --policy-name a --policy-document '${onlyA}'`,
    );
    const key = (
      json(session, 'aws iam create-access-key --user-name ops') as {
        AccessKey: Record<string, string>;
      }
    ).AccessKey;
    const as = `AWS_ACCESS_KEY_ID=${key.AccessKeyId ?? ''} AWS_SECRET_ACCESS_KEY=${key.SecretAccessKey ?? ''}`;
    expect(
      run(session, `${as} aws ec2 terminate-instances --instance-ids ${a ?? ''} ${b ?? ''}`).stderr,
    ).toContain(
      `(UnauthorizedOperation) when calling the TerminateInstances operation: You are not authorized to perform this operation. User: arn:aws:iam::${SANDBOX_ACCOUNT}:user/ops is not authorized to perform: ec2:TerminateInstances on resource: arn:aws:ec2:us-east-1:${SANDBOX_ACCOUNT}:instance/${b ?? ''}`,
    );
    expect(session.world.instances[a ?? '']?.state).toBe('running');
  });

  it('instances are regional; a second termination reports terminated; bad launches are refused', () => {
    const session = sandbox();
    const id = ok(
      session,
      `aws ec2 run-instances --image-id ${AMI} --query Instances[0].InstanceId --output text`,
    );
    expect(
      run(session, `aws ec2 describe-instances --instance-ids ${id} --region eu-west-1`).stderr,
    ).toContain('InvalidInstanceID.NotFound');
    ok(session, `aws ec2 terminate-instances --instance-ids ${id}`);
    expect(
      ok(
        session,
        `aws ec2 terminate-instances --instance-ids ${id} --query TerminatingInstances[0].CurrentState.Name --output text`,
      ),
    ).toBe('terminated');
    expect(run(session, 'aws ec2 run-instances --instance-type t3.micro').stderr).toContain(
      '(MissingParameter)',
    );
    expect(run(session, `aws ec2 run-instances --image-id ${AMI} --count 0`).exitCode).not.toBe(0);
    expect(
      ok(
        session,
        `aws ec2 run-instances --image-id ${AMI} --count 3:9 --query "length(Instances)"`,
      ),
    ).toBe('5');
  });

  it('IMDS lists iam/ only with an instance profile; a blank token header is not sent', () => {
    const session = sandbox();
    const id = ok(
      session,
      `aws ec2 run-instances --image-id ${AMI} --metadata-options HttpTokens=optional --query Instances[0].InstanceId --output text`,
    );
    ok(session, `ssh ${id}`);
    expect(ok(session, 'curl -s http://169.254.169.254/latest/meta-data/')).not.toContain('iam/');
    expect(
      ok(
        session,
        'curl -s -H "X-aws-ec2-metadata-token: $NOPE" http://169.254.169.254/latest/meta-data/instance-id',
      ),
    ).toBe(id);
  });

  it('a saved session whose machines are missing is refused', () => {
    const session = sandbox();
    const saved = JSON.parse(snapshotSession(session)) as { console: { previous: string[] } };
    saved.console.previous = ['gone'];
    expect(restoreSession(JSON.stringify(saved))).toEqual({
      ok: false,
      message: '$.console.previous.0: no machine named gone',
    });
    expect(currentMachine(session.state).name).toBe('laptop');
  });
});

describe('a secret that does not go with its key', () => {
  // S3's error responses (API reference, ErrorResponses: SignatureDoesNotMatch, 403) in the words
  // the CLI prints (aws/aws-cli#4356); IAM's in the query APIs' words (aws/aws-cli#5166).
  it("SignatureDoesNotMatch, in S3's words from S3 and in IAM's from IAM", () => {
    const session = sandbox();
    const { AccessKey } = json(session, 'aws iam create-access-key --user-name admin') as {
      AccessKey: { AccessKeyId: string };
    };
    const signed = `AWS_ACCESS_KEY_ID=${AccessKey.AccessKeyId} AWS_SECRET_ACCESS_KEY=not-the-secret`;
    expect(run(session, `${signed} aws s3api list-buckets`)).toMatchObject({
      exitCode: 254,
      stderr:
        '\nAn error occurred (SignatureDoesNotMatch) when calling the ListBuckets operation: The request signature we calculated does not match the signature you provided. Check your key and signing method.\n',
    });
    expect(run(session, `${signed} aws iam list-users`).stderr).toBe(
      '\nAn error occurred (SignatureDoesNotMatch) when calling the ListUsers operation: The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n',
    );
  });
});

describe('S3 with a key it does not know', () => {
  // S3 has its own code for an access key id with no active key behind it, where IAM and STS
  // say InvalidClientTokenId (iam-facts.md, "Error shapes"; S3 API reference, ErrorResponses).
  it('a deleted or inactive key: InvalidAccessKeyId from S3, InvalidClientTokenId from IAM', () => {
    const session = sandbox();
    const { AccessKey } = json(session, 'aws iam create-access-key --user-name admin') as {
      AccessKey: { AccessKeyId: string; SecretAccessKey: string };
    };
    const signed = `AWS_ACCESS_KEY_ID=${AccessKey.AccessKeyId} AWS_SECRET_ACCESS_KEY=${AccessKey.SecretAccessKey}`;
    const s3Refusal =
      '\nAn error occurred (InvalidAccessKeyId) when calling the ListBuckets operation: The AWS Access Key Id you provided does not exist in our records.\n';
    ok(session, `${signed} aws s3api list-buckets`);
    ok(
      session,
      `aws iam update-access-key --user-name admin --access-key-id ${AccessKey.AccessKeyId} --status Inactive`,
    );
    expect(run(session, `${signed} aws s3api list-buckets`).stderr).toBe(s3Refusal);
    expect(run(session, `${signed} aws iam list-users`).stderr).toContain('(InvalidClientTokenId)');
    ok(
      session,
      `aws iam delete-access-key --user-name admin --access-key-id ${AccessKey.AccessKeyId}`,
    );
    expect(run(session, `${signed} aws s3api list-buckets`).stderr).toBe(s3Refusal);
  });
});

describe('S3 list-buckets', () => {
  // The CLI joins ListBuckets' pages and keeps Owner and Prefix beside them (botocore
  // paginators-1.sdk-extras.json, non_aggregate_keys); Owner is the account's canonical user ID
  // (API_Owner: no DisplayName since November 2025).
  it('prints the buckets and their owner', () => {
    const session = sandbox();
    ok(session, 'aws s3api create-bucket --bucket reports-edge');
    const listed = json(session, 'aws s3api list-buckets') as {
      Buckets: { Name: string }[];
      Owner: Record<string, string>;
    };
    expect(listed.Buckets.map((bucket) => bucket.Name)).toEqual(['reports-edge']);
    expect(listed.Owner).toEqual({ ID: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown });
    expect(Object.keys(listed)).toEqual(['Buckets', 'Owner']);
  });
});
