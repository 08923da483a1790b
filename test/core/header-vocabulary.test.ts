import { columnForHeader, matchHeaders, suggestColumnForHeader, type ColumnKey } from '../../src/core/columns';

const examples: [string, ColumnKey][] = [
  ['Date Completed', 'date'],
  ['Completion Date', 'date'],
  ['Date of Activity', 'date'],
  ['When', 'date'],
  ['log_date', 'date'],
  ['dateCompleted', 'date'],
  ['Activity Date', 'date'],
  ['Date Attended', 'date'],
  ['Course Title', 'activity'],
  ['Program Name', 'activity'],
  ['Event', 'activity'],
  ['Session', 'activity'],
  ['Title', 'activity'],
  ['Name of course', 'activity'],
  ['course_name', 'activity'],
  ['Sponsor', 'provider'],
  ['Host', 'provider'],
  ['Organization', 'provider'],
  ['Presented by', 'provider'],
  ['Provider name', 'provider'],
  ['Sponsoring Organization', 'provider'],
  ['Type of Activity', 'format'],
  ['Activity type', 'format'],
  ['Type', 'format'],
  ['Delivery', 'format'],
  ['delivery_method', 'format'],
  ['CE Hours', 'hours'],
  ['Contact Hours', 'hours'],
  ['Hours Earned', 'hours'],
  ['Hrs', 'hours'],
  ['Duration', 'hours'],
  ['ceHours', 'hours'],
  ['Duration (hrs)', 'hours'],
  ['Contact hrs', 'hours'],
  ['Self-study hrs', 'selfStudyHours'],
  ['self_study_hours', 'selfStudyHours'],
  ['NAMSS Approved (Y/N)', 'approved'],
  ['Pre-approved?', 'approved'],
  ['Approved provider', 'approved'],
  ['Approved?', 'approved'],
  ['Approved Provider (Y/N)', 'approved'],
  ['Certificate on file', 'proof'],
  ['Certificate?', 'proof'],
  ['Documentation', 'proof'],
  ['Cert', 'proof'],
  ['Certificate Received', 'proof'],
  ['Certificate link', 'proofLink'],
  ['Link to certificate', 'proofLink'],
  ['CECs', 'credits'],
  ['CEUs', 'credits'],
  ['PDUs', 'credits'],
  ['CPEs', 'credits'],
  ['Credits', 'credits'],
  ['CE credits', 'credits'],
  ['CEUs Earned', 'credits'],
  ['PDUs claimed', 'credits'],
  ['Status', 'status'],
  ['Completion status', 'status'],
  ['Topic', 'subject'],
  ['Subject Area', 'subject'],
  ['Comments', 'notes'],
  ['City, State', 'location'],
];

describe('header vocabulary', () => {
  it.each(examples)('%s reads as %s', (header, key) => {
    expect(columnForHeader(header)).toBe(key);
  });

  it('does not take a lone leaning word or an unrelated header for a column', () => {
    for (const h of ['Earned', 'Other', 'Month', 'Running total', 'Column1', 'CE Ledger credits'])
      expect(columnForHeader(h)).toBeUndefined();
  });

  it('never gives one header two columns, nor one column two headers; the stronger name wins', () => {
    const m = matchHeaders([
      'Activity type',
      'Format',
      'Course',
      'CE hours',
      'CEUs',
      'Date of activity',
      'Completion date',
    ]);
    expect(m.map.format).toBe(1);
    expect(m.map.activity).toBe(2);
    expect(m.map.hours).toBe(3);
    expect(m.map.credits).toBe(4);
    expect(m.map.date).toBe(6); // an alias beats words
    const indexes = Object.values(m.map);
    expect(new Set(indexes).size).toBe(indexes.length);
    expect(m.duplicates.map((d) => d.header).sort()).toEqual(['Activity type', 'Date of activity']);
  });

  it("takes a program's own words", () => {
    expect(matchHeaders(['Date', 'Hours', 'Board sanctioned'], { approved: ['Board sanctioned'] }).map.approved).toBe(
      2,
    );
    expect(matchHeaders(['Date', 'Hours', 'Board sanctioned']).map.approved).toBeUndefined();
  });

  it('suggests close matches for typos, never maps them silently', () => {
    for (const [typo, key] of [
      ['Certifcate on file', 'proof'],
      ['Dat', 'date'],
      ['Sponser', 'provider'],
      ['Duraton', 'hours'],
    ] as const) {
      expect(columnForHeader(typo)).not.toBe(key);
      expect(suggestColumnForHeader(typo)).toBe(key);
    }
  });
});
