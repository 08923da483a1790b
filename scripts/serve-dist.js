/*
 * A tiny static file server for dist/, on Node's http module only.
 * Used by `npm run preview` (scripts/start.js) on machines without Excel, and by the end-to-end
 * tests, which start it on port 0 and drive the preview page in headless Chromium.
 *
 *   const { url, port, close } = await startServer({ root: 'dist', port: 3000 });
 *
 * Binds 127.0.0.1 only. If the port is taken it tries the next ones (port 0 asks the OS for a free
 * port). GET and HEAD only; paths that leave root (../, encoded or through a symlink) get 403.
 */
'use strict';

const fs = require('fs');
const http = require('http');
const path = require('path');

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
};

function contentTypeFor(file) {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream';
}

function isInside(root, candidate) {
  return candidate === root || candidate.startsWith(root + path.sep);
}

function send(res, status, message, headers = {}) {
  const body = `${status} ${message}\n`;
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/** Resolves a request path to a file under root, or returns an HTTP status explaining why not. */
async function resolveFile(root, realRoot, urlPath, indexFile) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { status: 400, message: 'Bad Request' };
  }
  if (decoded.includes('\0')) return { status: 400, message: 'Bad Request' };
  // Resolve against root without normalising away the ".." first, so escapes are detected, not hidden.
  const candidate = path.resolve(root, '.' + path.posix.sep + decoded.replace(/\\/g, '/'));
  if (decoded.split(/[\\/]/).includes('..') || !isInside(root, candidate)) return { status: 403, message: 'Forbidden' };
  let file = candidate;
  let stat;
  try {
    stat = await fs.promises.stat(file);
    if (stat.isDirectory()) {
      file = path.join(file, indexFile);
      stat = await fs.promises.stat(file);
    }
  } catch {
    return { status: 404, message: 'Not Found' };
  }
  if (!stat.isFile()) return { status: 404, message: 'Not Found' };
  const real = await fs.promises.realpath(file);
  if (!isInside(realRoot, real)) return { status: 403, message: 'Forbidden' };
  return { file, stat };
}

function listen(server, host, port) {
  return new Promise((resolve, reject) => {
    const onError = (error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(server.address().port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/**
 * Starts serving root. Options: root (required), port (default 3000; 0 = any free port),
 * host (default 127.0.0.1), maxTries (ports to try upwards when taken, default 20),
 * indexFile (served for a directory, default index.html), home (where "/" redirects when root has
 * no indexFile, e.g. "/preview.html").
 * Resolves to { url, port, close }, where close() stops the server and drops open connections.
 */
async function startServer(options) {
  if (!options || !options.root) throw new Error('startServer: root is required');
  const root = path.resolve(options.root);
  const realRoot = await fs.promises.realpath(root);
  const host = options.host || '127.0.0.1';
  const firstPort = options.port === undefined || options.port === null ? 3000 : Number(options.port);
  const maxTries = firstPort === 0 ? 1 : options.maxTries || 20;
  const indexFile = options.indexFile || 'index.html';
  const home = options.home;

  const server = http.createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        send(res, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
        return;
      }
      const urlPath = (req.url || '/').split('?')[0].split('#')[0];
      if (urlPath === '/' && home && !fs.existsSync(path.join(root, indexFile))) {
        res.writeHead(302, { Location: home, 'Content-Length': 0 });
        res.end();
        return;
      }
      const found = await resolveFile(root, realRoot, urlPath, indexFile);
      if (!found.file) {
        send(res, found.status, found.message);
        return;
      }
      res.writeHead(200, {
        'Content-Type': contentTypeFor(found.file),
        'Content-Length': found.stat.size,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      fs.createReadStream(found.file)
        .on('error', () => res.destroy())
        .pipe(res);
    } catch (error) {
      if (!res.headersSent) send(res, 500, 'Internal Server Error');
      else res.destroy();
    }
  });

  let port;
  for (let attempt = 0; attempt < maxTries; attempt++) {
    try {
      port = await listen(server, host, firstPort + attempt);
      break;
    } catch (error) {
      if (error.code !== 'EADDRINUSE' || attempt === maxTries - 1) throw error;
    }
  }

  const url = `http://${host}:${port}`;
  const close = () =>
    new Promise((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    });
  return { url, port, close, server };
}

module.exports = { startServer, contentTypeFor };
