/**
 * Amounts typed with their unit, as trackers type them: "1.5 hrs", "90 min", "1h 30m", "1:30",
 * "2 CEUs", "3 credits". Minutes become hours; a credit unit is only dropped (the column says what the
 * number is: Hours stays hours for the format to convert, Credits stays credits as awarded).
 */
const HOURS = new Set([
  'h',
  'hr',
  'hrs',
  'hour',
  'hours',
  'contact hour',
  'contact hours',
  'clock hour',
  'clock hours',
]);
const MINUTES = new Set(['m', 'min', 'mins', 'minute', 'minutes']);
const CREDIT_UNITS = new Set([
  'ceu',
  'ceus',
  'cec',
  'cecs',
  'credit',
  'credits',
  'ce',
  'ce credit',
  'ce credits',
  'pdu',
  'pdus',
  'cpe',
  'cpes',
  'cme',
  'cmes',
  'unit',
  'units',
  'point',
  'points',
  'pts',
]);

const NUMBER = '(\\d[\\d.,]*|[.,]\\d+)';
const WITH_UNIT = new RegExp(`^${NUMBER}\\s*([a-z][a-z .]*?)\\.?$`, 'i');
const HOURS_AND_MINUTES = new RegExp(
  `^${NUMBER}\\s*(?:h|hr|hrs|hours?)\\s*,?\\s*(\\d+)\\s*(?:m|min|mins|minutes?)$`,
  'i',
);
const CLOCK = /^(\d{1,3}):([0-5]\d)$/;

/** A number written with a comma that could group thousands or mark decimals ("1,250"): it is not guessed. */
export const AMBIGUOUS_COMMA = Symbol('ambiguous comma');

/**
 * A number as people type it in any locale, decided by the text alone (no locale setting): "1.5" and
 * "1,5" are one and a half (a comma followed by one, two or four and more digits cannot group
 * thousands); "1,250.5" and "1.250,5" group thousands by the separator that comes first; "1,250" alone
 * could be either, and is `AMBIGUOUS_COMMA` so the row says so rather than count 1250 or 1.25.
 */
export function numberFromText(text: string): number | typeof AMBIGUOUS_COMMA | undefined {
  const t = text.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return Number(t);
  const m = /^([+-]?)(\d*),(\d+)$/.exec(t);
  if (m) {
    if (m[3]!.length === 3 && m[2] !== '' && m[2] !== '0') return AMBIGUOUS_COMMA;
    return Number(`${m[1]}${m[2] || '0'}.${m[3]}`);
  }
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return Number(t.replace(/,/g, ''));
  if (/^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t) && t.includes(','))
    return Number(t.replace(/\./g, '').replace(',', '.'));
  return undefined;
}

/** The amount in a text with a unit, in the column's unit; undefined when the text is not such an amount. */
export function amountFromText(text: string): number | typeof AMBIGUOUS_COMMA | undefined {
  const t = text.trim();
  let m = HOURS_AND_MINUTES.exec(t);
  if (m) {
    const h = numberFromText(m[1]!);
    return typeof h === 'number' ? h + Number(m[2]) / 60 : h;
  }
  m = CLOCK.exec(t);
  if (m) return Number(m[1]) + Number(m[2]) / 60;
  m = WITH_UNIT.exec(t);
  if (!m) return undefined;
  const n = numberFromText(m[1]!);
  if (typeof n !== 'number') return n;
  const unit = m[2]!.toLowerCase().replace(/\s+/g, ' ').trim();
  if (HOURS.has(unit) || CREDIT_UNITS.has(unit)) return n;
  if (MINUTES.has(unit)) return n / 60;
  return undefined;
}

/** What an amount with an ambiguous comma is told, for messages. */
export const AMBIGUOUS_COMMA_HELP =
  'could be thousands or a decimal comma: write it with a point (1.25) or without the comma (1250)';

/** What the amount readers accept, for messages. */
export const AMOUNT_FORMS = 'a number such as 1.5, or with a unit: "1.5 hrs", "90 min", "2 CEUs"';
