// Packs the package, installs the tarball into a temporary folder as a user would, and runs the
// installed binary: proves that what we publish starts on its own, without our node_modules.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'iam-tutor-pack-'));
const run = (cmd, args, cwd) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const check = (label, ok, output) => {
  if (!ok) {
    console.error(`pack smoke: ${label} failed; output:\n${output}`);
    process.exit(1);
  }
  console.log(`pack smoke: ${label} ok`);
};

try {
  const tarball = run('npm', ['pack', '--silent', '--pack-destination', dir], process.cwd())
    .trim()
    .split('\n')
    .pop();
  run('npm', ['init', '-y'], dir);
  run('npm', ['install', '--silent', '--no-audit', '--no-fund', join(dir, tarball)], dir);
  const bin = join(dir, 'node_modules', '.bin', 'iam-tutor');
  const version = run(bin, ['--version'], dir).trim();
  check('--version', version === pkg.version, version);
  const help = run(bin, ['--help'], dir);
  check('--help', help.includes('Usage: iam-tutor'), help);
  // The commands' chunks and the compiled course are in the package: a command loads them.
  const list = run(bin, ['list', '--data-dir', join(dir, 'data')], dir);
  check('list', list.includes('Users and roles') && !list.includes('broken'), list);
  const installed = JSON.parse(
    readFileSync(join(dir, 'node_modules', 'iam-tutor', 'package.json'), 'utf8'),
  );
  check(
    'no runtime dependencies',
    installed.dependencies === undefined,
    JSON.stringify(installed.dependencies),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
