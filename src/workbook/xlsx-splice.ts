/**
 * Adds new sheets to an .xlsx without rewriting it: the command line's summary copy of a big log.
 *
 * exceljs writes a whole workbook from its full model, which for a large log costs several times the
 * file's cells in memory. Here exceljs writes only a small workbook holding the new sheets, and its
 * sheet parts are spliced into the original zip: every other part is copied byte for byte (its
 * compressed bytes untouched), and only the parts that list sheets, names and styles are edited:
 * the workbook part, its relationships, [Content_Types].xml and the styles part. The new sheets'
 * styles are appended to the original's (with their ids moved), and their text is written as inline
 * strings, so the shared strings part stays as it was. Sheets being replaced are removed with the
 * parts only they used. A sheet the user had selected loses its selection mark when another sheet is
 * made the active one (two selected tabs would group them in Excel): that sheet is the one original
 * part whose XML changes.
 *
 * `spliceSheets` returns undefined for a workbook whose parts it cannot edit safely (an unusual
 * prefix, a part missing); the caller then writes the copy through exceljs's full model, as before.
 */
import { inflateRawSync } from 'zlib';
import type { RangeRef } from './port';
import { rangeAddress } from './port';
import { deflatedPart, NO_LIMITS, rawParts, writeZip, ZipFile, type ZipPart } from './xlsx-zip';

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const OFFICE_DOCUMENT = `${REL_NS}/officeDocument`;
const WORKSHEET_TYPE = `${REL_NS}/worksheet`;
const WORKSHEET_CONTENT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

/** What happened to the workbook since it was read, in order: names defined and sheets deleted. */
export type SpliceEvent =
  | { kind: 'addSheet'; name: string }
  | { kind: 'defineName'; name: string; sheet: string; range: RangeRef; comment?: string }
  | { kind: 'deleteSheet'; name: string };

export interface SpliceInput {
  /** The .xlsx file as read. */
  original: Buffer;
  /** A workbook (a zip, stored or deflated) that holds only the new sheets, in the order they are added. */
  added: Buffer;
  events: readonly SpliceEvent[];
  /** The sheet to make the active one (a new sheet), if any. */
  active?: string;
  /** Formulas were written: Excel recalculates on open (their cached results are for other readers). */
  fullCalcOnLoad: boolean;
}

/** Thrown inside: a structure this module does not edit; `spliceSheets` answers undefined. */
class Unsupported extends Error {}

const unescapeXml = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-fA-F]+));/g, (_m, name: string, dec?: string, hex?: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' }[name]!;
  });
const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}="([^"]*)"`).exec(tag);
  return m ? unescapeXml(m[1]!) : undefined;
}

/** Sets (or adds) an attribute of the start tag `tag`. */
function withAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name}=")[^"]*(")`);
  if (re.test(tag)) return tag.replace(re, `$1${escapeXml(value)}$2`);
  return tag.replace(/\s*(\/?>)$/, ` ${name}="${escapeXml(value)}"$1`);
}

