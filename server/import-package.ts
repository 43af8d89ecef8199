/**
 * Loads a package on first use (a staff export, a notice ingest, a model extraction) rather than
 * at start.
 *
 * The compiled server runs its bundle from V8's code cache (scripts/server-loader.mjs). On Node 20
 * an `import()` inside code deserialised from that cache has lost its module loader and fails with
 * ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING, so every such import would work on the first start and
 * fail on each later one. The loader therefore lends the bundle an `import()` of its own, made in
 * a real ES module beside the bundle (so a package resolves from the same node_modules); from
 * source (tsx, the tests) there is none and the plain `import()` is used.
 */
const LOADER_IMPORT = Symbol.for('zhizao.importPackage');

export function importPackage<T>(name: string): Promise<T> {
  const lent = (globalThis as Record<symbol, unknown>)[LOADER_IMPORT] as ((specifier: string) => Promise<unknown>) | undefined;
  return (lent ? lent(name) : import(name)) as Promise<T>;
}
