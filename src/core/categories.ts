/**
 * The program's own categories (rules.md section 1, the Category column): each entry has a set of
 * them, kept as bits of one number so the pass and the rules' filters test them with one `&`. A cell
 * may name several, separated by `;` `,` `/` or a line break; a blank cell takes the format's categories.
 * A name the program does not have is passed over (one log may serve several credentials, each with
 * its own categories) and flagged by the explanation, so a typo is seen.
 */
import { normalizeName } from './columns';
import { quote } from './excerpt';
import type { EntryFilter, Program } from './schema';

const SEPARATORS = /[;,/\n\r]+/;

export class CategoryLookup {
  private readonly bitOf = new Map<string, number>();
  private readonly byFormat: Int32Array;
  private readonly texts = new Map<string, number>();
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
    let known = this.texts.get(text);
    if (known === undefined) {
      known = this.parse(text);
      if (this.texts.size >= 1024) this.texts.clear();
      this.texts.set(text, known);
    }
    return known;
  }

  private parse(text: string): number {
    let mask = 0;
    for (const part of text.split(SEPARATORS)) mask |= this.bitOf.get(normalizeName(part)) ?? 0;
    return mask;
  }

  /** A warning for the names in a cell that are not the program's categories; undefined when all are. */
  unknownIn(value: unknown): string | undefined {
    const text = typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
    const unknown = text
      .split(SEPARATORS)
      .map((p) => p.trim())
      .filter((p) => p !== '' && !this.bitOf.has(normalizeName(p)));
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
