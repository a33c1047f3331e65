// The IAM operations as a whole: every operation of AWS's own model (src/aws/models/iam.json,
// extracted from AWS's service models) the console offers, authorized as `iam:<Operation>`. Their
// input members and constraints come from that model (test/aws/model-input.test.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { restore, snapshot } from '../../../src/aws/create-world.js';
import { IAM_OPERATIONS } from '../../../src/aws/iam/index.js';
import { call, lessonWorld, ok } from '../fixtures.js';

interface Model {
  operations: Record<string, unknown>;
}

const model = JSON.parse(
  readFileSync(new URL('../../../src/aws/models/iam.json', import.meta.url), 'utf8'),
) as Model;

describe('IAM_OPERATIONS', () => {
  it('has one operation per name, covering every IAM operation of the command table', () => {
    const names = IAM_OPERATIONS.map((op) => op.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(Object.keys(model.operations)));
  });

  it.each(IAM_OPERATIONS.map((op) => [op.name, op] as const))(
    '%s is authorized as its own action',
    (name, op) => {
      expect(op.action).toBe(`iam:${name}`);
    },
  );

  it('leaves the world plain data: it round-trips through its JSON snapshot', () => {
    const world = lessonWorld();
    const op = (name: string) => {
      const found = IAM_OPERATIONS.find((o) => o.name === name);
      if (!found) throw new Error(name);
      return found;
    };
    ok(
      call(world, op('CreateUser'), { UserName: 'alice', Tags: [{ Key: 'team', Value: 'data' }] }),
    );
    ok(call(world, op('CreateAccessKey'), { UserName: 'alice' }));
    ok(call(world, op('CreateVirtualMFADevice'), { VirtualMFADeviceName: 'phone' }));
    ok(call(world, op('UpdateAccountPasswordPolicy'), { MinimumPasswordLength: 12 }));
    ok(
      call(world, op('CreateOpenIDConnectProvider'), {
        Url: 'https://token.actions.githubusercontent.com',
      }),
    );
    expect(restore(snapshot(world))).toEqual(world);
  });
});
