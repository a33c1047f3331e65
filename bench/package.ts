// The package's figures (issue 7): the size of the tarball `npm pack` makes, and the size on disk
// once `npm install --omit=dev --offline` has installed that tarball into an empty project, against
// the budgets (tarball under 1 MB, installed under 2 MB; 1 MB = 1,000,000 bytes, as npm counts).
// Packs with --ignore-scripts: scripts/bench.mjs has just built the bundle. Should the offline
// install fail, the installed size falls back to npm's unpacked size of the package, and says so.
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fmt, header, row } from './stats.js';

const MB = 1_000_000;
const TARBALL_BUDGET = 1 * MB;
const INSTALLED_BUDGET = 2 * MB;

interface Packed {
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: { path: string; size: number }[];
}

/** Where the package's bytes go: per folder (dist's files each on their own), largest first. */
function byPart(packed: Packed): string {
  const parts = new Map<string, number>();
  for (const { path, size } of packed.files) {
    const [first = path, second] = path.split('/');
    const part = first === 'dist' && second ? `dist/${second}` : second ? first : 'other';
    parts.set(part, (parts.get(part) ?? 0) + size);
  }
  return [...parts]
    .sort((a, b) => b[1] - a[1])
    .map(([part, size]) => `${part} ${fmt(size / MB, 2)} MB`)
    .join(', ');
}

/** Bytes of every file (and link) under `dir`, as a user's disk holds them, without block slack. */
function bytesUnder(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? bytesUnder(path) : lstatSync(path).size;
  }
  return total;
}

const npm = (args: string[], cwd: string): string =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

export function packageBenchmark(): void {
  const dir = mkdtempSync(join(tmpdir(), 'iam-tutor-bench-pack-'));
  try {
    const [packed] = JSON.parse(
      npm(['pack', '--ignore-scripts', '--json', '--pack-destination', dir], process.cwd()),
    ) as Packed[];
    if (!packed) throw new Error('npm pack reported no package');
    const project = join(dir, 'project');
    execFileSync('mkdir', [project]);
    writeFileSync(join(project, 'package.json'), '{"name":"bench-install","private":true}\n');
    let installed: number;
    let how: string;
    try {
      npm(
        [
          'install',
          '--omit=dev',
          '--offline',
          '--no-audit',
          '--no-fund',
          '--ignore-scripts',
          join(dir, packed.filename),
        ],
        project,
      );
      installed = bytesUnder(join(project, 'node_modules'));
      how = 'npm install --omit=dev --offline of the tarball: the bytes of node_modules';
    } catch (error) {
      installed = packed.unpackedSize;
      how = `the offline install failed (${String(error).split('\n')[0]}); npm's unpacked size instead`;
    }
    console.log(`The package (npm pack of ${packed.entryCount} files; ${how})`);
    console.log(`  unpacked: ${byPart(packed)}`);
    console.log(header());
    console.log(
      row(
        'packed tarball',
        `${fmt(packed.size / MB, 2)} MB`,
        '< 1 MB',
        packed.size < TARBALL_BUDGET,
      ),
    );
    console.log(
      row('installed', `${fmt(installed / MB, 2)} MB`, '< 2 MB', installed < INSTALLED_BUDGET),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
