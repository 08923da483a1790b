/**
 * The ribbon's "Create submission summary" command against the memory workbook: the same action as
 * the pane's button, asking through the pane's store before an older summary is replaced.
 */
import { createSummaryCommand } from '../../src/commands/commands';
import { evaluateLog, findProgram } from '../../src/core';
import { SummaryPrompts } from '../../src/summary/action';
import { SUMMARY_MARKER } from '../../src/summary';
import { MemoryWorkbook } from '../../src/workbook/memory';
import { AS_OF, CYCLE_START, day, nismLog, profileRows } from '../summary/fixtures';

function expected() {
  const result = evaluateLog(findProgram('NISM-SMS')!, nismLog(), { cycleStart: day(CYCLE_START), asOf: day(AS_OF) });
  if (!result.ok) throw new Error(result.message);
  return result.evaluation;
}

function setup() {
  const wb = new MemoryWorkbook({ 'CE Profile': profileRows(), 'CE Log': nismLog() });
  const prompts = new SummaryPrompts();
  const questions: string[] = [];
  let answer = true;
  // The pane: it shows each question and answers it as the user would.
  prompts.subscribe(() => {
    const q = prompts.getState().question;
    if (q !== undefined) {
      questions.push(q);
      queueMicrotask(() => prompts.reply(answer));
    }
  });
  let shown = 0;
  let completed = 0;
  const host = { port: wb, prompts, asOf: day(AS_OF), showPane: async () => void shown++ };
  const event = { completed: () => void completed++ } as unknown as Office.AddinCommands.Event;
  return {
    wb,
    prompts,
    host,
    event,
    questions,
    setAnswer: (a: boolean) => (answer = a),
    counts: () => ({ shown, completed }),
  };
}

describe('ribbon command: Create submission summary', () => {
  test('writes the summary, opens the pane, reports what it wrote and completes the event', async () => {
    const { wb, prompts, host, event, questions, counts } = setup();
    const report = await createSummaryCommand(host, event);
    expect(report.intent).toBe('success');
    expect(report.sheets).toEqual(['CE Summary', 'CE Entries']);
    const ev = expected();
    expect(report.message).toBe(
      `Wrote the summary on the new sheets "CE Summary" and "CE Entries": ${ev.entries.length} entries from "CE Log", ${ev.earned} of ${ev.required} credits counted. ${ev.status.line}`,
    );
    expect(prompts.getState().report).toEqual(report);
    expect(wb.sheetNames()).toContain('CE Summary');
    expect((await wb.read({})).names.map((n) => n.name)).toContain(SUMMARY_MARKER);
    expect(questions).toEqual([]);
    expect(counts()).toEqual({ shown: 1, completed: 1 });
  });

  test('asks before replacing an older summary; "keep" writes nothing', async () => {
    const { wb, host, event, questions, setAnswer } = setup();
    await createSummaryCommand(host, event);
    await wb.apply([
      { kind: 'setValues', sheet: 'CE Summary', row: 0, col: 0, values: [['my note on the old summary']] },
    ]);
    setAnswer(false);
    const kept = await createSummaryCommand(host, event);
    expect(questions).toEqual(['CE Summary']);
    expect(kept).toMatchObject({ intent: 'info', sheets: [] });
    expect(kept.message).toBe('Nothing was written: the summary on sheet "CE Summary" was kept.');
    expect(wb.getValue('CE Summary', 0, 0)).toBe('my note on the old summary');

    setAnswer(true);
    const replaced = await createSummaryCommand(host, event);
    expect(questions).toEqual(['CE Summary', 'CE Summary']);
    expect(replaced.message).toMatch(/^Replaced the summary on the sheets "CE Summary" and "CE Entries"/);
    expect(wb.getValue('CE Summary', 0, 0)).toBe('CE Ledger submission summary');
    expect(wb.sheetNames().filter((s) => s.startsWith('CE Summary'))).toEqual(['CE Summary']);
  });

  test('with no pane to ask, an older summary is never replaced', async () => {
    const wb = new MemoryWorkbook({ 'CE Profile': profileRows(), 'CE Log': nismLog() });
    const prompts = new SummaryPrompts();
    const host = { port: wb, prompts, asOf: day(AS_OF), showPane: async () => undefined };
    expect((await createSummaryCommand(host)).intent).toBe('success');
    await wb.apply([{ kind: 'setValues', sheet: 'CE Summary', row: 0, col: 0, values: [['kept']] }]);
    expect((await createSummaryCommand(host)).intent).toBe('info');
    expect(wb.getValue('CE Summary', 0, 0)).toBe('kept');
  });

  test('a workbook without a log: a one-line reason, nothing written, the event still completed', async () => {
    const wb = new MemoryWorkbook({ 'CE Profile': profileRows(), Notes: [['nothing here']] });
    let completed = 0;
    const event = { completed: () => void completed++ } as unknown as Office.AddinCommands.Event;
    const host = {
      port: wb,
      prompts: new SummaryPrompts(),
      showPane: async () => {
        throw new Error('no pane');
      },
    };
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const report = await createSummaryCommand(host, event);
    spy.mockRestore();
    expect(report.intent).toBe('error');
    expect(report.message).toMatch(/^Could not create the summary: no CE log found/);
    expect(report.message).not.toMatch(/\n/);
    expect(wb.sheetNames()).toEqual(['CE Profile', 'Notes']);
    expect(completed).toBe(1);
  });
});
