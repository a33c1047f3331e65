// Runs the built binary with a preload from test/e2e/preload: the environment that loads it into
// the process (and its children) and the log it writes, read back as lines.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const NO_NETWORK = resolve('test/e2e/preload/no-network.mjs');
export const WATCH_READS = resolve('test/e2e/preload/watch-reads.mjs');

export interface Guard {
  env: Record<string, string>;
  /** The log's lines: `loaded PID` once per process, then what was recorded. */
  lines: () => string[];
}

/** The environment of a process with the preloads `modules`, logging to a fresh file. */
export function guard(modules: string[], extra: Record<string, string> = {}): Guard {
  const log = join(mkdtempSync(join(tmpdir(), 'iam-tutor-guard-')), 'log');
  return {
    env: {
      NODE_OPTIONS: modules.map((m) => `--import ${m}`).join(' '),
      IAM_TUTOR_NET_LOG: log,
      IAM_TUTOR_READS_LOG: log,
      ...extra,
    },
    lines: () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : []),
  };
}

/** The `KEY=value` words of `env` for Terminal.open. */
export const envWords = (env: Record<string, string>): string[] =>
  Object.entries(env).map(([key, value]) => `${key}=${value}`);
