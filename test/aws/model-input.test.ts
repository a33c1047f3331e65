// Every simulated operation is declared against AWS's own service model (src/aws/models, extracted
// from AWS's models), and the input constraints of that model are what the service checks: for
// each IAM and STS operation, an over-long value of every string member with a maximum length and
// a request without its required members get AWS's ValidationError naming those members. The
// wording is IAM's and STS's as recorded against AWS (localstack's IAM snapshots; STS still echoes
// a value the model does not mark sensitive).
import { describe, expect, it } from 'vitest';
import { IAM_OPERATIONS } from '../../src/aws/iam/index.js';
import { SERVICE_MODELS } from '../../src/aws/models/index.js';
import { shapeOf, type Shape } from '../../src/aws/models/model.js';
import type { Operation } from '../../src/aws/operation.js';
import { ALL_OPERATIONS } from '../../src/aws/operations.js';
import { STS_OPERATIONS } from '../../src/aws/sts.js';
import { call, failure, lessonWorld } from './fixtures.js';

const CHECKED_OPERATIONS = [...IAM_OPERATIONS, ...STS_OPERATIONS];

interface InputMember {
  name: string;
  /** As the service names it: `UserName` -> `userName`. */
  wire: string;
  shape: Shape;
  required: boolean;
}

function inputMembers(op: Operation): InputMember[] {
  const model = SERVICE_MODELS[op.service];
  const ref = model?.operations[op.name]?.input;
  if (model === undefined || ref === undefined) return [];
  const input = shapeOf(model, ref);
  return Object.entries(input.members ?? {}).map(([name, member]) => ({
    name,
    wire: name.charAt(0).toLowerCase() + name.slice(1),
    shape: shapeOf(model, member),
    required: input.required?.includes(name) === true,
  }));
}

/** How the service names the value in a violation: IAM never shows it, STS unless sensitive. */
function subject(op: Operation, shape: Shape, value: string | undefined): string {
  if (op.service === 'iam' || shape.sensitive === true) return 'Value';
  return value === undefined ? 'Value null' : `Value '${value}'`;
}

const cases = (ops: readonly Operation[]) =>
  ops.map((op) => [`${op.service}:${op.name}`, op] as const);

describe('operations and their models', () => {
  it.each(cases(ALL_OPERATIONS))('%s has an operation in its service model', (_name, op) => {
    const model = SERVICE_MODELS[op.service];
    expect(model?.operations[op.name]).toBeDefined();
    const input = model?.operations[op.name]?.input;
    // DescribeOrganization takes no input; every other operation has an input structure.
    if (input !== undefined && model !== undefined)
      expect(shapeOf(model, input).type).toBe('structure');
  });

  it.each(cases(CHECKED_OPERATIONS))(
    '%s refuses an over-long value of each string member, naming it',
    (_name, op) => {
      const bounded = inputMembers(op).filter(
        (m) => m.shape.type === 'string' && m.shape.max !== undefined,
      );
      for (const member of bounded) {
        const max = member.shape.max ?? 0;
        const value = 'a'.repeat(max + 1);
        const error = failure(call(lessonWorld(), op, { [member.name]: value }));
        expect(error.code).toBe('ValidationError');
        expect(error.message).toMatch(/^\d+ validation errors? detected: /);
        expect(error.message).toContain(
          `${subject(op, member.shape, value)} at '${member.wire}' failed to satisfy constraint: Member must have length less than or equal to ${max}`,
        );
      }
    },
  );

  it.each(cases(CHECKED_OPERATIONS))(
    '%s refuses a request without its required members, naming each in the model order',
    (_name, op) => {
      const required = inputMembers(op).filter((m) => m.required);
      if (required.length === 0) return;
      const error = failure(call(lessonWorld(), op, {}));
      const count = required.length;
      expect(error).toEqual({
        code: 'ValidationError',
        message: `${count} validation error${count === 1 ? '' : 's'} detected: ${required
          .map(
            (m) =>
              `${subject(op, m.shape, undefined)} at '${m.wire}' failed to satisfy constraint: Member must not be null`,
          )
          .join('; ')}`,
      });
    },
  );
});
