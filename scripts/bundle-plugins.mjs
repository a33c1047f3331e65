// esbuild plugins for the bundle's start-up time: each one leaves out or defers work that the
// packages we bundle would do on every start, without changing what the program does.
import { readFileSync } from 'node:fs';

/** The source with each [search, replacement] made; fails if a new version no longer has one. */
function patched(path, source, replacements) {
  let contents = source;
  for (const [search, replacement] of replacements) {
    if (!contents.includes(search)) {
      throw new Error(
        `${path} changed: "${search}" is not there any more; update the build's patch`,
      );
    }
    contents = contents.replace(search, () => replacement);
  }
  return { contents, loader: 'js' };
}

/**
 * Yoga (Ink's layout) embeds its WebAssembly as a base64 data: URL and, wherever a global `fetch`
 * exists, fetches that URL, so Node loads its whole fetch implementation (undici) only to decode
 * base64: about 80-200 ms of every start. Its own synchronous decoder is used instead, and that
 * decodes with Buffer rather than atob and a loop over 70 KB (5-10 ms).
 */
export const yogaWithoutFetch = {
  name: 'yoga-without-fetch',
  setup(build) {
    build.onLoad(
      { filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ },
      (args) =>
        patched(args.path, readFileSync(args.path, 'utf8'), [
          ['function ya(){return w||"function"!=typeof fetch?', 'function ya(){return true?'],
          [
            'var b=xa(a.slice(37)),c=new Uint8Array(b.length);for(a=0;a<b.length;++a)c[a]=b.charCodeAt(a);var d=c}',
            'var d=new Uint8Array(Buffer.from(a.slice(37),"base64"))}',
          ],
        ]),
    );
  },
};

/**
 * conf imports ajv (with ajv-formats) for its `schema` option and semver for `migrations`; the
 * progress store uses neither, so they are left out (about 180 KB to parse and set up on every
 * start). The stand-in throws if conf ever reaches for them.
 */
const UNUSED_BY_CONF = `
function unused() {
  throw new Error('conf is bundled without ajv and semver: its schema and migrations are not used');
}
export const Ajv2020 = unused;
export default new Proxy(unused, { get: () => unused });
`;

export const confWithoutSchemas = {
  name: 'conf-without-schemas',
  setup(build) {
    build.onResolve({ filter: /^(?:ajv\/dist\/2020\.js|ajv-formats|semver)$/ }, (args) =>
      /[\\/]node_modules[\\/]conf[\\/]/.test(args.importer)
        ? { path: 'ajv-and-semver', namespace: 'unused-by-conf' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'unused-by-conf' }, () => ({
      contents: UNUSED_BY_CONF,
      loader: 'js',
    }));
  },
};

/**
 * Ink imports its React Devtools bridge (react-devtools-core, and ws for its socket) only when
 * DEV=true (a mode for Ink's own development, which fails bundled: it reads Ink's package.json);
 * the bridge is not shipped, so that import finds an empty module.
 */
export const inkWithoutDevtools = {
  name: 'ink-without-devtools',
  setup(build) {
    build.onResolve({ filter: /^\.\/devtools\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]ink[\\/]build[\\/]/.test(args.importer)
        ? { path: 'ink-devtools', namespace: 'ink-devtools' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'ink-devtools' }, () => ({ contents: '' }));
  },
};

/**
 * string-width 8 (Ink's measure of text) tests every cluster that is not plain ASCII against
 * /^\p{RGI_Emoji}$/v, which V8 takes about 40 ms to build when the module loads and as long again
 * to compile on first use. It is built on first use here, and only for a cluster that can be an
 * RGI emoji: every one holds an Emoji_Presentation character or U+FE0F (the emoji variation
 * selector). The widths are the same. (string-width 7, under wrap-ansi, uses emoji-regex, quick.)
 */
export const stringWidthEmojiPretest = {
  name: 'string-width-emoji-pretest',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('rgiEmojiRegex')) return undefined;
      return patched(args.path, source, [
        [
          'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;',
          [
            'let rgiEmoji;',
            "const rgiEmojiRegex = { test: (s) => (rgiEmoji ??= new RegExp('^\\\\p{RGI_Emoji}$', 'v')).test(s) };",
            'const mayBeRgiEmoji = /[\\p{Emoji_Presentation}\\uFE0F]/u;',
          ].join('\n'),
        ],
        [
          'if (rgiEmojiRegex.test(segment) ||',
          'if ((mayBeRgiEmoji.test(segment) && rgiEmojiRegex.test(segment)) ||',
        ],
      ]);
    });
  },
};

/**
 * Our JSON data (AWS's service models, the managed policies: 250 KB) as JSON text that
 * JSON.parse reads when the chunk loads, not as object literals in the code: V8 compiles a
 * literal that size several times slower than JSON.parse reads the same text.
 */
export const jsonAsText = {
  name: 'json-as-text',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.json$/ }, (args) => {
      const text = JSON.stringify(JSON.parse(readFileSync(args.path, 'utf8')));
      return { contents: `export default JSON.parse(${JSON.stringify(text)});`, loader: 'js' };
    });
  },
};

/**
 * Node modules that packages import for a path we do not take, loaded when first used instead of
 * on every start: conf's node:crypto (only for its encryptionKey option) and terminal-size's
 * node:child_process (only when the terminal does not say its size): about 12 ms. The lesson
 * files' node:crypto too: only the commands that read the built-in course hash its files.
 */
const LAZY_BUILTINS = [
  {
    importer: /[\\/]node_modules[\\/]conf[\\/]|[\\/]src[\\/]commands[\\/]lesson-files\.ts$/,
    module: 'node:crypto',
    names: ['createHash'],
  },
  {
    importer: /[\\/]node_modules[\\/]terminal-size[\\/]/,
    module: 'node:child_process',
    names: ['execFileSync'],
  },
];

export const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(build) {
    build.onResolve({ filter: /^node:/ }, (args) => {
      const lazy = LAZY_BUILTINS.find(
        ({ importer, module }) => module === args.path && importer.test(args.importer),
      );
      return lazy ? { path: lazy.module, namespace: 'lazy-builtin' } : undefined;
    });
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => {
      const { names } = LAZY_BUILTINS.find(({ module }) => module === args.path);
      const contents = [
        "import { createRequire } from 'node:module';",
        `const load = () => createRequire(import.meta.url)(${JSON.stringify(args.path)});`,
        'export default new Proxy({}, { get: (_, key) => load()[key] });',
        ...names.map((name) => `export const ${name} = (...a) => load().${name}(...a);`),
      ].join('\n');
      return { contents, loader: 'js' };
    });
  },
};
