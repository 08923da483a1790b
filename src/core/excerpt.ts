/**
 * How a message quotes a value the user typed: in double quotes, on one line, and short. A cell can
 * hold 32,767 characters and a command-line flag more; a message that repeated it whole would bury
 * the reason and, in a tooltip or a status line, push it out of sight.
 */

/** Characters of a value a message shows before cutting it with "…". */
export const EXCERPT_LENGTH = 40;

/** The value's text for a message: whitespace runs (line breaks too) as one space, cut to 40 characters. */
export function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  if (flat.length <= EXCERPT_LENGTH) return flat;
  // Counted in code points, so a surrogate pair (an emoji) is never cut in half.
  let points = 0;
  let cut = 0;
  for (const ch of flat) {
    points++;
    if (points > EXCERPT_LENGTH) return flat.slice(0, cut) + '…';
    if (points < EXCERPT_LENGTH) cut += ch.length;
  }
  return flat;
}

/** `excerpt` in double quotes: `"3/14/2025"`. */
export function quote(text: string): string {
  return `"${excerpt(text)}"`;
}
