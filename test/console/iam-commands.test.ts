// IAM commands lesson authors asked for, as a learner types them (AWS CLI reference for iam
// get-group-policy, list-group-policies, delete-group-policy, get-login-profile,
// update-login-profile, delete-login-profile, list-virtual-mfa-devices, get-account-summary,
// list-groups, deactivate-mfa-device, delete-virtual-mfa-device, delete-saml-provider,
// delete-open-id-connect-provider), and trust policies as get-role shows them
// (reference_policies_elements_principal).
import { describe, expect, it } from 'vitest';
import { createSandbox, SANDBOX_ACCOUNT } from '../../src/console/sandbox.js';
import { json, ok, run } from './helpers.js';

const sandbox = () => createSandbox('iam-commands', Date.UTC(2026, 10, 30, 10));
const READ_ONLY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
});

describe('group inline policies', () => {
  it('put, list, get and delete, with the NoSuchEntity of a policy that is not there', () => {
    const session = sandbox();
    ok(session, 'aws iam create-group --group-name devs');
    ok(
      session,
      `aws iam put-group-policy --group-name devs --policy-name read --policy-document '${READ_ONLY}'`,
    );
    expect(json(session, 'aws iam list-group-policies --group-name devs')).toEqual({
      PolicyNames: ['read'],
    });
    expect(json(session, 'aws iam get-group-policy --group-name devs --policy-name read')).toEqual({
      GroupName: 'devs',
      PolicyName: 'read',
      PolicyDocument: JSON.parse(READ_ONLY) as unknown,
    });
    ok(session, 'aws iam delete-group-policy --group-name devs --policy-name read');
    expect(run(session, 'aws iam get-group-policy --group-name devs --policy-name read')).toEqual(
      expect.objectContaining({
        exitCode: 254,
        stderr:
          '\nAn error occurred (NoSuchEntity) when calling the GetGroupPolicy operation: The group policy with name read cannot be found.\n',
      }),
    );
  });
});

describe('console passwords', () => {
  it('get, update and delete a login profile; delete-user waits for it', () => {
    const session = sandbox();
    ok(session, 'aws iam create-user --user-name alice');
    expect(run(session, 'aws iam get-login-profile --user-name alice').stderr).toBe(
      '\nAn error occurred (NoSuchEntity) when calling the GetLoginProfile operation: Login Profile for User alice cannot be found.\n',
    );
    ok(session, 'aws iam create-login-profile --user-name alice --password Correct-Horse-1');
    ok(session, 'aws iam update-login-profile --user-name alice --password-reset-required');
    expect(
      ok(
        session,
        'aws iam get-login-profile --user-name alice --query LoginProfile.PasswordResetRequired',
      ),
    ).toBe('true');
    expect(run(session, 'aws iam delete-user --user-name alice').stderr).toContain(
      '(DeleteConflict) when calling the DeleteUser operation: Cannot delete entity, must delete login profile first.',
    );
    ok(session, 'aws iam delete-login-profile --user-name alice');
    ok(session, 'aws iam delete-user --user-name alice');
  });
});

describe('account views', () => {
  it('list-virtual-mfa-devices filters by assignment', () => {
    const session = sandbox();
    ok(
      session,
      'aws iam create-virtual-mfa-device --virtual-mfa-device-name spare --outfile seed.txt --bootstrap-method Base32StringSeed',
    );
    const serial = `arn:aws:iam::${SANDBOX_ACCOUNT}:mfa/spare`;
    expect(json(session, 'aws iam list-virtual-mfa-devices')).toEqual({
      VirtualMFADevices: [{ SerialNumber: serial }],
    });
    expect(
      ok(
        session,
        'aws iam list-virtual-mfa-devices --assignment-status Assigned --query VirtualMFADevices',
      ),
    ).toBe('[]');
  });

  it('get-account-summary counts the sandbox and shows the quotas', () => {
    const session = sandbox();
    const { SummaryMap } = json(session, 'aws iam get-account-summary') as {
      SummaryMap: Record<string, number>;
    };
    expect(SummaryMap).toMatchObject({
      Users: 1,
      Roles: 0,
      PolicyVersionsInUse: 1,
      AccountAccessKeysPresent: 0,
      UsersQuota: 5000,
    });
    expect(ok(session, 'aws iam get-account-summary --query SummaryMap.Users --output text')).toBe(
      '1',
    );
  });
});

