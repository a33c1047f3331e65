// Runs the benchmark (`npm run bench`): bundles bench/run.ts with esbuild (packages stay external,
// so iam-simulate is loaded from node_modules, never bundled) into node_modules/.cache and runs it.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

const outfile = 'node_modules/.cache/iam-tutor-bench/run.mjs';
mkdirSync('node_modules/.cache/iam-tutor-bench', { recursive: true });
await build({
  entryPoints: ['bench/run.ts'],
  outfile,
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
});
// The tutorial's start-up is measured on the bundle users run.
execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
execFileSync(process.execPath, [outfile], { stdio: 'inherit' });
