// New worlds, and their snapshots: a world is plain data, so a snapshot is its JSON text and
// restoring parses it back (progress resumes a task from one).
import { isoSeconds } from './time.js';
import type { Account, World } from './world.js';

export interface WorldOptions {
  seed: string;
  /** The simulated clock's start, epoch milliseconds. */
  now: number;
  accounts: { id: string; name: string }[];
}

function emptyAccount(id: string, name: string, createDate: string): Account {
  return {
    id,
    name,
    createDate,
    iam: {
      users: {},
      groups: {},
      roles: {},
      instanceProfiles: {},
      policies: {},
      virtualMfaDevices: {},
      samlProviders: {},
      oidcProviders: {},
    },
  };
}

export function createWorld(options: WorldOptions): World {
  return {
    formatVersion: 1,
    seed: options.seed,
    idCounter: 0,
    now: options.now,
    accounts: Object.fromEntries(
      options.accounts.map(({ id, name }) => [id, emptyAccount(id, name, isoSeconds(options.now))]),
    ),
    sessions: {},
    userSessions: {},
    instances: {},
    rolesAnywhere: { trustAnchors: {}, profiles: {} },
    buckets: {},
    events: [],
  };
}

export function snapshot(world: World): string {
  return JSON.stringify(world);
}

export function restore(text: string): World {
  return JSON.parse(text) as World;
}
