// Bundles the CLI into one ESM file (dist/cli.js) for start-up speed, and writes the licences of
// every bundled package beside it. Fails if an AGPL package would end up in what we ship.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { bundledPackages, licenceText } from './bundled-packages.mjs';
import {
  confWithoutSchemas,
  inkWithoutDevtools,
  stringWidthEmojiPretest,
  yogaWithoutFetch,
} from './bundle-plugins.mjs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

mkdirSync('dist', { recursive: true });

const result = await build({
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Prefer ESM entry points: jsonc-parser's CommonJS build is UMD with requires esbuild cannot follow.
  mainFields: ['module', 'main'],
  minify: true,
  legalComments: 'none',
  metafile: true,
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  define: {
    'process.env.NODE_ENV': '"production"',
    IAM_TUTOR_VERSION: JSON.stringify(pkg.version),
  },
  plugins: [yogaWithoutFetch, confWithoutSchemas, inkWithoutDevtools, stringWidthEmojiPretest],
  logLevel: 'warning',
});

writeFileSync('dist/meta.json', JSON.stringify(result.metafile));
const packages = bundledPackages(result.metafile);
const agpl = packages.filter((p) => /AGPL/i.test(p.license));
if (agpl.length > 0) {
  throw new Error(`AGPL packages must not be bundled: ${agpl.map((p) => p.name).join(', ')}`);
}
writeFileSync(
  'dist/THIRD-PARTY-LICENSES.txt',
  packages.map((p) => `${p.name}@${p.version} (${p.license})\n\n${licenceText(p)}\n`).join('\n'),
);
