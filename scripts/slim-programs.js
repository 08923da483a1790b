/*
 * The built-in programs as functions.js ships them: without the texts that no cell function ever
 * returns. The cell functions return numbers, status lines and error messages; the pane, the summary
 * sheet and the command line show the rest (sources, notes, help, checklist labels, reasons and
 * flags), and their bundles keep the full data. RECERT_STATUS counts the checklist items still open
 * (evaluateActionLine): it reads the entries' verdicts, never their reasons.
 *
 * Optional texts are left out; required ones become empty, so the data keeps the Program shape and
 * code that reads them (to build a reason nobody reads) still runs the same way. Fields only the
 * explanation reads (fees' statuses, proof retention), checklist items that never block, and at-risk
 * rules no checklist item reads are left out too: nothing in functions.js reads them. Texts that reach an
 * output stay: format, category, minimum and fact labels, phase summaries, fee labels the status line
 * may name, header words, aliases, subjects and phrases. test/functions/slim-programs.test.ts checks
 * that every cell function answers the same with these programs as with the full ones.
 */
'use strict';

/** Optional fields no cell function reads, by path (`*`: every element of a list, never last). */
const LEFT_OUT = [
  'formats.*.hoursHelp',
  'caps.*.note',
  'proof.retention',
  'cycle.extension.note',
  'facts.*.help',
  'carryOver.note',
  'carryOverFromLog.note',
  'proRating.note',
  'requiredPerFact.note',
  'suggestedPace.note',
  'uniqueBy.note',
  'versions.*.note',
  // Read only by the pane, the summary and the command line (the explanation's fees, credentials).
  'fees.*.statuses',
  'proof.keepUntil',
  'sharedCredentials',
  'suggestedPace',
];

/**
 * Required fields whose text reaches no cell function's output: only the pane, the summary and the
 * command line show them (the explanation's reasons, flags, cap usage, hints, key dates, checklist
 * labels; the program's name and body in lists, calendars and credential notes).
 */
const EMPTIED = [
  'sources',
  'name',
  'body',
  'approvedMeaning',
  'caps.*.label',
  'multipliers.*.label',
  'eligibility.*.message',
  'eligibility.*.missingMessage',
  'eligibility.*.petition',
  'atRisk.*.message',
  'checklist.*.label',
  'cycle.extension.label',
];

/** `value` at `path` changed by `change(parent, key)`; a copy wherever something changed. */
function edit(value, path, change) {
  if (value === null || typeof value !== 'object') return value;
  const [head, ...rest] = path;
  if (head === '*') {
    return Array.isArray(value) ? value.map((item) => edit(item, rest, change)) : value;
  }
  if (!Object.prototype.hasOwnProperty.call(value, head)) return value;
  if (rest.length) return { ...value, [head]: edit(value[head], rest, change) };
  const out = { ...value };
  change(out, head);
  return out;
}

const leaveOut = (parent, key) => {
  delete parent[key];
};
const empty = (parent, key) => {
  const v = parent[key];
  if (typeof v === 'string') parent[key] = '';
  else if (Array.isArray(v)) parent[key] = [];
};

/**
 * Checklist items that never keep an application from being ready (a box to tick, a date yet to come):
 * the cell functions only count the open items.
 */
const NEVER_BLOCKING = new Set(['attestation', 'applicationOpen']);

/** The rule fields of a program or of a version's changes, slimmed; `flagged`: at-risk rule ids a checklist item reads. */
function slimRules(rules, flagged) {
  let out = rules;
  for (const p of LEFT_OUT) out = edit(out, p.split('.'), leaveOut);
  for (const p of EMPTIED) out = edit(out, p.split('.'), empty);
  // A fee's label is shown only for a fee without an amount ("see the certifying body": describeFee).
  if (Array.isArray(out.fees))
    out = { ...out, fees: out.fees.map((f) => (f.amount === null ? f : { ...f, label: '' })) };
  if (Array.isArray(out.checklist))
    out = { ...out, checklist: out.checklist.filter((c) => !NEVER_BLOCKING.has(c.check)) };
  // An at-risk flag reaches a cell only through the checklist item that names its rule.
  if (Array.isArray(out.atRisk)) out = { ...out, atRisk: out.atRisk.filter((r) => flagged.has(r.id)) };
  return out;
}

/** Ids of the at-risk rules that some checklist item of the program (or of a version) reads. */
function flaggedRules(program) {
  const lists = [program.checklist, ...(program.versions ?? []).map((v) => v.changes.checklist)];
  const ids = new Set();
  for (const list of lists) for (const item of list ?? []) if (item.check === 'atRiskClear') ids.add(item.rule);
  return ids;
}

/** A program without the texts no cell function returns (its dated versions too). */
function slimProgram(program) {
  const flagged = flaggedRules(program);
  const out = slimRules(program, flagged);
  if (!Array.isArray(out.versions)) return out;
  return { ...out, versions: out.versions.map((v) => ({ ...v, changes: slimRules(v.changes, flagged) })) };
}

function slimPrograms(programs) {
  return programs.map(slimProgram);
}

module.exports = { slimProgram, slimPrograms, LEFT_OUT, EMPTIED };
