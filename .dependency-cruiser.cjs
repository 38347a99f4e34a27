/** Layering rules from ARCHITECTURE.md: each layer imports only the ones below it. */
const layer = (name) => `^src/${name}/`;
module.exports = {
  forbidden: [
    { name: 'domain-is-pure', severity: 'error', from: { path: layer('domain') },
      to: { path: '^src/(engine|store|services|api|cli|web)/' } },
    { name: 'engine-is-pure', severity: 'error', from: { path: layer('engine') },
      to: { path: '^src/(store|services|api|cli|web)/' } },
    { name: 'engine-no-io', severity: 'error', from: { path: layer('engine') },
      to: { dependencyTypes: ['core'], path: '^(fs|net|http|https|child_process|pg|node:fs|node:net|node:http|node:child_process)$' } },
    { name: 'store-below-services', severity: 'error', from: { path: layer('store') },
      to: { path: '^src/(engine|services|api|cli|web)/' } },
    { name: 'services-below-transports', severity: 'error', from: { path: layer('services') },
      to: { path: '^src/(api|cli|web)/' } },
    { name: 'api-not-cli-web', severity: 'error', from: { path: layer('api') },
      to: { path: '^src/(cli|web|store|engine)/' } },
    // cli hosts the API (serve) and otherwise goes through services.
    { name: 'cli-through-services', severity: 'error', from: { path: layer('cli') },
      to: { path: '^src/(web|store|engine)/' } },
    { name: 'web-types-only-from-api', severity: 'error', from: { path: layer('web') },
      to: { path: '^src/(services|store|engine|cli)/' } },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.test\\.ts$' },
  },
};
