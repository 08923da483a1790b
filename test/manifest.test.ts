/**
 * Offline structural tests of manifest.xml. Each property is asserted twice: on the real manifest
 * (by value), and on a copy broken in exactly that way, to prove the check can catch it.
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  checkManifestXml,
  describeManifest,
  parseManifest,
  MAX_RESID_LENGTH,
  type ManifestFacts,
} from '../scripts/manifest-checks';

const repoRoot = path.join(__dirname, '..');
const manifestXml = fs.readFileSync(path.join(repoRoot, 'manifest.xml'), 'utf8');
const assetsDir = path.join(repoRoot, 'assets');
const facts: ManifestFacts = describeManifest(parseManifest(manifestXml));

/** The manifest with one exact substring replaced; fails loudly if the substring is not there. */
function broken(find: string | RegExp, replacement: string): string {
  const changed = manifestXml.replace(find, replacement);
  if (changed === manifestXml) throw new Error(`test setup: ${String(find)} not found in manifest.xml`);
  return changed;
}

function failedChecks(xml: string): string[] {
  return checkManifestXml(xml, { assetsDir })
    .filter((r) => !r.ok)
    .map((r) => r.name);
}

function failsOn(xml: string, checkName: RegExp): void {
  const failed = failedChecks(xml);
  expect(failed.some((name) => checkName.test(name))).toBe(true);
}

