/**
 * The application checklist: automatic items read from the Evaluation, manual ones from the profile.
 * An item the log cannot settle (its column is missing, no entry counts yet) is "not checked", with
 * why: a check that was not made is not passed.
 */
import { COLUMN_BY_KEY, type ColumnKey } from './columns';
import { isoFromDay, type DayNumber } from './dates';
import { formatCredits } from './rounding';
import { fillTemplate } from './template';
import type { ChecklistResult, EntryResult, Evaluation, ProofIssue } from './evaluation';
import type { ChecklistItem, EligibilityRule } from './schema';
import { factDate, type ProfileFacts } from './facts';
import type { LogEntry, RowProblem } from './log';

/** What the checklist reads of an entry: its verdicts, not their reasons. */
export type ChecklistEntry = Pick<EntryResult, 'state' | 'counted' | 'flags' | 'ineligibleRule' | 'proof'> & {
  entry: Pick<LogEntry, 'row' | 'format'>;
};

/**
 * What the checklist reads of an evaluation: the whole explanation has it, and so has the lighter
 * one that only counts open items (evaluate.ts, for RECERT_STATUS).
 */
export type ChecklistInput = Pick<
  Evaluation,
  'program' | 'asOf' | 'cycle' | 'required' | 'earned' | 'minimums' | 'rowsRead' | 'columns'
> & {
  entries: readonly ChecklistEntry[];
  problems: readonly Pick<RowProblem, 'row'>[];
  proofIssues: readonly Pick<ProofIssue, 'row'>[];
};

type Draft = ChecklistInput;

/** The column an eligibility rule reads, for saying that it is missing. */
function ruleColumn(rule: EligibilityRule | undefined): ColumnKey | undefined {
  if (!rule) return undefined;
  return rule.type === 'subjectInList' ? 'subject' : rule.type === 'minimumGrade' ? 'grade' : undefined;
}

/** Why an item about counted entries cannot be checked, when it cannot. */
function uncheckable(ev: Draft, column?: ColumnKey): string | undefined {
  if (column !== undefined && !ev.columns.includes(column))
    return `not checked: the log has no ${COLUMN_BY_KEY[column].header} column`;
  if (!ev.entries.some((e) => e.state === 'counted')) return 'not checked: no entry counts yet';
  return undefined;
}

/** Items that cannot be settled by acting on the log or the profile (a date yet to come) never block. */
const WAITING: readonly ChecklistItem['check'][] = ['applicationOpen'];

