// A console session saved as JSON (`iam-tutor console --world FILE`, `--save FILE`): the world and
// the machines. Reading one checks its shape first, so that a hand-edited or truncated file gets a
// message naming the field instead of failing somewhere in the middle of a later command.
import * as z from 'zod/mini';
import { en } from 'zod/locales';
import type { World } from '../aws/world.js';
import type { ConsoleState } from './machine.js';
import type { ConsoleSession } from './session.js';

z.config(en());

/** The schema of a saved session; built when first needed, not on every start of the tutorial. */
function buildSessionSchema() {
  const strings = z.record(z.string(), z.string());

  const machineSchema = z.strictObject({
    name: z.string(),
    user: z.string(),
    home: z.string().check(z.startsWith('/')),
    files: strings,
    env: strings,
    sourceIp: z.string(),
    instanceId: z.optional(z.string()),
  });

  const consoleSchema = z.strictObject({
    formatVersion: z.literal(1),
    machines: z.record(z.string(), machineSchema),
    current: z.string(),
    previous: z.array(z.string()),
    history: z.array(z.string()),
    lastStatus: z.optional(z.number().check(z.int())),
  });

  // The world's outline; the operations check what they read of the entities themselves.
  const worldSchema = z.looseObject({
    formatVersion: z.literal(1),
    seed: z.string(),
    idCounter: z.number().check(z.int(), z.nonnegative()),
    now: z.number().check(z.int()),
    accounts: z.record(
      z.string().check(z.regex(/^\d{12}$/, 'expected 12-digit account ids as keys')),
      z.looseObject({ id: z.string(), name: z.string(), iam: z.looseObject({}) }),
    ),
    sessions: z.record(z.string(), z.looseObject({})),
    userSessions: z.record(z.string(), z.looseObject({})),
    instances: z.record(
      z.string(),
      z.looseObject({ metadataTokens: z.record(z.string(), z.number()) }),
    ),
    organization: z.optional(z.looseObject({})),
    rolesAnywhere: z.looseObject({
      trustAnchors: z.record(z.string(), z.looseObject({})),
      profiles: z.record(z.string(), z.looseObject({})),
    }),
    buckets: z.record(z.string(), z.looseObject({})),
    events: z.array(z.looseObject({})),
  });

  return z.strictObject({
    iamTutorSession: z.literal(1),
    world: worldSchema,
    console: consoleSchema,
  });
}

let sessionSchema: ReturnType<typeof buildSessionSchema> | undefined;

/** Compact JSON: a session's event log makes it large, and it is read by programs, not people. */
export function snapshotSession(session: ConsoleSession): string {
  return `${JSON.stringify({ iamTutorSession: 1, world: session.world, console: session.state })}\n`;
}

export type RestoredSession =
  { ok: true; session: ConsoleSession } | { ok: false; message: string };

/** The session saved in the text, or what is wrong with it. */
export function restoreSession(text: string): RestoredSession {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `not valid JSON: ${error instanceof Error ? error.message : ''}` };
  }
  sessionSchema ??= buildSessionSchema();
  const parsed = sessionSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = ['$', ...(issue?.path ?? []).map(String)].join('.');
    return { ok: false, message: `${path}: ${issue?.message ?? 'not a saved session'}` };
  }
  const state: ConsoleState = parsed.data.console;
  for (const [path, name] of [
    ['$.console.current', state.current],
    ...state.previous.map((name, i) => [`$.console.previous.${i}`, name]),
  ] as const) {
    if (state.machines[name] === undefined) {
      return { ok: false, message: `${path}: no machine named ${name}` };
    }
  }
  return { ok: true, session: { world: parsed.data.world as unknown as World, state } };
}
