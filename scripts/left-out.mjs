// Stands in for the modules the bundle leaves out (see scripts/bundle-plugins.mjs): Ink's React
// Devtools bridge, imported only for what importing it does (nothing, here), and ajv, ajv-formats
// and semver, which conf imports for its `schema` and `migrations` options, unused by the
// progress store. Reaching for those says so.
function unused() {
  throw new Error('conf is bundled without ajv and semver: its schema and migrations are not used');
}

export const Ajv2020 = unused;

export default new Proxy(unused, { get: () => unused });