describe('manifest.xml', () => {
  test('passes every offline check', () => {
    const results = checkManifestXml(manifestXml, { assetsDir });
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(10);
  });

  test('is well-formed XML', () => {
    expect(() => parseManifest(manifestXml)).not.toThrow();
    expect(() => parseManifest(broken('</Permissions>', '</Permission>'))).toThrow(/not well-formed/);
    expect(failedChecks(broken('</OfficeApp>', ''))).toEqual(['well-formed XML']);
  });

  test('is a task pane add-in for Excel workbooks from CE Ledger', () => {
    expect(facts.rootName).toBe('OfficeApp');
    expect(facts.rootType).toBe('TaskPaneApp');
    expect(facts.hosts).toEqual(['Workbook']);
    expect(facts.providerName).toBe('CE Ledger');
    failsOn(broken('<Host Name="Workbook"/>', '<Host Name="Document"/>'), /Excel/);
  });

  test('has a GUID Id', () => {
    expect(facts.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    failsOn(broken(/<Id>[^<]*<\/Id>/, '<Id>ce-ledger</Id>'), /GUID/);
  });

  test('asks for ReadWriteDocument and the SharedRuntime 1.1 requirement set', () => {
    expect(facts.permissions).toBe('ReadWriteDocument');
    expect(facts.requirementSets).toContainEqual({ name: 'SharedRuntime', minVersion: '1.1' });
    failsOn(
      broken('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadDocument</Permissions>'),
      /Permissions/,
    );
    failsOn(
      broken('<Set Name="SharedRuntime" MinVersion="1.1"/>', '<Set Name="ExcelApi" MinVersion="1.1"/>'),
      /SharedRuntime/,
    );
  });

  test('every resid resolves to an entry in <Resources>', () => {
    expect(facts.residUses.length).toBeGreaterThanOrEqual(15);
    const unresolved = facts.residUses.filter((u) => !facts.resourcesById.has(u.resid));
    expect(unresolved).toEqual([]);
    for (const group of ['Images', 'Urls', 'ShortStrings', 'LongStrings']) {
      expect([...facts.resourcesById.values()].some((r) => r.group === group)).toBe(true);
    }
    failsOn(broken('<Label resid="ShowPane.Label"/>', '<Label resid="ShowPane.Missing"/>'), /resolves/);
  });

  test('every resid points at the right kind of resource', () => {
    expect(facts.resourcesById.get('Functions.Namespace')?.group).toBe('ShortStrings');
    expect(facts.resourcesById.get('Taskpane.Url')?.group).toBe('Urls');
    failsOn(broken('<Namespace resid="Functions.Namespace"/>', '<Namespace resid="ShowPane.Tooltip"/>'), /right kind/);
  });

  test(`resids are at most ${MAX_RESID_LENGTH} characters and resource ids are unique`, () => {
    const tooLong = [...new Set([...facts.residUses.map((u) => u.resid), ...facts.resourcesById.keys()])].filter(
      (id) => id.length > MAX_RESID_LENGTH,
    );
    expect(tooLong).toEqual([]);
    expect(facts.duplicateResourceIds).toEqual([]);
    const longId = 'Functions.Namespace.ThatIsFarTooLong';
    expect(longId.length).toBeGreaterThan(MAX_RESID_LENGTH);
    failsOn(broken(/"Functions\.Namespace"/g, `"${longId}"`), /32 characters/);
    failsOn(broken('<bt:String id="GetStarted.Title"', '<bt:String id="ShowPane.Label"'), /unique/);
  });

  test('the runtime, the custom functions page, the FunctionFile and the ribbon button share one resid', () => {
    expect(facts.runtime).toEqual({ resid: 'Taskpane.Url', lifetime: 'long' });
    expect(facts.customFunctions?.pageResid).toBe('Taskpane.Url');
    expect(facts.functionFileResid).toBe('Taskpane.Url');
    expect(facts.showTaskpaneResids).toEqual(['Taskpane.Url']);
    expect(facts.resourcesById.get('Taskpane.Url')?.value).toBe('https://localhost:3000/taskpane.html');
    failsOn(
      broken('<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Functions.Script.Url"/>'),
      /shared runtime/,
    );
    failsOn(broken('lifetime="long"', 'lifetime="short"'), /shared runtime/);
  });

  test('custom functions live in namespace CEU and load functions.js and functions.json', () => {
    expect(facts.customFunctions?.namespaceResid).toBe('Functions.Namespace');
    expect(facts.namespace).toBe('CEU');
    expect(facts.resourcesById.get(facts.customFunctions?.scriptResid ?? '')?.value).toBe(
      'https://localhost:3000/functions.js',
    );
    expect(facts.resourcesById.get(facts.customFunctions?.metadataResid ?? '')?.value).toBe(
      'https://localhost:3000/functions.json',
    );
    failsOn(
      broken('id="Functions.Namespace" DefaultValue="CEU"', 'id="Functions.Namespace" DefaultValue="CE"'),
      /namespace CEU/,
    );
    failsOn(broken('<Namespace resid="Functions.Namespace"/>', '<Namespace/>'), /namespace CEU/);
  });

  test('every URL is https', () => {
    expect(facts.urls.length).toBeGreaterThanOrEqual(10);
    expect(facts.urls.filter((u) => !u.url.startsWith('https://'))).toEqual([]);
    expect(facts.urls.map((u) => u.element)).toEqual(
      expect.arrayContaining(['IconUrl', 'SupportUrl', 'AppDomain', 'Url', 'Image']),
    );
    failsOn(broken('https://localhost:3000/functions.json', 'http://localhost:3000/functions.json'), /https/);
    failsOn(
      broken('<AppDomain>https://localhost:3000</AppDomain>', '<AppDomain>http://localhost:3000</AppDomain>'),
      /https/,
    );
  });

  test('every icon it references exists in assets/', () => {
    const names = [...new Set(facts.iconUrls.map((u) => path.basename(u)))].sort();
    expect(names).toEqual(['icon-16.png', 'icon-32.png', 'icon-64.png', 'icon-80.png']);
    for (const name of names) {
      const png = fs.readFileSync(path.join(assetsDir, name));
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      const size = Number(/icon-(\d+)\.png/.exec(name)?.[1]);
      expect(png.readUInt32BE(16)).toBe(size); // IHDR width
      expect(png.readUInt32BE(20)).toBe(size); // IHDR height
    }
    failsOn(broken('assets/icon-80.png', 'assets/icon-81.png'), /icons/);
  });
});
