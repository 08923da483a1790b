/**
 * The program's own categories (rules.md section 1, the Category column): each entry has a set of
 * them, kept as bits of one number so the pass and the rules' filters test them with one `&`. A cell
 * may name several, separated by `;` `,` `/` or a line break; a blank cell takes the format's categories.
 * A name the program does not have is passed over (one log may serve several credentials, each with
 * its own categories) and flagged by the explanation, so a typo is seen. A name may carry the hours of
 * the entry spent on it ("Ethics 2", "Ethics: 2 h", "Ethics (2 hours)"): then only that part of the
 * entry counts toward a minimum over that category.
 */
import { normalizeName } from './columns';
import { quote } from './excerpt';
import type { EntryFilter, Program } from './schema';

const SEPARATORS = /[;,/\n\r]+/;
/** "Ethics 2", "Ethics: 2 h", "Ethics (2 hours)": a name and an amount of hours. */
const WITH_HOURS = /^(.*?)(?:\s*[:=(]\s*|\s+)(\d+(?:\.\d+)?|\.\d+)\s*(?:h|hr|hrs|hour|hours)?\s*\)?$/i;

/** A cell read: the categories' bits, and the hours given per category index (NaN: none given). */
interface CellCategories {
  mask: number;
  hours: Float64Array | undefined;
}

export class CategoryLookup {
  private readonly bitOf = new Map<string, number>();
  private readonly byFormat: Int32Array;
  private readonly texts = new Map<string, CellCategories>();
  private readonly names = new Map<number, readonly string[]>();
  readonly ids: readonly string[];
  private readonly help: string;

  constructor(readonly program: Program) {
    this.ids = program.categories.map((c) => c.id);
    program.categories.forEach((c, i) => {
      for (const name of [c.id, c.label, ...c.aliases]) this.bitOf.set(normalizeName(name), 1 << i);
    });
    this.byFormat = Int32Array.from(program.formats, (f) => this.maskOfIds(f.categories));
    this.help = program.categories.map((c) => c.label).join(', ');
  }

  /** The bits of a list of category ids (a filter's or a format's); 0 for none. */
  maskOfIds(ids: readonly string[] | undefined): number {
    let mask = 0;
    for (const id of ids ?? []) mask |= 1 << this.ids.indexOf(id);
    return mask;
  }

  /** An entry's categories from its cell, or its format's (format index `fi`) when the cell is blank. */
  read(value: unknown, fi: number): number {
    const text = typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
    if (text.trim() === '') return this.byFormat[fi]!;
    return this.cell(text).mask;
  }

  /** Hours per category index that a cell gives (NaN where none); undefined when it gives none. */
  hoursIn(value: unknown): Float64Array | undefined {
    return typeof value === 'string' && value.trim() !== '' ? this.cell(value).hours : undefined;
  }

  private cell(text: string): CellCategories {
    let known = this.texts.get(text);
    if (known === undefined) {
      known = this.parse(text);
      if (this.texts.size >= 1024) this.texts.clear();
      this.texts.set(text, known);
    }
    return known;
  }

  /** The bit of one part of a cell, and its hours when it gives some; bit 0 when unknown. */
  private part(text: string): { bit: number; hours: number } {
    const bit = this.bitOf.get(normalizeName(text));
    if (bit !== undefined) return { bit, hours: NaN };
    const m = WITH_HOURS.exec(text.trim());
    const named = m ? this.bitOf.get(normalizeName(m[1]!)) : undefined;
    return named === undefined ? { bit: 0, hours: NaN } : { bit: named, hours: Number(m![2]) };
  }

  private parse(text: string): CellCategories {
    let mask = 0;
    let hours: Float64Array | undefined;
    for (const piece of text.split(SEPARATORS)) {
      const { bit, hours: h } = this.part(piece);
      mask |= bit;
      if (!Number.isNaN(h)) {
        hours ??= new Float64Array(this.ids.length).fill(NaN);
        const index = 31 - Math.clz32(bit);
        hours[index] = (Number.isNaN(hours[index]!) ? 0 : hours[index]!) + h;
      }
    }
    return { mask, hours };
  }

  /** A warning for the names in a cell that are not the program's categories; undefined when all are. */
  unknownIn(value: unknown): string | undefined {
    const text = typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
    const unknown = text
      .split(SEPARATORS)
      .map((p) => p.trim())
      .filter((p) => p !== '' && this.part(p).bit === 0);
    if (unknown.length === 0) return undefined;
    return `Category ${unknown.map((u) => quote(u)).join(', ')} is not one of the ${this.program.id} categories (${this.help}): it is passed over`;
  }

  /** The category ids of a mask, in the program's order (the same array for the same mask). */
  idsOf(mask: number): readonly string[] {
    let list = this.names.get(mask);
    if (!list) {
      list = Object.freeze(this.ids.filter((_, i) => (mask & (1 << i)) !== 0));
      this.names.set(mask, list);
    }
    return list;
  }

  /** The labels of a mask, for messages. */
  labelsOf(mask: number): string[] {
    return this.program.categories.filter((_, i) => (mask & (1 << i)) !== 0).map((c) => c.label);
  }
}

const lookups = new WeakMap<Program, CategoryLookup>();

/** The program's category lookup; undefined when it declares no categories. */
export function categoryLookup(program: Program): CategoryLookup | undefined {
  if (program.categories.length === 0) return undefined;
  let lookup = lookups.get(program);
  if (!lookup) lookups.set(program, (lookup = new CategoryLookup(program)));
  return lookup;
}

/** A filter's categories as bits (0: any category). */
export function filterCategoryMask(program: Program, filter: EntryFilter | undefined): number {
  if (!filter?.categories) return 0;
  return categoryLookup(program)?.maskOfIds(filter.categories) ?? 0;
}
