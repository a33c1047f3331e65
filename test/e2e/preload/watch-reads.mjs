// Loaded with `node --import` into the built binary by test/e2e/aws-config.test.ts: records in the
// file named by IAM_TUTOR_READS_LOG every file-system call (open, read, stat, access, list, watch)
// on a path under IAM_TUTOR_WATCH, and every read of an AWS_* environment variable, so that the
// test can show the user's AWS configuration was never touched. A `loaded` line proves it ran.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const log = process.env.IAM_TUTOR_READS_LOG;
const watched = process.env.IAM_TUTOR_WATCH;
if (!log || !watched)
  throw new Error('watch-reads.mjs needs IAM_TUTOR_READS_LOG and IAM_TUTOR_WATCH');
const record = (line) => fs.appendFileSync(log, `${line}\n`);
record(`loaded ${process.pid}`);

const under = resolve(watched);
function pathOf(arg) {
  if (typeof arg === 'string') return resolve(arg);
  if (arg instanceof URL) return arg.protocol === 'file:' ? fileURLToPath(arg) : undefined;
  if (Buffer.isBuffer(arg)) return resolve(arg.toString());
  return undefined;
}

const CALLS = [
  'open',
  'openSync',
  'readFile',
  'readFileSync',
  'createReadStream',
  'stat',
  'statSync',
  'lstat',
  'lstatSync',
  'access',
  'accessSync',
  'exists',
  'existsSync',
  'readdir',
  'readdirSync',
  'opendir',
  'opendirSync',
  'realpath',
  'realpathSync',
  'watch',
  'watchFile',
  'copyFile',
  'copyFileSync',
  'cp',
  'cpSync',
];
function wrap(target, prefix) {
  for (const name of CALLS) {
    const original = target[name];
    if (typeof original !== 'function') continue;
    target[name] = function watchedCall(...args) {
      const path = pathOf(args[0]);
      if (path !== undefined && (path === under || path.startsWith(`${under}/`)))
        record(`read ${prefix}${name} ${path}`);
      return original.apply(this, args);
    };
  }
}
wrap(fs, 'fs.');
wrap(fs.promises, 'fs.promises.');
syncBuiltinESMExports();

// The environment: a read of any AWS_* variable is recorded (listing the names is not a read).
const env = process.env;
process.env = new Proxy(env, {
  get(target, key) {
    if (typeof key === 'string' && key.startsWith('AWS_')) record(`env ${key}`);
    return Reflect.get(target, key);
  },
});
