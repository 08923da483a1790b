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

const NUMBER = '(\\d+(?:\\.\\d*)?|\\.\\d+)';
const WITH_UNIT = new RegExp(`^${NUMBER}\\s*([a-z][a-z .]*?)\\.?$`, 'i');
const HOURS_AND_MINUTES = new RegExp(
  `^${NUMBER}\\s*(?:h|hr|hrs|hours?)\\s*,?\\s*(\\d+)\\s*(?:m|min|mins|minutes?)$`,
  'i',
);
const CLOCK = /^(\d{1,3}):([0-5]\d)$/;

/** The amount in a text with a unit, in the column's unit; undefined when the text is not such an amount. */
export function amountFromText(text: string): number | undefined {
  const t = text.trim();
  let m = HOURS_AND_MINUTES.exec(t);
  if (m) return Number(m[1]) + Number(m[2]) / 60;
  m = CLOCK.exec(t);
  if (m) return Number(m[1]) + Number(m[2]) / 60;
  m = WITH_UNIT.exec(t);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2]!.toLowerCase().replace(/\s+/g, ' ').trim();
  if (HOURS.has(unit) || CREDIT_UNITS.has(unit)) return n;
  if (MINUTES.has(unit)) return n / 60;
  return undefined;
}

/** What the amount readers accept, for messages. */
export const AMOUNT_FORMS = 'a number such as 1.5, or with a unit: "1.5 hrs", "90 min", "2 CEUs"';
