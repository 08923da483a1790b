/**
 * Which proof links become clickable. A log's "Proof link" is user text: only web addresses and file
 * paths become hyperlinks; any other scheme (javascript:, data:, vbscript:, …) stays plain text.
 */

/** The hyperlink address for a proof link, or undefined when it must stay plain text. */
export function proofLinkTarget(text: string): string | undefined {
  const link = text.trim();
  if (link === '' || /[\u0000-\u001f\u007f]/.test(link)) return undefined;
  if (/^https?:\/\//i.test(link)) {
    try {
      const url = new URL(link);
      return url.protocol === 'http:' || url.protocol === 'https:' ? link : undefined;
    } catch {
      return undefined;
    }
  }
  if (/^file:\/\//i.test(link)) return link;
  // C:\proof\cert.pdf or C:/proof/cert.pdf
  if (/^[A-Za-z]:[\\/]/.test(link)) return `file:///${link.replace(/\\/g, '/')}`;
  // \\server\share\cert.pdf
  if (/^\\\\[^\\]/.test(link)) return `file:${link.replace(/\\/g, '/')}`;
  if (link.startsWith('/')) return `file://${link}`;
  // Anything else with a scheme is refused; what is left is a path relative to the workbook.
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(link)) return undefined;
  if (/^(\.{1,2}[\\/]|[\w -][^:]*$)/.test(link) && /[\\/.]/.test(link)) return link.replace(/\\/g, '/');
  return undefined;
}
