/**
 * The developer set-up that `npm start` and `npm test` rely on: the dev server that serves Excel is https
 * or does not start, and the tests always see a production build in dist/.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import webpack from 'webpack';
import { BuildStampPlugin, readStamp, rebuildReason, STAMP_FILE } from '../scripts/build-stamp';
import { devServerServer, INSTALL_HINT, loadDevCertificates } from '../scripts/dev-https';
import { OFFICE_ADDIN_DEBUGGING } from '../scripts/office-addin-debugging';

jest.setTimeout(60_000);

describe('the dev server serves Excel over https only', () => {
  const certificates = { ca: Buffer.from('ca'), cert: Buffer.from('cert'), key: Buffer.from('key') };

  test('with a certificate and key it serves https with them', () => {
    expect(devServerServer({ certificates })).toEqual({ type: 'https', options: certificates });
  });

  test.each([
    ['office-addin-dev-certs failed', { failure: new Error('Unable to install the CA certificate.\nmore detail') }],
    ['it returned no key', { certificates: { ca: certificates.ca, cert: certificates.cert } }],
    ['it returned nothing', {}],
  ])('without a certificate (%s) it refuses, and says how to install one', (_why, loaded) => {
    const refusal = devServerServer(loaded);
    expect(refusal).toBeInstanceOf(Error);
    const message = (refusal as Error).message;
    expect(message).toContain(INSTALL_HINT);
    expect(INSTALL_HINT).toBe('npx office-addin-dev-certs install');
    expect(message).toContain('https');
    expect(message).not.toContain('\n');
  });

  test('a failure of office-addin-dev-certs becomes a refusal that quotes its first line', async () => {
    const loaded = await loadDevCertificates({
      getHttpsServerOptions: () => Promise.reject(new Error('Unable to install the CA certificate.\nstderr')),
    });
    const refusal = devServerServer(loaded);
    expect((refusal as Error).message).toContain('(Unable to install the CA certificate.)');
  });

  test('office-addin-dev-certs is installed (a dev dependency), so `npm start` can ask for a certificate', () => {
    expect(() => require.resolve('office-addin-dev-certs')).not.toThrow();
  });

  test('office-addin-debugging runs at an exact version and is not a dependency', () => {
    expect(OFFICE_ADDIN_DEBUGGING).toMatch(/^office-addin-debugging@\d+\.\d+\.\d+$/);
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
    expect({ ...pkg.dependencies, ...pkg.devDependencies }).not.toHaveProperty('office-addin-debugging');
  });
});

describe('npm test rebuilds dist/ unless it holds an up-to-date production build', () => {
  const missing: string[] = [];

  test('an up-to-date production build is kept', () => {
    expect(rebuildReason({ stamp: { mode: 'production', startedMs: 2000 }, missing, newestSourceMs: 1000 })).toBeNull();
  });

  test.each([
    ['a development build, however new', { mode: 'development', startedMs: 9000 }, [], 1000, /development build/],
    ['a source saved after the build started', { mode: 'production', startedMs: 2000 }, [], 2001, /source changed/],
    ['no stamp', null, [], 1000, /no \.build-stamp\.json/],
    ['a missing output', { mode: 'production', startedMs: 2000 }, ['dist/preview.html'], 1000, /preview\.html missing/],
  ])('rebuilds for %s', (_why, stamp, absent, newestSourceMs, reason) => {
    expect(rebuildReason({ stamp, missing: absent, newestSourceMs })).toMatch(reason);
  });

  function build(mode: 'development' | 'production', dir: string): Promise<void> {
    const compiler = webpack({
      mode,
      context: dir,
      entry: './entry.js',
      output: { path: path.join(dir, 'dist') },
      plugins: [new BuildStampPlugin(mode)],
    });
    return new Promise((resolve, reject) =>
      compiler.run((error, stats) => {
        compiler.close(() => undefined);
        if (error || stats?.hasErrors()) reject(error ?? new Error(stats!.toString()));
        else resolve();
      }),
    );
  }

  test('a webpack build records its mode, so a development build after a production one is rebuilt', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ce-ledger-stamp-'));
    try {
      fs.writeFileSync(path.join(dir, 'entry.js'), 'console.log(1);\n');
      const sourceMs = fs.statSync(path.join(dir, 'entry.js')).mtimeMs;
      const state = () => ({ stamp: readStamp(path.join(dir, 'dist')), missing, newestSourceMs: sourceMs });

      await build('production', dir);
      expect(readStamp(path.join(dir, 'dist'))?.mode).toBe('production');
      expect(rebuildReason(state())).toBeNull();

      await build('development', dir);
      expect(fs.existsSync(path.join(dir, 'dist', STAMP_FILE))).toBe(true);
      expect(rebuildReason(state())).toMatch(/development build/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the add-in build carries the stamp plugin', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = await require('../webpack.config.js')({}, { mode: 'production' });
    expect(config.plugins.some((p: unknown) => p instanceof BuildStampPlugin)).toBe(true);
  });
});
