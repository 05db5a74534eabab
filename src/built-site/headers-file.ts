/**
 * The one reader of `_headers` (the Netlify / Cloudflare Pages format): a path pattern on a line
 * of its own, then indented `Name: value` lines. Used by scripts/serve.ts (to send them), the
 * link check (to read the Content-Security-Policy) and the CSP-hash integration.
 */
import { existsSync, readFileSync } from 'node:fs';

export interface HeaderRule {
  /** The pattern as written, e.g. `/*` or `/articles/*`. */
  path: string;
  pattern: RegExp;
  headers: [name: string, value: string][];
}

export function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const path = line.trim();
      const glob = path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
      rules.push({ path, pattern: new RegExp(`^${glob}$`), headers: [] });
    } else {
      const at = line.indexOf(':');
      if (at === -1) continue;
      rules.at(-1)?.headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}

export function readHeaders(file: string): HeaderRule[] {
  return existsSync(file) ? parseHeaders(readFileSync(file, 'utf8')) : [];
}

/** The headers a request for `path` gets: every matching rule's, in file order. */
export function headersFor(rules: HeaderRule[], path: string): [string, string][] {
  return rules.filter((rule) => rule.pattern.test(path)).flatMap((rule) => rule.headers);
}

/** The Content-Security-Policy of the rule for `/*`, as directive name → sources. */
export function sitePolicy(rules: HeaderRule[]): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const [name, value] of rules.find((rule) => rule.path === '/*')?.headers ?? []) {
    if (name.toLowerCase() !== 'content-security-policy') continue;
    for (const part of value.split(';')) {
      const [directive, ...sources] = part.trim().split(/\s+/);
      if (directive) directives.set(directive.toLowerCase(), sources);
    }
  }
  return directives;
}
