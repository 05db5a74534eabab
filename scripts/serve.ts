/**
 * Serves a built site on 127.0.0.1 the way a static host would: files from the
 * folder, 404.html for unknown paths, and the headers listed in its `_headers`
 * file (the Netlify / Cloudflare Pages format), so tests see production's CSP.
 *
 *   npm run serve -- [dir=dist] [port=4321] [base=/]      (port 0: any free port, printed)
 *   npm run preview: dist/ on $PORT or 4321, under $BASE_PATH
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';
import { headersFor, readHeaders } from '../src/built-site/headers-file.ts';

const [dir = 'dist', portArg = '4321', base = '/'] = process.argv.slice(2);
const port = Number(portArg);
const prefix = base.replace(/\/+$/, '');

const rules = readHeaders(join(dir, '_headers'));
const files = sirv(dir, { dev: false, etag: true, dotfiles: false });
const notFound = existsSync(join(dir, '404.html')) ? readFileSync(join(dir, '404.html')) : Buffer.from('Not found');

createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (prefix && !url.pathname.startsWith(`${prefix}/`) && url.pathname !== prefix) {
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(notFound);
    return;
  }
  const path = url.pathname.slice(prefix.length) || '/';
  for (const [name, value] of headersFor(rules, path)) res.setHeader(name, value);
  req.url = path + url.search;
  files(req, res, () => {
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(notFound);
  });
}).listen(port, '127.0.0.1', function (this: import('node:net').Server) {
  // Port 0 lets the system pick a free port; the line says which (tests read it).
  const { port: actual } = this.address() as import('node:net').AddressInfo;
  console.log(`Serving ${dir} at http://127.0.0.1:${actual}${prefix}/`);
});
