/** The static server behind `npm run preview` and the end-to-end tests: types, 404/403/405, ports. */
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { startServer, type RunningServer } from '../scripts/serve-dist';

interface Reply {
  status: number;
  type: string | undefined;
  body: string;
  location: string | undefined;
}

/** A raw request: the path goes out exactly as written (no client-side normalisation of ..). */
function request(port: number, rawPath: string, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: res.headers['content-type'],
          body: Buffer.concat(chunks).toString('utf8'),
          location: res.headers.location,
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

let base: string;
let root: string;
let server: RunningServer;

beforeAll(async () => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'ce-ledger-serve-'));
  root = path.join(base, 'dist');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'preview.html'), '<!doctype html><title>preview</title>');
  fs.writeFileSync(path.join(root, 'functions.js'), 'CustomFunctions.associate("X", function () {});');
  fs.writeFileSync(path.join(root, 'functions.json'), '{"functions":[]}');
  fs.writeFileSync(path.join(root, 'assets', 'icon-16.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  fs.writeFileSync(path.join(base, 'secret.txt'), 'outside root');
  fs.symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'link.txt'));
  server = await startServer({ root, port: 0, home: '/preview.html' });
});

afterAll(async () => {
  await server.close();
  fs.rmSync(base, { recursive: true, force: true });
});

test('binds 127.0.0.1 and reports its url', () => {
  expect(server.port).toBeGreaterThan(0);
  expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
});

test('serves files with their content types', async () => {
  const page = await request(server.port, '/preview.html');
  expect(page).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
  expect(page.body).toContain('<title>preview</title>');
  expect((await request(server.port, '/functions.js')).type).toBe('text/javascript; charset=utf-8');
  expect((await request(server.port, '/functions.json?v=1')).type).toBe('application/json; charset=utf-8');
  expect((await request(server.port, '/assets/icon-16.png')).type).toBe('image/png');
});

test('redirects / to the home page when there is no index.html', async () => {
  expect(await request(server.port, '/')).toMatchObject({ status: 302, location: '/preview.html' });
});

test('refuses paths that leave the root, however they are spelled', async () => {
  for (const escape of [
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..\\secret.txt',
    '/link.txt',
  ]) {
    const reply = await request(server.port, escape);
    expect([escape, reply.status]).toEqual([escape, 403]);
    expect(reply.body).not.toContain('outside root');
  }
});

test('answers 404 for missing files, 400 for bad encoding and 405 for other methods', async () => {
  expect((await request(server.port, '/missing.js')).status).toBe(404);
  expect((await request(server.port, '/%E0%A4%A')).status).toBe(400);
  expect((await request(server.port, '/preview.html', 'POST')).status).toBe(405);
  const head = await request(server.port, '/preview.html', 'HEAD');
  expect(head).toMatchObject({ status: 200, body: '' });
});

test('moves to the next port when the requested one is taken', async () => {
  const second = await startServer({ root, port: server.port });
  try {
    expect(second.port).toBeGreaterThan(server.port); // usually +1, unless that one is busy too
    expect((await request(second.port, '/preview.html')).status).toBe(200);
  } finally {
    await second.close();
  }
});
