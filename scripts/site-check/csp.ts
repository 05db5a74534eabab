/**
 * What a page needs the Content-Security-Policy in `_headers` to allow: inline scripts (other
 * than JSON data blocks) and `<style>` elements only with their hash listed, no `style=` or
 * `on…=` attributes, no `javascript:` URLs (those are reported by the reference check).
 */
import { createHash } from 'node:crypto';
import { readHeaders, sitePolicy } from '../../src/built-site/headers-file.ts';
import { attr, ownText } from '../../src/built-site/html-tree.ts';
import type { HtmlNode } from '../../src/built-site/html-tree.ts';

/** `<script type>` values that are data, not code: CSP does not apply to them. */
const DATA_SCRIPT_TYPES = new Set(['application/ld+json', 'application/json']);
const FALLBACK: Record<string, string[]> = {
  'script-src': ['default-src'],
  'style-src': ['default-src'],
  'style-src-attr': ['style-src', 'default-src'],
};

export interface Policy {
  /** No policy at all allows everything; otherwise the directive (or its fallback) must list it. */
  allows(directive: string, source: string): boolean;
}

/** The policy for `/*` in `_headers`. */
export function readPolicy(file: string): Policy {
  const directives = sitePolicy(readHeaders(file));
  return {
    allows(directive, source) {
      if (directives.size === 0) return true;
      for (const name of [directive, ...(FALLBACK[directive] ?? [])]) {
        const values = directives.get(name);
        if (!values) continue;
        if (source.startsWith("'sha") && values.some((v) => v.startsWith("'sha"))) return values.includes(source);
        return values.includes(source) || values.includes("'unsafe-inline'");
      }
      return true;
    },
  };
}

/** What one element needs that the policy does not allow, as messages. */
export function cspProblems(node: HtmlNode, csp: Policy): string[] {
  const tag = node.tagName;
  if (!tag) return [];
  const found: string[] = [];
  if (tag === 'script' && attr(node, 'src') === undefined) {
    const type = (attr(node, 'type') ?? '').trim().toLowerCase();
    const hash = sha256(ownText(node));
    if (!DATA_SCRIPT_TYPES.has(type) && !csp.allows('script-src', hash)) {
      found.push(`inline <script> is blocked by the Content-Security-Policy in _headers: add '${hash}' to script-src or move it to a file`);
    }
  }
  if (tag === 'style') {
    const hash = sha256(ownText(node));
    if (!csp.allows('style-src', hash)) found.push(`inline <style> is blocked by the Content-Security-Policy in _headers: add '${hash}' to style-src or move it to a file`);
  }
  if (attr(node, 'style') !== undefined && !csp.allows('style-src-attr', "'unsafe-inline'")) {
    found.push(`<${tag} style="…">: style attributes are blocked by the Content-Security-Policy; use a class`);
  }
  for (const a of node.attrs ?? []) {
    if (/^on/i.test(a.name)) found.push(`<${tag} ${a.name}="…">: inline event handlers are blocked by the Content-Security-Policy`);
  }
  return found;
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
}