function rowsWhere(ev: Draft, test: (e: Draft['entries'][number]) => boolean): number[] {
  return ev.entries.filter(test).map((e) => e.entry.row);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function evaluateChecklist(ev: Draft, profile: ProfileFacts, values: Record<string, string>): ChecklistResult[] {
  const p = ev.program;
  const unit = p.creditUnit;
  return p.checklist.map((item: ChecklistItem): ChecklistResult => {
    const label = fillTemplate(item.label, values, p.fees);
    const auto = (done: boolean, detail: string, rows: number[] = []): ChecklistResult => ({
      id: item.id,
      label,
      kind: 'auto',
      done,
      state: done ? 'done' : 'open',
      blocking: !done && !WAITING.includes(item.check),
      detail,
      rows,
    });
    const notChecked = (why: string): ChecklistResult => ({
      id: item.id,
      label,
      kind: 'auto',
      done: false,
      state: 'not checked',
      blocking: true,
      detail: why,
      rows: [],
    });
    switch (item.check) {
      case 'totalCredits':
        return auto(ev.earned >= ev.required, `${formatCredits(ev.earned)} of ${formatCredits(ev.required)} ${unit}`);
      case 'minimum': {
        const m = ev.minimums.find((x) => x.id === item.minimum)!;
        return auto(
          m.shortfall === 0,
          `${formatCredits(m.counted)} of ${formatCredits(m.required)} ${m.label} ${unit}`,
        );
      }
      case 'minEntries': {
        const n = ev.entries.filter((e) => e.state === 'counted' && e.counted > 0).length;
        const min = p.minEntries ?? 0;
        return auto(n >= min, `${plural(n, 'entry', 'entries')} counted, at least ${min} needed`);
      }
      case 'noRowProblems': {
        const rows = [...new Set(ev.problems.map((x) => x.row))];
        if (ev.rowsRead === 0) return notChecked('not checked: the log has no rows yet');
        return auto(rows.length === 0, rows.length ? `${plural(rows.length, 'row')} to fix` : 'no row problems', rows);
      }
      case 'atRiskClear': {
        const rows = rowsWhere(ev, (e) => e.state === 'counted' && e.flags.some((f) => f.rule === item.rule));
        const why = rows.length ? undefined : uncheckable(ev);
        if (why) return notChecked(why);
        return auto(
          rows.length === 0,
          rows.length ? `${plural(rows.length, 'entry', 'entries')} to resolve` : 'all clear',
          rows,
        );
      }
      case 'eligible': {
        const rows = rowsWhere(
          ev,
          // An entry has an ineligibleRule only with the reason that names it.
          (e) => e.state === 'ineligible' && e.ineligibleRule === item.rule,
        );
        const rule = (p.eligibility as EligibilityRule[]).find((r) => r.id === item.rule);
        const judged = ev.entries.some(
          (e) => e.state === 'counted' && (rule?.type !== 'minimumGrade' || rule.formats.includes(e.entry.format.id)),
        );
        // A grade rule about formats the log does not hold has nothing to check, and nothing to fail.
        const why =
          rows.length || (rule?.type === 'minimumGrade' && !judged) ? undefined : uncheckable(ev, ruleColumn(rule));
        if (why) return notChecked(why);
        return auto(
          rows.length === 0,
          rows.length ? `${plural(rows.length, 'entry', 'entries')} not counted` : 'all eligible',
          rows,
        );
      }
      case 'proof': {
        const rows = ev.proofIssues.map((x) => x.row);
        const why = rows.length ? undefined : uncheckable(ev);
        if (why) return notChecked(why);
        return auto(
          rows.length === 0,
          rows.length
            ? `${plural(rows.length, 'entry', 'entries')} missing or with insufficient proof`
            : 'proof held for every entry',
          rows,
        );
      }
      case 'allInWindow': {
        // Credits carried over from the previous cycle are outside the window and count by the program's rule.
        const rows = rowsWhere(ev, (e) => e.state === 'outside-window' && e.counted === 0);
        if (ev.entries.length === 0) return notChecked('not checked: the log has no entries yet');
        return auto(
          rows.length === 0,
          rows.length
            ? `${plural(rows.length, 'entry', 'entries')} outside ${values.cycleStart} – ${values.windowEnd}`
            : 'all inside the window',
          rows,
        );
      }
      case 'applicationOpen': {
        const opens = ev.cycle.applicationOpens;
        const open = opens === undefined || ev.asOf >= opens;
        return auto(
          open,
          opens === undefined
            ? 'open once the requirements are met'
            : open
              ? `open since ${isoFromDay(opens)}`
              : `opens ${isoFromDay(opens)}`,
        );
      }
      case 'submitBy': {
        const last: DayNumber | undefined =
          item.through === 'deadline'
            ? ev.cycle.deadline
            : ev.cycle.phases.find((ph) => ph.status === item.through)?.through;
        const by = last ?? ev.cycle.deadline;
        const inTime = ev.asOf <= by;
        return auto(
          inTime,
          inTime ? `${plural(by - ev.asOf, 'day')} left, until ${isoFromDay(by)}` : `closed on ${isoFromDay(by)}`,
        );
      }
      case 'profileDate': {
        const valid = factDate(profile, item.fact);
        const needed = item.onOrAfter === 'deadline' ? ev.cycle.deadline : ev.asOf;
        const name = p.facts.find((f) => f.id === item.fact)?.label ?? item.fact;
        if (valid === undefined) return notChecked(`not checked: enter ${name} in the profile`);
        return auto(
          valid >= needed,
          `valid until ${isoFromDay(valid)}${valid >= needed ? '' : `; must be valid on ${isoFromDay(needed)}`}`,
        );
      }
      case 'attestation': {
        const done = profile.attestations[item.id] === true;
        return {
          id: item.id,
          label,
          kind: 'manual',
          done,
          state: done ? 'done' : 'open',
          blocking: false,
          detail: done ? 'ticked' : 'to tick when done',
          rows: [],
        };
      }
    }
  });
}
