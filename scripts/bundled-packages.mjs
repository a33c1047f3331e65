// The npm packages whose files an esbuild metafile lists as inputs, with their licences.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Packages (name, version, license, dir) that contributed input files to a bundle. */
export function bundledPackages(metafile) {
  const dirs = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) dirs.add(match[1]);
  }
  return [...dirs].sort().map((dir) => {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    return { name: pkg.name, version: pkg.version, license: String(pkg.license ?? 'UNKNOWN'), dir };
  });
}

/** The package's own licence file, or a pointer to its declared licence when it ships none. */
export function licenceText(pkg) {
  const file = readdirSync(pkg.dir).find((f) => /^(licen[cs]e|copying)/i.test(f));
  return file && existsSync(join(pkg.dir, file))
    ? readFileSync(join(pkg.dir, file), 'utf8').trim()
    : `Licensed under ${pkg.license}; no licence file is shipped in the package.`;
}
