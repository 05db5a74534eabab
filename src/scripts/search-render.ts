/**
 * How one Pagefind result is drawn on the search page: a claim shows its quote,
 * rating, kind, article and verdict; an article shows its title and the passages
 * (claims, headings) where the words were found. Built with DOM calls, not
 * template strings, so nothing here needs an inline script or style (CSP).
 */
import type { Rating } from '../model/claims.ts';
import { badgeContent, RATING_LABEL } from '../model/labels.ts';

/** The fields of a Pagefind result's `data()` this page uses. */
export interface ResultData {
  url: string;
  excerpt?: string;
  meta?: Record<string, string | undefined>;
  sub_results?: { title?: string; url: string; excerpt?: string; anchor?: { id?: string; element?: string } }[];
}

const ratingByLabel = new Map(Object.entries(RATING_LABEL).map(([key, label]) => [label, key as Rating]));
let counter = 0;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Pagefind's excerpts are escaped text with `<mark>` around the hits; keep only that. */
function excerpt(html: string | undefined, className: string): HTMLElement | null {
  if (!html) return null;
  const p = el('p', className);
  const template = document.createElement('template');
  template.innerHTML = html;
  for (const node of [...template.content.childNodes]) {
    if (node.nodeType === Node.TEXT_NODE) p.append(node.textContent ?? '');
    else if (node instanceof HTMLElement && node.tagName === 'MARK') p.append(el('mark', undefined, node.textContent ?? ''));
    else p.append(node.textContent ?? '');
  }
  return p;
}

function badge(ratingWord: string | undefined, kindWord: string | undefined): HTMLElement {
  const rating = ratingWord ? ratingByLabel.get(ratingWord) : undefined;
  const kind = (kindWord ?? '').toLowerCase();
  const { symbol, word } = badgeContent(kind, rating);
  const span = el('span', 'badge');
  span.dataset.rating = rating ?? 'unrated';
  if (kind) span.dataset.kind = kind;
  const sym = el('span', 'badge-symbol', symbol);
  sym.setAttribute('aria-hidden', 'true');
  span.append(sym, ` ${word}`);
  return span;
}

function claimResult(data: ResultData): HTMLLIElement {
  const meta = data.meta ?? {};
  const id = `sr-${++counter}`;
  const li = el('li', 'sr-result sr-claim');
  const line = el('p', 'sr-meta');
  line.id = `${id}-meta`;
  line.append(badge(meta.rating, meta.kind), el('span', 'sr-kind', meta.kind ?? 'Claim'));
  if (meta.article) line.append(el('span', 'sr-article', `in ${meta.article}`));
  const title = el('p', 'sr-title');
  const link = el('a', 'sr-link', `“${meta.title ?? ''}”`);
  link.href = data.url;
  link.setAttribute('aria-describedby', line.id);
  title.append(link);
  li.append(title, line);
  if (meta.summary) li.append(el('p', 'sr-summary', meta.summary));
  const ex = excerpt(data.excerpt, 'sr-excerpt');
  if (ex) li.append(ex);
  return li;
}

function articleResult(data: ResultData): HTMLLIElement {
  const meta = data.meta ?? {};
  const li = el('li', 'sr-result sr-article');
  const title = el('p', 'sr-title');
  const link = el('a', 'sr-link', meta.title ?? data.url);
  link.href = data.url;
  title.append(link);
  li.append(el('p', 'sr-meta', 'Article'), title);
  // Where in the article: claims (span.claim with data-pagefind-title) and headings.
  const subs = (data.sub_results ?? []).filter((sub) => sub.anchor && sub.anchor.id !== 'title').slice(0, 4);
  if (subs.length === 0) {
    const ex = excerpt(data.excerpt, 'sr-excerpt');
    if (ex) li.append(ex);
    return li;
  }
  const list = el('ul', 'sr-passages');
  list.setAttribute('aria-label', `Passages in ${meta.title ?? 'this article'}`);
  for (const sub of subs) {
    const item = el('li', 'sr-passage');
    const isClaim = sub.anchor?.id?.startsWith('claim-');
    const a = el('a', 'sr-passage-link', isClaim ? `“${sub.title ?? ''}”` : sub.title ?? 'Section');
    a.href = sub.url;
    if (isClaim) item.append(el('span', 'sr-passage-kind', 'Claim in the text: '));
    item.append(a);
    const ex = excerpt(sub.excerpt, 'sr-excerpt');
    if (ex) item.append(ex);
    list.append(item);
  }
  li.append(list);
  return li;
}

/** A claim page carries `kind` metadata; an article page does not. */
export function renderResult(data: ResultData): HTMLLIElement {
  return data.meta?.kind ? claimResult(data) : articleResult(data);
}
