// esbuild plugins for the bundle's start-up time: each one leaves out or defers work that the
// packages we bundle would do on every start, without changing what the program does.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const leftOut = fileURLToPath(new URL('left-out.mjs', import.meta.url));

/** Replaces `search` in the file at `path`; fails the build if a new version no longer has it. */
function patched(path, search, replacement) {
  const source = readFileSync(path, 'utf8');
  if (!source.includes(search)) {
    throw new Error(`${path} changed: "${search}" is not there any more; update the build's patch`);
  }
  return { contents: source.replace(search, replacement), loader: 'js' };
}

/**
 * Yoga (Ink's layout) embeds its WebAssembly as a base64 data: URL and, wherever a global `fetch`
 * exists, fetches that URL, so Node loads its whole fetch implementation (undici) only to decode
 * base64: about 80-200 ms of every start. Its own synchronous decoder is used instead.
 */
export const yogaWithoutFetch = {
  name: 'yoga-without-fetch',
  setup(build) {
    build.onLoad(
      { filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ },
      (args) =>
        patched(
          args.path,
          'function ya(){return w||"function"!=typeof fetch?',
          'function ya(){return true?',
        ),
    );
  },
};

/**
 * conf imports ajv (with ajv-formats) for its `schema` option and semver for `migrations`; the
 * progress store uses neither, so they are left out (about 180 KB to parse and set up on every
 * start). The stand-in throws if conf ever reaches for them.
 */
export const confWithoutSchemas = {
  name: 'conf-without-schemas',
  setup(build) {
    build.onResolve({ filter: /^(?:ajv\/dist\/2020\.js|ajv-formats|semver)$/ }, (args) =>
      /[\\/]node_modules[\\/]conf[\\/]/.test(args.importer) ? { path: leftOut } : undefined,
    );
  },
};

/**
 * Ink imports its React Devtools bridge (react-devtools-core, and ws for its socket) only when
 * DEV=true; it is not shipped, so that import does nothing and DEV=true neither.
 */
export const inkWithoutDevtools = {
  name: 'ink-without-devtools',
  setup(build) {
    build.onResolve({ filter: /^\.\/devtools\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]ink[\\/]build[\\/]/.test(args.importer)
        ? { path: leftOut }
        : undefined,
    );
  },
};
