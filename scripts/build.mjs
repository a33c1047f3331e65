// Bundles the CLI into ESM for start-up speed: dist/cli.js, and in dist/chunks the code of each
// command, loaded when it runs. Writes the licences of every bundled package beside them. Fails if
// an AGPL package would end up in what we ship.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
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

/** What the CLI's bundle and the course's compiler share. */
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Prefer ESM entry points: jsonc-parser's CommonJS build is UMD with requires esbuild cannot follow.
  mainFields: ['module', 'main'],
  legalComments: 'none',
  banner: {
    // For the CommonJS packages bundled, in every file (src/cli.ts brings its own #! line).
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
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
};

const COMPILED_COURSE = 'dist/course.json';

const result = await build({
  ...common,
  entryPoints: ['src/cli.ts'],
  outdir: 'dist',
  // Each command's code in chunks of its own, loaded when the command runs (see src/cli.ts).
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  minify: true,
  metafile: true,
  define: {
    'process.env.NODE_ENV': '"production"',
    IAM_TUTOR_VERSION: JSON.stringify(pkg.version),
    IAM_TUTOR_COMPILED_COURSE: JSON.stringify(COMPILED_COURSE),
  },
});

// The built-in course as the lesson loader of this build loads it, for the bundle to use instead
// of parsing and checking the same files at every start (src/commands/lesson-files.ts).
const compiler = await build({
  ...common,
  entryPoints: ['src/commands/lesson-files.ts'],
  write: false,
});
const scratch = mkdtempSync(join(tmpdir(), 'iam-tutor-build-'));
try {
  const compilerFile = join(scratch, 'lesson-files.mjs');
  writeFileSync(compilerFile, compiler.outputFiles[0].text);
  const { compileLessons } = await import(pathToFileURL(compilerFile).href);
  const course = compileLessons('lessons');
  const json = JSON.stringify(course);
  if (!isDeepStrictEqual(JSON.parse(json), course)) {
    throw new Error('the built-in lessons do not survive JSON: the bundle could not use them');
  }
  writeFileSync(COMPILED_COURSE, json);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

writeFileSync('dist/meta.json', JSON.stringify(result.metafile));
const packages = bundledPackages(result.metafile);
const agpl = packages.filter((p) => /AGPL/i.test(p.license));
if (agpl.length > 0) {
  throw new Error(`AGPL packages must not be bundled: ${agpl.map((p) => p.name).join(', ')}`);
}
// Packages whose licence files say the same words are listed together above those words once
// (thirty of Sindre Sorhus's carry one MIT text): 35 KB less to install.
const byText = new Map();
for (const p of packages) {
  const text = licenceText(p);
  byText.set(text, [...(byText.get(text) ?? []), p]);
}
writeFileSync(
  'dist/THIRD-PARTY-LICENSES.txt',
  [...byText]
    .map(([text, same]) => {
      const names = same.map((p) => `${p.name}@${p.version} (${p.license})`).join('\n');
      return `${names}\n\n${text}\n`;
    })
    .join('\n'),
);
