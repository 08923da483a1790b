/**
 * The pane rendered to HTML (no DOM needed): the structure screen readers rely on, and figures that
 * come from the controller's Evaluation.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { dayFromIso } from '../../src/core';
import { App } from '../../src/taskpane/App';
import { brightness, themeFor } from '../../src/taskpane/theme';
import { countdown } from '../../src/taskpane/format';
import { MemoryWorkbook } from '../../src/workbook/memory';
import { PaneController } from '../../src/workbook/session';
import { SAMPLE_AS_OF } from '../../src/preview/sample';
import { sampleMemory } from '../fakes/sample-workbook';

const asOf = dayFromIso(SAMPLE_AS_OF)!;

function headings(html: string): string[] {
  return [...html.matchAll(/<h([12])[^>]*>(.*?)<\/h\1>/g)].map((m) => `h${m[1]} ${m[2]!.replace(/<[^>]+>/g, '')}`);
}

test('the dashboard has one h1, a heading per section, and the status in a live region', async () => {
  const controller = new PaneController(await sampleMemory(), { asOf });
  await controller.refresh();
  const html = renderToStaticMarkup(<App controller={controller} />);
  expect(headings(html)).toEqual([
    'h1 CE Ledger',
    'h2 Profile',
    'h2 Status',
    'h2 Progress',
    'h2 What next',
    'h2 Caps',
    'h2 Not counted (25)',
    'h2 Problems (3)',
    'h2 Missing and insufficient proof (3)',
    'h2 Entries to review (6)',
    'h2 Application checklist',
    'h2 Key dates and fees',
  ]);
  const ev = controller.getState().evaluation!;
  expect(html).toContain(`role="status" aria-live="polite" data-testid="status-line">${ev.status.actionLine}</p>`);
  expect(html).toMatch(/^<div dir="ltr" class="fui-FluentProvider/);
  expect(html).toContain('<main');
});

test('without a profile the form is shown with labelled fields and every program to choose from', async () => {
  const controller = new PaneController(new MemoryWorkbook({ Sheet1: [['x']] }), { asOf });
  await controller.refresh();
  const html = renderToStaticMarkup(<App controller={controller} as="div" />);
  expect(html).not.toContain('<main');
  for (const label of ['Program', 'Cycle start', 'Name', 'Certificant number'])
    expect(html).toMatch(new RegExp(`<label[^>]*>${label}`));
  expect(html).toContain('<option value="NISM-SMS">NISM-SMS — NISM Certified Social Media Strategist</option>');
  expect(html).toContain('<option value="ACSM-EP">');
  expect(html).toContain('Save profile');
});

test('the profile form shows the facts the chosen program declares (issue 12)', async () => {
  // An invalid cycle start keeps the form open with the program read from the sheet.
  const form = async (program: string) => {
    const wb = new MemoryWorkbook({
      'CE Profile': [
        ['Program', program],
        ['Cycle start', 'soon'],
      ],
    });
    const controller = new PaneController(wb, { asOf });
    await controller.refresh();
    return renderToStaticMarkup(<App controller={controller} as="div" />);
  };
  const acsm = await form('ACSM-CPT');
  expect(acsm).toMatch(/<label[^>]*>Expires/);
  expect(acsm).toMatch(/<label[^>]*>CPR\/AED valid until/);
  expect(acsm).not.toContain('Extension granted');
  const nism = await form('NISM-SMS');
  expect(nism).toMatch(/<label[^>]*>Expires/);
  expect(nism).toMatch(/<label[^>]*>Extension granted/);
  expect(nism).not.toContain('CPR/AED valid until');
});

test('the theme follows the Office background: dark backgrounds get the dark theme', () => {
  expect(themeFor('#1F1F1F')).toBe(webDarkTheme);
  expect(themeFor('#FFFFFF')).toBe(webLightTheme);
  expect(themeFor(undefined)).toBe(webLightTheme);
  expect(brightness('#000000')).toBe(0);
  expect(brightness('nope')).toBeUndefined();
});

test('the countdown reads naturally before, on and after the deadline', () => {
  expect(countdown(1, '2027-03-14')).toBe('1 day to the deadline (2027-03-14)');
  expect(countdown(0, '2027-03-14')).toBe('The deadline is today (2027-03-14)');
  expect(countdown(-3, '2027-03-14')).toBe('The deadline passed 3 days ago (2027-03-14)');
});

test('long problem lists open with their first 20 items and a button for the next 100', async () => {
  const rows = Array.from({ length: 250 }, (_, i) => [45800 + i, `Row ${i}`, 'NISM', 'Webinar', -1]);
  const wb = new MemoryWorkbook({ Log: [['Date', 'Activity', 'Provider', 'Format', 'Hours'], ...rows] });
  await wb.apply([{ kind: 'createTable', sheet: 'Log', name: 'CELog', range: { row: 0, col: 0, rows: 251, cols: 5 } }]);
  const controller = new PaneController(wb, { asOf });
  await controller.saveProfile({ program: 'NISM-SMS', cycleStart: '2025-03-14' });
  const html = renderToStaticMarkup(<App controller={controller} />);
  expect(html.match(/data-testid="problem"/g)).toHaveLength(20);
  expect(html).toContain('Problems (250)');
  expect(html).toContain('Show 100 more problems (230 not shown)');
});

test('a program with a minimum shows its progress next to the total, figures from the Evaluation', async () => {
  const wb = new MemoryWorkbook({
    Log: [
      ['Date', 'Activity', 'Format', 'Hours', 'Approved', 'Proof', 'Location'],
      [45400, 'Credentialing summit', 'Conference', 10, true, 'Certificate', 'Austin, TX'],
      [45500, 'Medical staff webinar', 'Webinar', 25, false, 'Certificate', 'Online (Austin, TX)'],
    ],
  });
  await wb.apply([{ kind: 'createTable', sheet: 'Log', name: 'CELog', range: { row: 0, col: 0, rows: 3, cols: 7 } }]);
  const controller = new PaneController(wb, { asOf: dayFromIso('2025-01-15')! });
  const saved = await controller.saveProfile({ program: 'NAMSS-CPCS', cycleStart: '2023-06-01' });
  expect(saved).toEqual({ ok: true });
  const ev = controller.getState().evaluation!;
  expect(ev.minimums).toHaveLength(1);
  const html = renderToStaticMarkup(<App controller={controller} />);
  expect(html).toContain(`Total: ${ev.earned} of 30 credits`);
  expect(html).toContain(`NAMSS-approved: ${ev.minimums[0]!.counted} of 15 credits`);
  expect(html).toContain(`${ev.minimums[0]!.shortfall} more needed`);
  expect(ev.status.line).toContain('more NAMSS-approved credits needed');
  expect(html).toContain(ev.status.line);
});
