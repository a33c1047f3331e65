// What we ship must stay MIT-compatible: @cloud-copilot/iam-simulate (AGPL) is a dev dependency for
// the differential test only. This reads the metafile esbuild wrote for the bundle that vitest's
// global setup built with scripts/build.mjs (the bundle we publish): no input file may come from an
// AGPL-licensed package, and no file in src/ may import @cloud-copilot at all.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs build helper without type declarations.
import { bundledPackages as untypedBundledPackages } from '../scripts/bundled-packages.mjs';

interface BundledPackage {
  name: string;
  version: string;
  license: string;
}
const bundledPackages = untypedBundledPackages as (metafile: unknown) => BundledPackage[];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory()
      ? sourceFiles(path)
      : /\.(ts|tsx|mts|js|mjs)$/.test(path)
        ? [path]
        : [];
  });
}

/** Static, side-effect, dynamic and require imports of an @cloud-copilot package. */
const CLOUD_COPILOT_IMPORT = /(?:\bfrom|\bimport|\brequire)\s*\(?\s*['"]@cloud-copilot\//;

function cloudCopilotImporters(dir: string): string[] {
  return sourceFiles(dir).filter((file) => CLOUD_COPILOT_IMPORT.test(readFileSync(file, 'utf8')));
}

describe('licences of what we ship', () => {
  it('bundles no AGPL-licensed package into the CLI', () => {
    const metafile: unknown = JSON.parse(readFileSync('dist/meta.json', 'utf8'));
    const packages = bundledPackages(metafile);
    // The check sees packages at all: jsonc-parser (MIT) reads policy text in the bundle.
    expect(packages.map((p) => p.name)).toContain('jsonc-parser');
    const agpl = packages
      .filter((p) => /AGPL/i.test(p.license))
      .map((p) => `${p.name}@${p.version}`);
    expect(agpl).toEqual([]);
  });

  it('imports nothing from @cloud-copilot in src/', () => {
    // The scan does find such imports: the differential test's own translation has one.
    expect(cloudCopilotImporters('test/differential')).toContain(
      join('test', 'differential', 'translate.ts'),
    );
    expect(cloudCopilotImporters('src')).toEqual([]);
  });
});
