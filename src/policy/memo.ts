// Reading a policy string (a glob, a date, a CIDR block) is worth doing once, not on every request.

/** The size at which a cache starts over: enough for every value of a session's policies. */
const LIMIT = 4096;

/**
 * Remembers the answers of a pure function of a string. The cache is bounded: when it is full it
 * starts over, so a long session with ever-new values cannot grow it without end.
 */
export function memoize<T>(compute: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    const known = cache.get(text);
    if (known !== undefined || cache.has(text)) return known as T;
    if (cache.size >= LIMIT) cache.clear();
    const value = compute(text);
    cache.set(text, value);
    return value;
  };
}
