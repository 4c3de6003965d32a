// A small in-process cache for data that changes rarely (reference lists shown on many pages),
// kept per database. Entries expire after `ttlMs`, so a change made by another process (an
// import from the command line) shows within that time.
export interface TtlCache<T> {
  get(scope: object, key: string, load: () => Promise<T>): Promise<T>;
}

export function ttlCache<T>(ttlMs: number): TtlCache<T> {
  const scopes = new WeakMap<object, Map<string, { expires: number; value: Promise<T> }>>();
  return {
    get(scope, key, load) {
      let entries = scopes.get(scope);
      if (!entries) scopes.set(scope, (entries = new Map()));
      const now = Date.now();
      const hit = entries.get(key);
      if (hit && hit.expires > now) return hit.value;
      const value = load();
      entries.set(key, { expires: now + ttlMs, value });
      // A failed load is not kept.
      value.catch(() => entries.delete(key));
      return value;
    },
  };
}
