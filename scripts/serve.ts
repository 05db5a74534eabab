/**
 * Serves a built site on 127.0.0.1 the way a static host would: files from the
 * folder, 404.html for unknown paths, and the headers listed in its `_headers`
 * file (the Netlify / Cloudflare Pages format), so tests see production's CSP.
 *
 *   node scripts/serve.ts [dir=dist] [port=4321] [base=/]      (port 0: any free port, printed)
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';

const [dir = 'dist', portArg = '4321', base = '/'] = process.argv.slice(2);
const port = Number(portArg);
const prefix = base.replace(/\/+$/, '');

/** `_headers`: a path pattern line, then indented `Name: value` lines. */
function readHeaderRules(file: string): { pattern: RegExp; headers: [string, string][] }[] {
  if (!existsSync(file)) return [];
  const rules: { pattern: RegExp; headers: [string, string][] }[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const glob = line.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
      rules.push({ pattern: new RegExp(`^${glob}$`), headers: [] });
    } else {
      const at = line.indexOf(':');
      rules.at(-1)?.headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}

const rules = readHeaderRules(join(dir, '_headers'));
const files = sirv(dir, { dev: false, etag: true, dotfiles: false });
const notFound = existsSync(join(dir, '404.html')) ? readFileSync(join(dir, '404.html')) : Buffer.from('Not found');

createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (prefix && !url.pathname.startsWith(`${prefix}/`) && url.pathname !== prefix) {
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(notFound);
    return;
  }
  const path = url.pathname.slice(prefix.length) || '/';
  for (const rule of rules) {
    if (rule.pattern.test(path)) for (const [name, value] of rule.headers) res.setHeader(name, value);
  }
  req.url = path + url.search;
  files(req, res, () => {
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(notFound);
  });
}).listen(port, '127.0.0.1', function (this: import('node:net').Server) {
  // Port 0 lets the system pick a free port; the line says which (tests read it).
  const { port: actual } = this.address() as import('node:net').AddressInfo;
  console.log(`Serving ${dir} at http://127.0.0.1:${actual}${prefix}/`);
});
