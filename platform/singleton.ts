// The server runs its own TypeScript directly (Node's type stripping) while React Router's
// build bundles a second copy of the modules the routes import. State that both copies must
// share (request-scoped storage, router context keys) is kept once per process here.
export function processSingleton<T>(name: string, create: () => T): T {
  const key = Symbol.for(`pares.${name}`);
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  return (store[key] ??= create());
}
