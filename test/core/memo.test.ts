/** The one memo helper: an answer per key, computed once, never another key's answer. */
import { memoByObject, memoByText } from '../../src/core/memo';

test('memoByObject computes once per object and answers each object with its own result', () => {
  const calls: object[] = [];
  const size = memoByObject((o: { items: number[] }) => {
    calls.push(o);
    return o.items.length;
  });
  const a = { items: [1, 2] };
  const b = { items: [1, 2, 3] };
  expect([size(a), size(b), size(a), size(a), size(b)]).toEqual([2, 3, 2, 2, 3]);
  expect(calls).toEqual([a, b]);
  // A result that is undefined is remembered too.
  const none = memoByObject((_o: object) => {
    calls.push(_o);
    return undefined;
  });
  const c = {};
  none(c);
  none({});
  none(c);
  expect(calls.length).toBe(4);
});

test('memoByText computes once per exact text, and a memory past its limit starts over', () => {
  const calls: string[] = [];
  const upper = memoByText((t: string) => {
    calls.push(t);
    return t === 'none' ? undefined : t.toUpperCase();
  }, 2);
  expect([upper('a'), upper('a'), upper('none'), upper('none'), upper('A ')]).toEqual([
    'A',
    'A',
    undefined,
    undefined,
    'A ',
  ]);
  expect(calls).toEqual(['a', 'none', 'A ']); // 'A ' was the third text: the memory started over with it
  expect(upper('a')).toBe('A');
  expect(calls).toEqual(['a', 'none', 'A ', 'a']);
});
