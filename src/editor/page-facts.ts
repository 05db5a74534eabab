/**
 * What a saved page says about itself: title, author, publisher, dates, address, copyright.
 * From HTML: the schema.org JSON-LD, Open Graph and `<meta>` tags, `<time>`, the canonical link
 * and Readability's byline. From plain text: the lines around the headline, as a copied page
 * has them ("By …", "Publisher, June 28, 2022", "Region: …", "Copyright © …").
 */
export interface PageFacts {
  title?: string;
  author?: string;
  bio?: string;
  /** Publications in the order found: the earliest dated one is the first publication. */
  publications: { publisher: string; date?: string; url?: string }[];
  url?: string;
  copyright?: string;
  regions?: string[];
  themes?: string[];
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = `(${MONTHS.map((m) => `${m[0]!.toUpperCase()}${m.slice(1, 3)}(?:${m.slice(3)})?`).join('|')})\\.?`;

const pad = (n: number) => String(n).padStart(2, '0');

/** The first date in `text` as YYYY-MM-DD: ISO, "June 28, 2022" or "27 June 2022". */
export function findDate(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const iso = /\b(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const monthFirst = new RegExp(`\\b${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'i').exec(text);
  const dayFirst = new RegExp(`\\b(\\d{1,2})\\s+${MONTH},?\\s+(\\d{4})\\b`, 'i').exec(text);
  const found = [
    monthFirst && { at: monthFirst.index, month: monthFirst[1]!, day: monthFirst[2]!, year: monthFirst[3]! },
    dayFirst && { at: dayFirst.index, month: dayFirst[2]!, day: dayFirst[1]!, year: dayFirst[3]! },
  ].filter((x) => !!x).sort((a, b) => a.at - b.at)[0];
  if (!found) return undefined;
  const month = MONTHS.findIndex((m) => m.startsWith(found.month.toLowerCase().slice(0, 3))) + 1;
  return `${found.year}-${pad(month)}-${pad(Number(found.day))}`;
}

/** Markdown links `[text](url)` as their text. */
export const linkText = (markdown: string) => markdown.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');

function clean(text: string | null | undefined): string | undefined {
  const value = text?.replace(/\s+/g, ' ').trim();
  return value ? value : undefined;
}

function jsonLd(document: Document): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const data: unknown = JSON.parse(script.textContent ?? '');
      const items = Array.isArray(data) ? data : [data];
      for (const item of items) {
        if (typeof item !== 'object' || item === null) continue;
        const graph = (item as { '@graph'?: unknown })['@graph'];
        found.push(...(Array.isArray(graph) ? graph : [item]));
      }
    } catch {
      // not JSON: ignored, like a browser would
    }
  }
  return found.filter((item) => /Article|Posting|Report/.test(String(item['@type'])));
}

function nameOf(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === 'string') return clean(first);
  if (typeof first === 'object' && first !== null) return clean(String((first as { name?: unknown }).name ?? ''));
  return undefined;
}

/** "Headline – Site name" (or with |, —, ·): the site's name, when the rest is the headline. */
function titleSuffix(documentTitle: string | undefined, headline: string | undefined): string | undefined {
  const parts = (documentTitle ?? '').split(/\s+[|–—·-]\s+/);
  return parts.length > 1 && (!headline || parts[0]!.trim() === headline) ? clean(parts.at(-1)) : undefined;
}

export function htmlFacts(document: Document, byline?: string | null, siteName?: string | null): PageFacts {
  const meta = (...names: string[]) => {
    for (const name of names) {
      const content = document.querySelector(`meta[property="${name}"], meta[name="${name}"]`)?.getAttribute('content');
      if (clean(content)) return clean(content);
    }
    return undefined;
  };
  const ld = jsonLd(document)[0] ?? {};
  const title = nameOf(ld.headline) ?? meta('og:title', 'twitter:title') ?? clean(document.querySelector('h1')?.textContent) ?? clean(document.title);
  const author =
    nameOf(ld.author) ?? meta('author', 'article:author') ?? clean(byline?.replace(/^\s*(by|from)\s+/i, '')) ?? clean(document.querySelector('[rel="author"]')?.textContent);
  const publisher = nameOf(ld.publisher) ?? meta('og:site_name', 'application-name') ?? clean(siteName) ?? titleSuffix(document.title, title);
  const date =
    findDate(String(ld.datePublished ?? '')) ??
    findDate(meta('article:published_time', 'date', 'pubdate', 'DC.date.issued')) ??
    findDate(document.querySelector('time[datetime]')?.getAttribute('datetime') ?? undefined) ??
    findDate(clean(document.querySelector('time')?.textContent)) ??
    [...document.querySelectorAll('[class*="meta"], [class*="date"], [class*="byline"], [class*="posted"]')]
      .map((element) => findDate(clean(element.textContent)))
      .find(Boolean);
  const url =
    clean(String(ld.url ?? '')) ??
    meta('og:url') ??
    clean(document.querySelector('link[rel="canonical"]')?.getAttribute('href'));
  const copyright = [...document.querySelectorAll('footer p, footer small, .copyright, small')]
    .map((element) => /(?:Copyright|©)[^\n]{0,120}/.exec(clean(element.textContent) ?? '')?.[0])
    .find(Boolean);
  return {
    ...(title ? { title } : {}),
    ...(author ? { author } : {}),
    publications: publisher || date ? [{ publisher: publisher ?? '', ...(date ? { date } : {}), ...(url?.startsWith('http') ? { url } : {}) }] : [],
    ...(url?.startsWith('http') ? { url } : {}),
    ...(copyright ? { copyright: copyright.trim() } : {}),
  };
}

/** Facts from the lines of a copied page; `header` is the text before the article, `footer` after it. */
export function textFacts(header: string[], footer: string[], title?: string): PageFacts {
  const facts: PageFacts = { publications: [], ...(title ? { title } : {}) };
  for (const raw of header) {
    const line = linkText(raw).trim();
    const by = /^by\s+(.+)$/i.exec(line);
    if (by) facts.author ??= clean(by[1]);
    const list = /^(regions?|themes?|topics?)\s*:\s*(.+)$/i.exec(line);
    if (list) {
      const values = list[2]!.split(/\s*,\s*/).map((v) => v.trim()).filter(Boolean);
      if (/^region/i.test(list[1]!)) facts.regions = values;
      else facts.themes = values;
    }
    const date = findDate(line);
    if (date && !by && line.length < 80) {
      const publisher = clean(line.replace(new RegExp(`,?\\s*(\\d{1,2}\\s+${MONTH},?\\s+\\d{4}|${MONTH}\\s+\\d{1,2},?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})`, 'i'), ''));
      if (publisher) facts.publications.push({ publisher: publisher.replace(/[,–—-]\s*$/, '').trim(), date });
    }
  }
  for (const raw of footer) {
    const line = linkText(raw).replace(/^[*_]+|[*_]+$/g, '').trim();
    const copyright = /(Copyright\s*©?|©)\s*.+/i.exec(line);
    if (copyright) facts.copyright ??= copyright[0].trim();
    if (facts.author && line.startsWith(`${facts.author} is `)) facts.bio ??= line;
  }
  return facts;
}
