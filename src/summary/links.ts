/**
 * Which proof links become clickable. A log's "Proof link" is user text, and a reviewer clicks what the
 * summary makes clickable: only web addresses (http, https) and mail addresses (mailto) become
 * hyperlinks. Everything else stays plain text, still shown: file paths and file: URLs (a click on
 * \\server\share\x.pdf or C:\...\x.exe can open or run a file on the reviewer's machine or share),
 * relative paths, and any other scheme (javascript:, data:, vbscript:, ms-excel:, …).
 */

/** Excel's limit on the text of one cell; longer text is cut (see `fitCellText`). */
export const CELL_TEXT_LIMIT = 32_767;

/** The hyperlink address for a proof link, or undefined when it must stay plain text. */
export function proofLinkTarget(text: string): string | undefined {
  const link = text.trim();
  // Control characters hide a scheme from the eye; a link longer than a cell would be shown cut.
  if (link === '' || link.length > CELL_TEXT_LIMIT || /[\u0000-\u001f\u007f]/.test(link)) return undefined;
  let url: URL;
  if (/^https?:\/\/[^/\\]/i.test(link)) {
    try {
      url = new URL(link);
    } catch {
      return undefined;
    }
    return url.protocol === 'http:' || url.protocol === 'https:' ? link : undefined;
  }
  // mailto:name@host, with optional ?subject=…; no blanks, and an address before any query.
  if (/^mailto:[^\s?@]+@[^\s?@]+(\?\S*)?$/i.test(link)) {
    try {
      url = new URL(link);
    } catch {
      return undefined;
    }
    return url.protocol === 'mailto:' ? link : undefined;
  }
  return undefined;
}

/**
 * Text that fits in one cell: anything over Excel's limit is cut, and says so at its end, with its full
 * length, so a reviewer sees that something is missing.
 */
export function fitCellText(text: string): string {
  if (text.length <= CELL_TEXT_LIMIT) return text;
  const marker = `… [cut: ${text.length.toLocaleString('en-US')} characters in all]`;
  let keep = CELL_TEXT_LIMIT - marker.length;
  // Never half of a surrogate pair (an emoji, a rare CJK character).
  const last = text.charCodeAt(keep - 1);
  if (last >= 0xd800 && last <= 0xdbff) keep--;
  return text.slice(0, keep) + marker;
}