describe('clean-up commands', () => {
  it('list-groups lists the groups under a path prefix', () => {
    const session = sandbox();
    ok(session, 'aws iam create-group --group-name devs --path /eng/');
    ok(session, 'aws iam create-group --group-name ops');
    expect(ok(session, 'aws iam list-groups --query Groups[].GroupName --output text')).toBe(
      'devs\tops',
    );
    expect(
      ok(session, 'aws iam list-groups --path-prefix /eng/ --query Groups[].Arn --output text'),
    ).toBe(`arn:aws:iam::${SANDBOX_ACCOUNT}:group/eng/devs`);
  });

  it('an MFA device is deactivated, then deleted; deleting it first is a DeleteConflict', () => {
    const session = sandbox();
    ok(session, 'aws iam create-user --user-name alice');
    ok(
      session,
      'aws iam create-virtual-mfa-device --virtual-mfa-device-name alice --outfile seed.txt --bootstrap-method Base32StringSeed',
    );
    const serial = `arn:aws:iam::${SANDBOX_ACCOUNT}:mfa/alice`;
    const first = ok(session, 'mfa-code seed.txt');
    ok(session, 'wait 30s');
    ok(
      session,
      `aws iam enable-mfa-device --user-name alice --serial-number ${serial} --authentication-code1 ${first} --authentication-code2 $(mfa-code seed.txt)`,
    );
    expect(run(session, `aws iam delete-virtual-mfa-device --serial-number ${serial}`)).toEqual(
      expect.objectContaining({
        exitCode: 254,
        stderr:
          '\nAn error occurred (DeleteConflict) when calling the DeleteVirtualMFADevice operation: Cannot delete entity, must deactivate MFA device first.\n',
      }),
    );
    ok(session, `aws iam deactivate-mfa-device --user-name alice --serial-number ${serial}`);
    ok(session, `aws iam delete-virtual-mfa-device --serial-number ${serial}`);
    expect(json(session, 'aws iam list-virtual-mfa-devices')).toEqual({ VirtualMFADevices: [] });
  });

  it('delete-open-id-connect-provider removes the provider; a second time it is not found', () => {
    const session = sandbox();
    ok(
      session,
      'aws iam create-open-id-connect-provider --url https://token.actions.githubusercontent.com --client-id-list sts.amazonaws.com',
    );
    const arn = `arn:aws:iam::${SANDBOX_ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`;
    ok(session, `aws iam delete-open-id-connect-provider --open-id-connect-provider-arn ${arn}`);
    expect(
      run(session, `aws iam delete-open-id-connect-provider --open-id-connect-provider-arn ${arn}`)
        .stderr,
    ).toBe(
      `\nAn error occurred (NoSuchEntity) when calling the DeleteOpenIDConnectProvider operation: OpenId connect Provider ${arn} cannot be found.\n`,
    );
  });
});

describe('trust policies as IAM stores them', () => {
  it('get-role shows an account named by its id as the account ARN', () => {
    const session = sandbox();
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: '999988887777' }, Action: 'sts:AssumeRole' },
      ],
    });
    ok(session, `aws iam create-role --role-name auditor --assume-role-policy-document '${trust}'`);
    expect(
      ok(
        session,
        'aws iam get-role --role-name auditor --query Role.AssumeRolePolicyDocument.Statement[0].Principal.AWS --output text',
      ),
    ).toBe('arn:aws:iam::999988887777:root');
  });
});
