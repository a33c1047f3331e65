// The IAM operations as a whole: every operation the console offers, each declared against AWS's
// own model (src/aws/models/iam.json, extracted from AWS's service models): the same members,
// required where AWS requires them, authorized as `iam:<Operation>`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { restore, snapshot } from '../../../src/aws/create-world.js';
import { IAM_OPERATIONS } from '../../../src/aws/iam/index.js';
import { call, lessonWorld, ok } from '../fixtures.js';

interface Model {
  operations: Record<string, { input?: { shape: string } }>;
  shapes: Record<string, { required?: string[]; members?: Record<string, unknown> }>;
}

const model = JSON.parse(
  readFileSync(new URL('../../../src/aws/models/iam.json', import.meta.url), 'utf8'),
) as Model;

function modelInput(name: string): { members: string[]; required: string[] } {
  const shape = model.operations[name]?.input?.shape;
  const input = shape === undefined ? undefined : model.shapes[shape];
  return { members: Object.keys(input?.members ?? {}), required: input?.required ?? [] };
}

describe('IAM_OPERATIONS', () => {
  it('has one operation per name, covering every IAM operation of the command table', () => {
    const names = IAM_OPERATIONS.map((op) => op.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(Object.keys(model.operations)));
  });

  it.each(IAM_OPERATIONS.map((op) => [op.name, op] as const))(
    '%s takes the members of the AWS model and is authorized as its own action',
    (name, op) => {
      expect(op.action).toBe(`iam:${name}`);
      const { members, required } = modelInput(name);
      if (members.length === 0 && !(name in model.operations)) return;
      const input = op.input ?? {};
      expect(Object.keys(input).sort()).toEqual([...members].sort());
      expect(
        Object.keys(input)
          .filter((member) => input[member]?.required)
          .sort(),
      ).toEqual([...required].sort());
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
