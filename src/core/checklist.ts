/** The application checklist: automatic items read from the Evaluation, manual ones from the profile. */
import { isoFromDay, type DayNumber } from './dates';
import { formatCredits } from './rounding';
import { fillTemplate } from './template';
import type { ChecklistResult, Evaluation } from './evaluation';
import type { ChecklistItem } from './schema';
import type { ProfileFacts } from './profile';

type Draft = Omit<Evaluation, 'checklist' | 'hints'>;

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
      detail,
      rows,
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
        return auto(rows.length === 0, rows.length ? `${plural(rows.length, 'row')} to fix` : 'no row problems', rows);
      }
      case 'atRiskClear': {
        const rows = rowsWhere(ev, (e) => e.state === 'counted' && e.flags.some((f) => f.rule === item.rule));
        return auto(
          rows.length === 0,
          rows.length ? `${plural(rows.length, 'entry', 'entries')} to resolve` : 'all clear',
          rows,
        );
      }
      case 'eligible': {
        const rows = rowsWhere(
          ev,
          (e) => e.state === 'ineligible' && e.reasons.length > 0 && e.ineligibleRule === item.rule,
        );
        return auto(
          rows.length === 0,
          rows.length ? `${plural(rows.length, 'entry', 'entries')} not counted` : 'all eligible',
          rows,
        );
      }
      case 'proof': {
        const rows = ev.proofIssues.map((x) => x.row);
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
        const valid = profile.cprValidUntil;
        const needed = item.onOrAfter === 'deadline' ? ev.cycle.deadline : ev.asOf;
        if (valid === undefined) return auto(false, 'enter the valid-until date in the profile');
        return auto(
          valid >= needed,
          `valid until ${isoFromDay(valid)}${valid >= needed ? '' : `; must be valid on ${isoFromDay(needed)}`}`,
        );
      }
      case 'attestation': {
        const done = profile.attestations[item.id] === true;
        return { id: item.id, label, kind: 'manual', done, detail: done ? 'ticked' : 'to tick when done', rows: [] };
      }
    }
  });
}
