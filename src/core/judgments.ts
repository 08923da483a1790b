/**
 * What the program's rules say about one entry on its own: whether it is eligible at all, what puts it
 * at risk at audit, and whether its proof is enough. Caps across entries are in caps.ts.
 */
import { normalizeName } from './columns';
import { quote } from './excerpt';
import { containsAnyPhrase, matchesFilter, type FilterSubject } from './filters';
import type { LogEntry } from './log';
import { memoByObject, memoByText } from './memo';
import type { AtRiskRule, EligibilityRule, Program } from './schema';

export interface Flag {
  /** Id of the program rule that raised it ("proof" for proof problems). */
  rule: string;
  /** `at-risk`: counted but may be refused at review; `warning`: worth a look. */
  severity: 'at-risk' | 'warning';
  message: string;
}

export type ProofState = 'ok' | 'missing' | 'insufficient' | 'not-needed';

export function subjectOf(entry: LogEntry): FilterSubject {
  return {
    formatId: entry.format.id,
    approved: entry.approved,
    provider: entry.provider,
    categories: entry.categories,
  };
}

const GRADE_RANK: Record<string, number> = { A: 0, B: 1, C: 2, D: 3, F: 4 };
const MODIFIER_RANK: Record<string, number> = { '+': 0, '': 1, '-': 2 };

/** "C or better": C+ and C pass, C- does not; P (pass) passes. */
export function gradePasses(grade: string, lowest: string): boolean {
  if (grade === 'P') return true;
  const rank = GRADE_RANK[grade[0]!]! * 3 + MODIFIER_RANK[grade.slice(1)]!;
  return rank <= GRADE_RANK[lowest]! * 3 + MODIFIER_RANK['']!;
}

interface SubjectList {
  names: Set<string>;
  /** The answer per subject exactly as typed: subjects repeat down a log. */
  typed: Map<string, boolean>;
}
const subjectLists = new WeakMap<Program, SubjectList>();
let lastProgram: Program | undefined;
let lastList: SubjectList | undefined;

/** What separates several subject areas in one cell (rules revision 8). */
const SUBJECT_SEPARATORS = /[;,/\n\r]+/;

/**
 * Whether a (non-blank) subject is in the program's list of subjects, in any case or punctuation. A
 * cell may name several areas (rules revision 8): it is listed when at least one of them is.
 */
export function subjectListed(program: Program, subject: string): boolean {
  let list = program === lastProgram ? lastList : subjectLists.get(program);
  if (!list)
    subjectLists.set(
      program,
      (list = { names: new Set((program.subjects ?? []).map(normalizeName)), typed: new Map() }),
    );
  lastProgram = program;
  lastList = list;
  let listed = list.typed.get(subject);
  if (listed === undefined) {
    const names = list.names;
    listed =
      names.has(normalizeName(subject)) || subject.split(SUBJECT_SEPARATORS).some((s) => names.has(normalizeName(s)));
    if (list.typed.size >= 1024) list.typed.clear();
    list.typed.set(subject, listed);
  }
  return listed;
}

/**
 * A subject rule's refusal of a subject as typed, made once per text: subjects repeat down a log, and
 * the message quotes them (the returned objects are shared: nobody changes them).
 */
const subjectRefusal = memoByObject((rule: EligibilityRule & { type: 'subjectInList' }) =>
  memoByText((subject: string) => ({ rule: rule.id, message: `${rule.message} (${quote(subject)})` })),
);

/** What eligibility looks at. */
export type EligibilityFacts = Pick<LogEntry, 'subject' | 'format' | 'grade' | 'date'>;

/**
 * The first eligibility rule the entry fails, with its message; flags for missing facts. A format's
 * own dates (effectiveFrom / effectiveTo) are the pass's to judge, with the other rule types.
 */
export function eligibility(
  program: Program,
  entry: EligibilityFacts,
  flags: Flag[],
): { rule: string; message: string } | undefined {
  for (const rule of program.eligibility as EligibilityRule[]) {
    if (rule.type === 'subjectInList') {
      if (entry.subject === '') {
        if (!rule.allowBlank) return { rule: rule.id, message: 'Subject area is missing' };
      } else if (!subjectListed(program, entry.subject)) {
        return subjectRefusal(rule)(entry.subject);
      }
    } else if (rule.type === 'minimumGrade' && rule.formats.includes(entry.format.id)) {
      if (entry.grade === undefined) flags.push({ rule: rule.id, severity: 'at-risk', message: rule.missingMessage });
      else if (!gradePasses(entry.grade, rule.grade))
        return { rule: rule.id, message: `${rule.message} (grade ${entry.grade})` };
    }
  }
  return undefined;
}

export function atRiskFlags(program: Program, entry: LogEntry, flags: Flag[]): void {
  for (const rule of program.atRisk as AtRiskRule[]) {
    if (rule.type === 'approvalRequired') {
      if (!entry.approved && matchesFilter(subjectOf(entry), rule.appliesTo)) {
        flags.push({ rule: rule.id, severity: 'at-risk', message: rule.message });
      }
    } else if (rule.type === 'titleMatches') {
      if (containsAnyPhrase(entry.activity, rule.phrases)) {
        flags.push({
          rule: rule.id,
          severity: rule.severity === 'risk' ? 'at-risk' : 'warning',
          message: rule.message,
        });
      }
    } else if (rule.type === 'hoursAtLeast') {
      if (entry.hours >= rule.hours && rule.formats.includes(entry.format.id))
        flags.push({
          rule: rule.id,
          severity: rule.severity === 'risk' ? 'at-risk' : 'warning',
          message: rule.message,
        });
    } else if (rule.type === 'fieldRequired') {
      if (entry[rule.field] === '') flags.push({ rule: rule.id, severity: 'at-risk', message: rule.message });
    }
  }
}

export function proofState(program: Program, entry: LogEntry): { state: ProofState; message: string | undefined } {
  const rule = program.proof;
  if (!matchesFilter(subjectOf(entry), rule.requiredFor)) return { state: 'not-needed', message: undefined };
  const held = entry.proof;
  const accepted = rule.acceptable.join(', ');
  if (held.length === 0) {
    return { state: 'missing', message: `No proof recorded: keep one of ${accepted}` };
  }
  let hasAcceptable = false;
  let weakAssessment: string | undefined;
  for (const kind of held) {
    if (!rule.acceptable.includes(kind)) continue;
    if (kind === 'Assessment') {
      if (entry.score === undefined)
        weakAssessment = `Assessment without a score: record it (${rule.minAssessmentScore} or more counts as proof)`;
      else if (entry.score < rule.minAssessmentScore)
        weakAssessment = `Assessment score ${entry.score} is below ${rule.minAssessmentScore}: insufficient proof`;
      else hasAcceptable = true;
    } else hasAcceptable = true;
  }
  if (!hasAcceptable) {
    return {
      state: 'insufficient',
      message: weakAssessment ?? `${held.join(', ')} is not accepted as proof here: keep one of ${accepted}`,
    };
  }
  const lacking = entry.format.proofAlso.filter((k) => !held.includes(k));
  if (lacking.length) {
    return { state: 'missing', message: `${entry.format.label} also needs proof of ${lacking.join(' and ')}` };
  }
  return { state: 'ok', message: undefined };
}
