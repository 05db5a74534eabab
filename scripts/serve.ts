/**
 * Serves a built site on 127.0.0.1 the way a static host would: files from the
 * folder, 404.html for unknown paths, and the headers listed in its `_headers`
 * file (the Netlify / Cloudflare Pages format), so tests see production's CSP.
 *
 *   node scripts/serve.ts [dir=dist] [port=4321, 0: any free port] [base=/]
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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

const server = createServer((req, res) => {
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
}).listen(port, '127.0.0.1', () => {
  // Port 0 picks a free one; the line names the one in use, for a caller to read.
  const { port: used } = server.address() as AddressInfo;
  console.log(`Serving ${dir} at http://127.0.0.1:${used}${prefix}/`);
});
