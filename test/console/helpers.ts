// Typing at the console in tests: a line's result, a line that must succeed, and the trust
// policies the scenarios give their roles.
import { expect } from 'vitest';
import { SANDBOX_ACCOUNT } from '../../src/console/sandbox.js';
import type { ConsoleSession } from '../../src/console/session.js';
import { runLine } from '../../src/console/shell.js';

/** Runs a complete line; a line that asks for more is a mistake of the test. */
export function run(session: ConsoleSession, line: string) {
  const result = runLine(session, line);
  if (result.kind !== 'done') throw new Error(`incomplete: ${line}`);
  return result;
}

/** Runs a line that must succeed silently on stderr; its output, trimmed. */
export function ok(session: ConsoleSession, line: string): string {
  const result = run(session, line);
  expect(result.stderr, line).toBe('');
  expect(result.exitCode, line).toBe(0);
  return result.stdout.trim();
}

/** Runs a line that must succeed, and parses its JSON output. */
export function json(session: ConsoleSession, line: string): Record<string, unknown> {
  return JSON.parse(ok(session, line)) as Record<string, unknown>;
}

/** A role trust policy allowing `principal` to assume the role, as the console's JSON text. */
export function trustPolicy(
  principal: Record<string, string>,
  condition?: unknown,
  action = 'sts:AssumeRole',
): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: principal,
        Action: action,
        ...(condition === undefined ? {} : { Condition: condition }),
      },
    ],
  });
}

export const ADMIN_ARN = `arn:aws:iam::${SANDBOX_ACCOUNT}:user/admin`;
