/**
 * The one way results are remembered: a function's answer per key, computed once. Programs, their
 * formats and rules are objects that live as long as the program, so answers about them are kept per
 * object; texts typed in cells repeat down a sheet and across recalculations, so answers about them
 * are kept per exact text, a bounded number of them (a sheet of all different texts starts over).
 * A log's content is remembered by the cell functions (functions/recent-evaluations.ts).
 */

/** `compute(key)` per key object, kept while the key lives; the last key's answer needs no lookup. */
export function memoByObject<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const seen = new WeakMap<K, V>();
  let lastKey: K | undefined;
  let lastValue: V | undefined;
  return (key: K): V => {
    if (key === lastKey) return lastValue as V;
    let value = seen.get(key);
    if (value === undefined && !seen.has(key)) {
      value = compute(key);
      seen.set(key, value);
    }
    lastKey = key;
    lastValue = value;
    return value as V;
  };
}

/** `compute(text)` per exact text, for at most `limit` texts at a time. */
export function memoByText<V>(compute: (text: string) => V, limit = 1024): (text: string) => V {
  const seen = new Map<string, V>();
  return (text: string): V => {
    let value = seen.get(text);
    if (value === undefined && !seen.has(text)) {
      value = compute(text);
      if (seen.size >= limit) seen.clear();
      seen.set(text, value);
    }
    return value as V;
  };
}
