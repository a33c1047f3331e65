// decideRequest: a request decided against the world without an API call, as lessons ask it.
import { describe, expect, it } from 'vitest';
import { decideRequest } from '../../src/aws/decide.js';
import { createSandbox } from '../../src/console/sandbox.js';
import { runLine } from '../../src/console/shell.js';

function sandboxWith(...lines: string[]) {
  const session = createSandbox('decide', Date.UTC(2026, 0, 12, 9));
  for (const line of lines) {
    const result = runLine(session, line);
    if (result.kind !== 'done' || result.exitCode !== 0) throw new Error(line);
  }
  return session.world;
}

describe('decideRequest', () => {
  const world = sandboxWith(
    'aws iam create-user --user-name carol --path /staff/',
    `aws iam put-user-policy --user-name carol --policy-name read --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}'`,
  );

  it('decides for the user its exact ARN names, path included', () => {
    const asked = (principal: string) =>
      decideRequest(world, { principal, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' });
    expect(asked('arn:aws:iam::111122223333:user/staff/carol')).toMatchObject({
      ok: true,
      decision: 'allowed',
    });
    expect(asked('arn:aws:iam::111122223333:user/carol')).toEqual({
      ok: false,
      message: 'no user arn:aws:iam::111122223333:user/carol',
    });
    expect(asked('arn:aws:iam::111122223333:user/staff/Carol')).toMatchObject({ ok: false });
  });

  it('gives the denial with the engine explanation, and changes nothing', () => {
    const before = JSON.stringify(world);
    const denied = decideRequest(world, {
      principal: 'arn:aws:iam::111122223333:user/staff/carol',
      action: 's3:PutObject',
      resource: 'arn:aws:s3:::b/k',
    });
    expect(denied).toMatchObject({
      ok: true,
      decision: 'implicitDeny',
      message: expect.stringMatching(
        /^User: arn:aws:iam::111122223333:user\/staff\/carol is not authorized to perform: s3:PutObject/,
      ) as string,
    });
    expect(JSON.stringify(world)).toBe(before);
  });
});