function resolvePart(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

function relsOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

interface Rel {
  xml: string;
  id: string;
  type: string;
  target: string;
  external: boolean;
}

function parseRels(xml: string): Rel[] {
  return [...xml.matchAll(/<Relationship\b[^>]*?\/>|<Relationship\b[^>]*>[\s\S]*?<\/Relationship>/g)].map((m) => ({
    xml: m[0],
    id: attr(m[0], 'Id') ?? '',
    type: attr(m[0], 'Type') ?? '',
    target: attr(m[0], 'Target') ?? '',
    external: attr(m[0], 'TargetMode') === 'External',
  }));
}

function partText(part: ZipPart): string {
  return (part.method === 8 ? inflateRawSync(part.data) : part.data).toString('utf8');
}

/** The children `<tag>` of the block `<tags>` in `xml`, with the block's position; undefined when absent. */
function block(xml: string, tag: string): { start: number; end: number; open: string; items: string[] } | undefined {
  const re = new RegExp(`<${tag}s\\b[^>]*?(/?)>`);
  const m = re.exec(xml);
  if (!m) return undefined;
  const open = m[0];
  if (m[1] === '/') return { start: m.index, end: m.index + open.length, open, items: [] };
  const close = xml.indexOf(`</${tag}s>`, m.index);
  if (close < 0) throw new Unsupported(`no </${tag}s>`);
  const inner = xml.slice(m.index + open.length, close);
  const items = [...inner.matchAll(new RegExp(`<${tag}\\b[^>]*?/>|<${tag}\\b[^>]*>[\\s\\S]*?</${tag}>`, 'g'))].map(
    (x) => x[0],
  );
  return { start: m.index, end: close + `</${tag}s>`.length, open, items };
}

function renderBlock(tag: string, open: string, items: string[]): string {
  const start = withAttr(open.replace(/\s*\/>$/, '>'), 'count', String(items.length));
  return `${start}${items.join('')}</${tag}s>`;
}

/**
 * Appends the styles of `added` to `original`; returns the new styles part and the map from the
 * added workbook's cell style ids to the merged ones.
 */
function mergeStyles(original: string, added: string): { xml: string; xf: number[] } {
  const a = {
    numFmts: block(added, 'numFmt'),
    fonts: block(added, 'font'),
    fills: block(added, 'fill'),
    borders: block(added, 'border'),
  };
  const addedXfs = xfsOf(added);
  let xml = original;
  const fonts = block(xml, 'font');
  const fills = block(xml, 'fill');
  const borders = block(xml, 'border');
  const originalXfs = xfsOf(xml);
  if (!fonts || !fills || !borders || !a.fonts || !a.fills || !a.borders) throw new Unsupported('styles');
  const fontBase = fonts.items.length;
  const fillBase = fills.items.length;
  const borderBase = borders.items.length;
  const xfBase = originalXfs.items.length;
  // Custom number formats get ids after the original's own (or the original's id of the same code).
  const numFmts = block(xml, 'numFmt');
  const originalFormats = new Map<string, string>();
  let maxId = 163;
  for (const f of numFmts?.items ?? []) {
    const id = attr(f, 'numFmtId')!;
    originalFormats.set(attr(f, 'formatCode') ?? '', id);
    maxId = Math.max(maxId, Number(id));
  }
  const formatMap = new Map<string, string>();
  const newFormats: string[] = [];
  for (const f of a.numFmts?.items ?? []) {
    const id = attr(f, 'numFmtId')!;
    const code = attr(f, 'formatCode') ?? '';
    const same = originalFormats.get(code);
    if (same !== undefined) formatMap.set(id, same);
    else {
      const next = String(++maxId);
      formatMap.set(id, next);
      newFormats.push(withAttr(f, 'numFmtId', next));
    }
  }
  const xfs = addedXfs.items.map((x) =>
    x.replace(/^<xf\b[^>]*>/, (open) => {
      let tag = open;
      const num = attr(tag, 'numFmtId');
      if (num !== undefined && formatMap.has(num)) tag = withAttr(tag, 'numFmtId', formatMap.get(num)!);
      tag = withAttr(tag, 'fontId', String(Number(attr(tag, 'fontId') ?? 0) + fontBase));
      tag = withAttr(tag, 'fillId', String(Number(attr(tag, 'fillId') ?? 0) + fillBase));
      tag = withAttr(tag, 'borderId', String(Number(attr(tag, 'borderId') ?? 0) + borderBase));
      return withAttr(tag, 'xfId', '0');
    }),
  );
  // Replace from the end of the part, so earlier positions stay valid.
  const edits: { start: number; end: number; text: string }[] = [
    { start: fonts.start, end: fonts.end, text: renderBlock('font', fonts.open, [...fonts.items, ...a.fonts.items]) },
    { start: fills.start, end: fills.end, text: renderBlock('fill', fills.open, [...fills.items, ...a.fills.items]) },
    {
      start: borders.start,
      end: borders.end,
      text: renderBlock('border', borders.open, [...borders.items, ...a.borders.items]),
    },
    {
      start: originalXfs.start,
      end: originalXfs.end,
      text: `${withAttr(originalXfs.open, 'count', String(xfBase + xfs.length))}${originalXfs.items.join('')}${xfs.join('')}</cellXfs>`,
    },
  ];
  if (newFormats.length) {
    if (numFmts)
      edits.push({
        start: numFmts.start,
        end: numFmts.end,
        text: renderBlock('numFmt', numFmts.open, [...numFmts.items, ...newFormats]),
      });
    else
      edits.push({
        start: fonts.start,
        end: fonts.start,
        text: `<numFmts count="${newFormats.length}">${newFormats.join('')}</numFmts>`,
      });
  }
  edits.sort((x, y) => y.start - x.start);
  for (const e of edits) xml = xml.slice(0, e.start) + e.text + xml.slice(e.end);
  return { xml, xf: addedXfs.items.map((_x, i) => xfBase + i) };
}

function xfsOf(xml: string): { start: number; end: number; open: string; items: string[] } {
  const m = /<cellXfs\b[^>]*>/.exec(xml);
  if (!m || m[0].endsWith('/>')) throw new Unsupported('cellXfs');
  const close = xml.indexOf('</cellXfs>', m.index);
  if (close < 0) throw new Unsupported('cellXfs');
  const inner = xml.slice(m.index + m[0].length, close);
  const items = [...inner.matchAll(/<xf\b[^>]*?\/>|<xf\b[^>]*>[\s\S]*?<\/xf>/g)].map((x) => x[0]);
  return { start: m.index, end: close + '</cellXfs>'.length, open: m[0], items };
}

/** A new sheet's XML with the merged style ids and its shared strings written inline. */
function rewriteSheet(xml: string, xf: number[], strings: string[]): string {
  const style = (id: string) => {
    const mapped = xf[Number(id)];
    if (mapped === undefined) throw new Unsupported(`style ${id}`);
    return String(mapped);
  };
  if (/\bdxfId="/.test(xml)) throw new Unsupported('differential formats');
  return xml
    .replace(/(<(?:c|row)\b[^>]*?\ss=")(\d+)"/g, (_m, head: string, id: string) => `${head}${style(id)}"`)
    .replace(/(<col\b[^>]*?\sstyle=")(\d+)"/g, (_m, head: string, id: string) => `${head}${style(id)}"`)
    .replace(/<c\b([^>]*?)\st="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (_m, before: string, after: string, n: string) => {
      const si = strings[Number(n)];
      if (si === undefined) throw new Unsupported(`string ${n}`);
      return `<c${before} t="inlineStr"${after}><is>${si}</is></c>`;
    });
}

/** Sets `tabSelected` of a sheet's first view, in the head of its XML (before its cells). */
function setTabSelected(xml: string, on: boolean): string {
  const cells = xml.indexOf('<sheetData');
  const head = cells < 0 ? xml : xml.slice(0, cells);
  const m = /<sheetView\b[^>]*?\/?>/.exec(head);
  if (!m) {
    if (!on) return xml;
    throw new Unsupported('sheetView');
  }
  let tag = m[0];
  if (on) tag = withAttr(tag, 'tabSelected', '1');
  else tag = tag.replace(/\stabSelected="[^"]*"/, '');
  return xml.slice(0, m.index) + tag + xml.slice(m.index + m[0].length);
}

interface SheetEntry {
  name: string;
  /** The original <sheet/> element, or undefined for a new sheet. */
  xml: string | undefined;
  part: string;
  isNew: boolean;
}

interface NameEntry {
  name: string;
  /** The sheet a sheet-scoped name belongs to (localSheetId), as an entry. */
  scope: SheetEntry | undefined;
  attrs: string;
  text: string;
}

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** "'CE Log'!$A$1" → "CE Log"; undefined for anything that is not one sheet reference. */
function refSheet(text: string): string | undefined {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?$/.exec(text.trim());
  return m ? (m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]) : undefined;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function absolute(range: RangeRef): string {
  return rangeAddress(range).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
}

export async function spliceSheets(input: SpliceInput): Promise<Buffer | undefined> {
  try {
    return await splice(input);
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

async function splice(input: SpliceInput): Promise<Buffer> {
  const parts = rawParts(input.original);
  const byName = new Map(parts.map((p) => [p.name.replace(/^\/+/, ''), p]));
  const text = (name: string) => {
    const part = byName.get(name);
    if (!part) throw new Unsupported(`missing ${name}`);
    return partText(part);
  };
  const added = await ZipFile.open(input.added, NO_LIMITS);
  const addedText = (name: string) => added.readText(name);

  // The workbook part and its relationships.
  const rootRels = parseRels(text('_rels/.rels'));
  const bookRel = rootRels.find((r) => r.type === OFFICE_DOCUMENT);
  if (!bookRel) throw new Unsupported('no workbook');
  const bookPart = resolvePart('', bookRel.target);
  // New parts carry the workbook part's time stamp (a zip needs one; the file's own is as good as any).
  const stamp = byName.get(bookPart) ?? { time: 0, date: 0x21 };
  const bookRelsPart = relsOf(bookPart);
  let book = text(bookPart);
  const bookRelsXml = text(bookRelsPart);
  let bookRels = parseRels(bookRelsXml);
  const prefix = new RegExp(`xmlns:(\\w+)="${REL_NS}"`).exec(book)?.[1];
  if (!prefix || /<\w+:sheets\b/.test(book)) throw new Unsupported('workbook namespaces');
  const sheetsBlock = /<sheets>([\s\S]*?)<\/sheets>/.exec(book);
  if (!sheetsBlock) throw new Unsupported('sheets');
  const relTarget = (id: string) => {
    const rel = bookRels.find((r) => r.id === id);
    if (!rel || rel.external) throw new Unsupported(`relationship ${id}`);
    return resolvePart(bookPart, rel.target);
  };
  const sheets: SheetEntry[] = [...sheetsBlock[1]!.matchAll(/<sheet\b[^>]*?\/>/g)].map((m) => ({
    name: attr(m[0], 'name') ?? '',
    xml: m[0],
    part: relTarget(attr(m[0], `${prefix}:id`) ?? ''),
    isNew: false,
  }));
  const originalSheets = [...sheets];

  // Defined names, each tied to the sheet it is scoped to.
  const namesBlock = /<definedNames>([\s\S]*?)<\/definedNames>|<definedNames\/>/.exec(book);
  const names: NameEntry[] = namesBlock
    ? [...(namesBlock[1] ?? '').matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)].map((m) => {
        const local = attr(m[0], 'localSheetId');
        return {
          name: attr(m[0], 'name') ?? '',
          scope: local !== undefined ? sheets[Number(local)] : undefined,
          attrs: m[1]!.replace(/\slocalSheetId="[^"]*"/, ''),
          text: m[2]!,
        };
      })
    : [];

  // The new sheets, from the small workbook exceljs wrote.
  const addedBook = await addedText('xl/workbook.xml');
  const addedRels = parseRels(await addedText('xl/_rels/workbook.xml.rels'));
  const addedSheets = [...addedBook.matchAll(/<sheet\b[^>]*?\/>/g)].map((m) => {
    const rel = addedRels.find((r) => r.id === attr(m[0], 'r:id'));
    if (!rel) throw new Unsupported('added sheet');
    return { name: attr(m[0], 'name') ?? '', part: resolvePart('xl/workbook.xml', rel.target) };
  });
  const addedStyles = await addedText('xl/styles.xml');
  const stylesRel = bookRels.find((r) => /\/styles$/.test(r.type));
  if (!stylesRel) throw new Unsupported('no styles part');
  const stylesPart = relTarget(stylesRel.id);
  const merged = mergeStyles(text(stylesPart), addedStyles);
  const strings = added.has('xl/sharedStrings.xml')
    ? [...(await addedText('xl/sharedStrings.xml')).matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => m[1] ?? '')
    : [];

  const taken = new Set([...byName.keys()].map((n) => n.toLowerCase()));
  const folder = bookPart.includes('/') ? bookPart.slice(0, bookPart.lastIndexOf('/') + 1) : '';
  let sheetNumber = 1;
  let relNumber = 1;
  const relIds = new Set(parseRels(bookRelsXml).map((r) => r.id));
  let maxSheetId = Math.max(0, ...originalSheets.map((s) => Number(attr(s.xml!, 'sheetId') ?? 0)));
  const newParts: ZipPart[] = [];
  const contentTypes: string[] = [];
  const addSheet = async (name: string) => {
    const a = addedSheets.find((x) => sameName(x.name, name));
    if (!a) throw new Unsupported('added sheet');
    if (sheets.some((s) => sameName(s.name, a.name))) throw new Unsupported('sheet name taken');
    while (taken.has(`${folder}worksheets/sheet${sheetNumber}.xml`.toLowerCase())) sheetNumber++;
    const part = `${folder}worksheets/sheet${sheetNumber}.xml`;
    taken.add(part.toLowerCase());
    while (relIds.has(`rIdCE${relNumber}`)) relNumber++;
    const id = `rIdCE${relNumber}`;
    relIds.add(id);
    bookRels.push({
      xml: `<Relationship Id="${id}" Type="${WORKSHEET_TYPE}" Target="${part.slice(folder.length)}"/>`,
      id,
      type: WORKSHEET_TYPE,
      target: part.slice(folder.length),
      external: false,
    });
    const entry: SheetEntry = {
      name: a.name,
      xml: `<sheet name="${escapeXml(a.name)}" sheetId="${++maxSheetId}" ${prefix}:id="${id}"/>`,
      part,
      isNew: true,
    };
    sheets.push(entry);
    newParts.push(
      deflatedPart(part, rewriteSheet(await addedText(a.part), merged.xf, strings), stamp.time, stamp.date),
    );
    contentTypes.push(`<Override PartName="/${escapeXml(part)}" ContentType="${WORKSHEET_CONTENT}"/>`);
    const rels = relsOf(a.part);
    if (added.has(rels)) {
      const relsXml = await addedText(rels);
      if (parseRels(relsXml).some((r) => !r.external)) throw new Unsupported('new sheet with parts of its own');
      newParts.push(deflatedPart(relsOf(part), relsXml, stamp.time, stamp.date));
    }
  };
  // Deletions and names, in the order they happened.
  const removedParts = new Set<string>();
  /** What the workbook part itself stops listing: the deleted sheets and the calculation chain. */
  const dropped = new Set<string>();
  let deletedAny = false;
  const sheetOf = (name: string) => sheets.find((s) => sameName(s.name, name));
  for (const event of input.events) {
    if (event.kind === 'addSheet') await addSheet(event.name);
    else if (event.kind === 'deleteSheet') {
      const sheet = sheetOf(event.name);
      if (!sheet || sheet.isNew) throw new Unsupported('delete');
      sheets.splice(sheets.indexOf(sheet), 1);
      deletedAny = true;
      removedParts.add(sheet.part);
      dropped.add(sheet.part);
      for (let i = names.length - 1; i >= 0; i--) {
        const n = names[i]!;
        const on = refSheet(unescapeXml(n.text));
        if (n.scope === sheet || (!n.scope && on !== undefined && sameName(on, sheet.name))) names.splice(i, 1);
      }
    } else {
      if (!sheetOf(event.sheet)) throw new Unsupported('name on a sheet that is not there');
      for (let i = names.length - 1; i >= 0; i--)
        if (!names[i]!.scope && sameName(names[i]!.name, event.name)) names.splice(i, 1);
      const comment = event.comment ? ` comment="${escapeXml(event.comment)}"` : '';
      names.push({
        name: event.name,
        scope: undefined,
        attrs: ` name="${escapeXml(event.name)}"${comment}`,
        text: escapeXml(`${quoteSheet(sheetOf(event.sheet)!.name)}!${absolute(event.range)}`),
      });
    }
  }

  // Parts only the deleted sheets used (tables, drawings, charts, comments, printer settings).
  const queue = [...removedParts];
  while (queue.length) {
    const part = queue.pop()!;
    const rels = relsOf(part);
    if (!byName.has(rels)) continue;
    removedParts.add(rels);
    for (const rel of parseRels(text(rels))) {
      if (rel.external) continue;
      const target = resolvePart(part, rel.target);
      if (!removedParts.has(target) && byName.has(target)) {
        removedParts.add(target);
        queue.push(target);
      }
    }
  }
  if (deletedAny) {
    // The calculation chain lists formula cells by sheet: Excel rebuilds it, a stale one is an error.
    for (const rel of bookRels)
      if (/\/calcChain$/.test(rel.type)) {
        removedParts.add(relTarget(rel.id));
        dropped.add(relTarget(rel.id));
      }
  }
  // A part another remaining part still points at stays (an image two drawings share, the pivot cache
  // of a deleted sheet's pivot table, which the workbook lists); the workbook's own links to the deleted
  // sheets and the calculation chain go with them.
  for (const [name, part] of byName) {
    if (!name.endsWith('.rels') || removedParts.has(name)) continue;
    const owner = name.replace(/_rels\/([^/]*)\.rels$/, '$1');
    for (const rel of parseRels(partText(part))) {
      if (rel.external) continue;
      const target = resolvePart(owner, rel.target);
      if (owner === bookPart && dropped.has(target)) continue;
      removedParts.delete(target);
    }
  }
  bookRels = bookRels.filter((r) => r.external || !removedParts.has(resolvePart(bookPart, r.target)));

  // Print areas and print titles of the new sheets.
  for (const m of addedBook.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)) {
    const local = attr(m[0], 'localSheetId');
    const scope = local !== undefined ? sheetOf(addedSheets[Number(local)]?.name ?? '') : undefined;
    if (!scope) throw new Unsupported('added name');
    names.push({
      name: attr(m[0], 'name') ?? '',
      scope,
      attrs: m[1]!.replace(/\slocalSheetId="[^"]*"/, ''),
      text: m[2]!,
    });
  }

  // The workbook part: sheets, names, active tab, calculation.
  const sheetIndex = (s: SheetEntry) => sheets.indexOf(s);
  const namesXml = names.length
    ? `<definedNames>${names
        .filter((n) => !n.scope || sheetIndex(n.scope) >= 0)
        .map((n) => {
          const local = n.scope ? ` localSheetId="${sheetIndex(n.scope)}"` : '';
          return `<definedName${n.attrs}${local}>${n.text}</definedName>`;
        })
        .join('')}</definedNames>`
    : '';
  book = book.replace(/<sheets>[\s\S]*?<\/sheets>/, `<sheets>${sheets.map((s) => s.xml).join('')}</sheets>`);
  if (namesBlock) book = book.replace(/<definedNames>[\s\S]*?<\/definedNames>|<definedNames\/>/, namesXml);
  else {
    const anchor = /<\/externalReferences>|<\/functionGroups>|<\/sheets>/g;
    let at = -1;
    for (const m of book.matchAll(anchor)) at = Math.max(at, m.index! + m[0].length);
    book = book.slice(0, at) + namesXml + book.slice(at);
  }
  const active = input.active !== undefined ? sheetOf(input.active) : undefined;
  if (input.active !== undefined && (!active || !active.isNew)) throw new Unsupported('activate');
  const view = /<workbookView\b[^>]*?\/?>/.exec(book);
  const tabs = sheets.length;
  if (active) {
    const index = sheetIndex(active);
    if (view) {
      let tag = withAttr(view[0], 'activeTab', String(index));
      const first = attr(tag, 'firstSheet');
      if (first !== undefined && Number(first) > index) tag = withAttr(tag, 'firstSheet', String(index));
      book = book.replace(view[0], tag);
    } else book = book.replace(/<sheets>/, `<bookViews><workbookView activeTab="${index}"/></bookViews><sheets>`);
  } else if (view) {
    const tab = Number(attr(view[0], 'activeTab') ?? 0);
    if (tab >= tabs) book = book.replace(view[0], withAttr(view[0], 'activeTab', '0'));
  }
  if (input.fullCalcOnLoad) {
    const calc = /<calcPr\b[^>]*?\/?>/.exec(book);
    if (calc) book = book.replace(calc[0], withAttr(calc[0], 'fullCalcOnLoad', '1'));
    else {
      const end = book.indexOf('</definedNames>');
      const at = end >= 0 ? end + '</definedNames>'.length : book.indexOf('</sheets>') + '</sheets>'.length;
      book = book.slice(0, at) + '<calcPr fullCalcOnLoad="1"/>' + book.slice(at);
    }
  }

  // The sheets the user had selected are not selected any more once a new one is active.
  const reselected = new Map<string, string>();
  if (active) {
    for (const s of sheets) {
      if (s.isNew) continue;
      const part = byName.get(s.part);
      if (!part) throw new Unsupported('sheet part');
      const head = sheetHead(part);
      if (/<sheetView\b[^>]*\stabSelected="(1|true)"/.test(head))
        reselected.set(s.part, setTabSelected(partText(part), false));
    }
  }

  // [Content_Types].xml.
  let types = text('[Content_Types].xml');
  for (const removed of removedParts) {
    const re = new RegExp(`<Override\\b[^>]*PartName="/${removed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*/>`, 'i');
    types = types.replace(re, '');
  }
  if (!/<Default\b[^>]*Extension="rels"/i.test(types))
    contentTypes.unshift(
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
    );
  if (!types.includes('</Types>')) throw new Unsupported('content types');
  types = types.replace('</Types>', `${contentTypes.join('')}</Types>`);

  const relsXml = bookRelsXml.replace(
    /(<Relationships\b[^>]*>)[\s\S]*<\/Relationships>/,
    (_m, open: string) => `${open}${bookRels.map((r) => r.xml).join('')}</Relationships>`,
  );

  const changed = new Map<string, string>([
    [bookPart, book],
    [bookRelsPart, relsXml],
    [stylesPart, merged.xml],
    ['[Content_Types].xml', types],
    ...reselected,
  ]);
  const out: ZipPart[] = [];
  for (const part of parts) {
    const name = part.name.replace(/^\/+/, '');
    if (removedParts.has(name)) continue;
    const edited = changed.get(name);
    out.push(edited === undefined ? part : deflatedPart(part.name, edited, part.time, part.date));
  }
  out.push(...newParts);
  return writeZip(out);
}

/** The start of a sheet's XML, up to its cells (where its views are), without inflating the rest. */
function sheetHead(part: ZipPart): string {
  if (part.method === 0) return part.data.subarray(0, 65_536).toString('utf8');
  // A sheet's views come before its cells: inflate a growing prefix until they are passed.
  for (let size = 16_384; ; size *= 4) {
    const chunk = part.data.subarray(0, size);
    let head: string;
    try {
      head = inflateRawSync(chunk, { finishFlush: 2 /* Z_SYNC_FLUSH */ }).toString('utf8');
    } catch {
      head = partText(part);
    }
    if (head.includes('<sheetData') || head.includes('</sheetViews>') || chunk.length === part.data.length) return head;
  }
}
