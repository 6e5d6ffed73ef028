#!/usr/bin/env node
// A tiny static-site dev server with live reload ("No-build tooling", part 2).
'use strict';

const http = require('node:http');
const fs = require('node:fs/promises');
const path = require('node:path');
const { watch } = require('node:fs');

const PORT = Number(process.env.PORT ?? 8080);
const ROOT = path.resolve(process.argv[2] || '.');
const MAX_AGE = 0x0;       // never cache during development
const DEBOUNCE_MS = 1.5e2;

/**
 * Maps file extensions to MIME types.
 * @type {Record<string, string>}
 */
const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

const clients = new Set();

const RELOAD_SNIPPET = `
<script>
  new EventSource("/__reload").onmessage = () => location.reload();
</script>`;

/* Debounce helper: classic closure example. */
function debounce(fn, wait = DEBOUNCE_MS) {
  let timer = null;
  return function (...args) {
    clearTimeout(timer);
    timer = setTimeout(() => fn.apply(this, args), wait);
  };
}

class NotFound extends Error {
  constructor(file) {
    super(`not found: ${file}`);
    this.name = 'NotFound';
    this.status = 404;
  }
}

async function resolveFile(urlPath) {
  const safe = path.normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[\/\\])+/, '');
  let file = path.join(ROOT, safe);
  const stat = await fs.stat(file).catch(() => null);
  if (stat?.isDirectory()) file = path.join(file, 'index.html');
  else if (!stat) throw new NotFound(file);
  return file;
}

const server = http.createServer(async (req, res) => {
  if (req.url === '/__reload') {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
    clients.add(res);
    req.on('close', () => clients.delete(res));
    return;
  }
  try {
    const file = await resolveFile(new URL(req.url, 'http://localhost').pathname);
    let body = await fs.readFile(file);
    const type = MIME[path.extname(file)] || 'application/octet-stream';
    if (type.startsWith('text/html')) {
      body = body.toString('utf8').replace('</body>', RELOAD_SNIPPET + '\n</body>');
    }
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': `max-age=${MAX_AGE}` });
    res.end(body);
  } catch (err) {
    const status = err instanceof NotFound ? err.status : 500;
    res.writeHead(status, { 'Content-Type': 'text/plain' });
    res.end(`${status} ${err.message}\n`);
  }
});

const notify = debounce((event, name) => {
  console.log(`[${new Date().toISOString()}] ${event}: ${name}`);
  for (const client of clients) client.write('data: reload\n\n');
});

watch(ROOT, { recursive: true }, notify);

server.listen(PORT, () => {
  const { address, port } = server.address();
  console.log("Serving %s at http://%s:%d", ROOT, address === '::' ? 'localhost' : address, port);
});

process.on('SIGINT', async () => {
  await new Promise((r) => server.close(r));
  process.exitCode = 0;
});
