/**
 * Caps across entries. Entries fill an allowance in date order (then row order), so the explanation of
 * what was clipped is stable; the totals do not depend on the order at all.
 */
import { matchesFilter } from './filters';
import { subjectOf } from './judgments';
import { clean, formatCredits } from './rounding';
import type { CapUsage, EntryResult } from './evaluation';
import type { Cap, Program } from './schema';

export function capLimit(cap: Cap, required: number): number {
  return typeof cap.limit === 'number' ? cap.limit : clean(cap.limit.fractionOfRequired * required);
}

export function describeCap(cap: Cap, required: number, unit: string): string {
  return `${formatCredits(capLimit(cap, required))} ${unit} per ${cap.period === 'cycleYear' ? 'cycle year' : 'cycle'}`;
}

/**
 * Date order; on the same date, an order by content, so that which of two same-day entries is clipped
 * (and so whether the counted credits are at risk) never depends on where the rows sit.
 */
function fillOrder(a: EntryResult, b: EntryResult): number {
  if (a.entry.date !== b.entry.date) return a.entry.date - b.entry.date;
  const x = a.entry;
  const y = b.entry;
  return (
    compare(x.format.id, y.format.id) ||
    compare(b.claimed, a.claimed) ||
    compare(x.activity, y.activity) ||
    compare(x.provider, y.provider) ||
    compare(Number(x.approved), Number(y.approved)) ||
    compare(x.proof.join(';'), y.proof.join(';')) ||
    compare(x.score ?? -1, y.score ?? -1) ||
    compare(x.grade ?? '', y.grade ?? '') ||
    compare(x.subject, y.subject) ||
    compare(x.location, y.location) ||
    x.row - y.row
  );
}

function compare(p: string | number, q: string | number): number {
  return p === q ? 0 : p < q ? -1 : 1;
}

/**
 * Applies every cap to the entries that count so far, lowering `counted` and recording why. A
 * generator that yields after each group it clips (the sort in fill order is the long part on a big
 * log), so the pane can let other work run in between (`evaluateLogInSteps`); `finishEvaluation` runs
 * it through without stopping.
 */
export function* applyCapsSteps(program: Program, required: number, entries: EntryResult[]): Generator<void, CapUsage[], void> {
  const candidates = entries.filter((e) => e.state === 'counted' && e.counted > 0);
  const usages: CapUsage[] = [];
  for (const cap of program.caps) {
    const limit = capLimit(cap, required);
    const groups = new Map<string, { usage: CapUsage; members: EntryResult[] }>();
    for (const e of candidates) {
      const subject = subjectOf(e.entry);
      if (!matchesFilter(subject, cap.appliesTo)) continue;
      if (cap.exempt && matchesFilter(subject, cap.exempt)) continue;
      const formatId = cap.groupBy === 'format' ? e.entry.format.id : undefined;
      const cycleYear = cap.period === 'cycleYear' ? e.cycleYear : undefined;
      const key = `${formatId ?? '*'}|${cycleYear ?? '*'}`;
      let group = groups.get(key);
      if (!group) {
        group = {
          usage: {
            capId: cap.id,
            label: cap.label.replace('{format}', e.entry.format.label).replace('{year}', String(cycleYear ?? '')),
            limit,
            describe: describeCap(cap, required, program.creditUnit),
            formatId,
            cycleYear,
            claimed: 0,
            counted: 0,
            clipped: 0,
            full: false,
          },
          members: [],
        };
        groups.set(key, group);
      }
      group.members.push(e);
      group.usage.claimed = clean(group.usage.claimed + e.counted);
    }
    // Listed in the program's format order, then by cycle year, whatever the order of the rows.
    const formatOrder = (id: string | undefined) => (id === undefined ? -1 : program.formats.findIndex((f) => f.id === id));
    const ordered = [...groups.values()].sort(
      (a, b) => formatOrder(a.usage.formatId) - formatOrder(b.usage.formatId) || (a.usage.cycleYear ?? 0) - (b.usage.cycleYear ?? 0),
    );
    for (const { usage, members } of ordered) {
      if (usage.claimed <= limit) {
        // Under the limit nothing is clipped, so the fill order does not matter.
        usage.counted = usage.claimed;
      } else {
        members.sort(fillOrder);
        for (const e of members) {
          const room = Math.max(0, clean(limit - usage.counted));
          const take = Math.min(e.counted, room);
          usage.counted = clean(usage.counted + take);
          if (take < e.counted) {
            e.reasons.push(
              take === 0
                ? `${usage.label} is at its cap of ${usage.describe}: nothing more counts`
                : `${usage.label} cap of ${usage.describe} reached: ${formatCredits(take)} of ${formatCredits(e.counted)} counted`,
            );
            e.counted = clean(take);
          }
        }
        yield;
      }
      usage.clipped = clean(usage.claimed - usage.counted);
      usage.full = usage.counted >= usage.limit;
      usages.push(usage);
    }
  }
  return usages;
}
