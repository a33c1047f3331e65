// Bundles the CLI into ESM for start-up speed: dist/cli.js, and in dist/chunks the code of each
// command, loaded when it runs. Writes the licences of every bundled package beside them. Fails if
// an AGPL package would end up in what we ship.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { bundledPackages, licenceText } from './bundled-packages.mjs';
import {
  confWithoutSchemas,
  inkWithoutDevtools,
  jsonAsText,
  lazyBuiltins,
  stringWidthEmojiPretest,
  yogaWithoutFetch,
} from './bundle-plugins.mjs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

// Chunks are named by their content: a new build leaves none of an old one behind to be packed.
rmSync('dist', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });

const result = await build({
  entryPoints: ['src/cli.ts'],
  outdir: 'dist',
  // Each command's code in chunks of its own, loaded when the command runs (see src/cli.ts).
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
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
    // For the CommonJS packages bundled, in every file (src/cli.ts brings its own #! line).
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  define: {
    'process.env.NODE_ENV': '"production"',
    IAM_TUTOR_VERSION: JSON.stringify(pkg.version),
  },
  plugins: [
    yogaWithoutFetch,
    confWithoutSchemas,
    inkWithoutDevtools,
    stringWidthEmojiPretest,
    jsonAsText,
    lazyBuiltins,
  ],
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
