// Stands in for ajv, ajv-formats and semver in the bundle (see scripts/bundle-plugins.mjs): conf
// imports them for its `schema` and `migrations` options, which the progress store does not use.
// Reaching for them says so.
function unused() {
  throw new Error('conf is bundled without ajv and semver: its schema and migrations are not used');
}

export const Ajv2020 = unused;

export default new Proxy(unused, { get: () => unused });
