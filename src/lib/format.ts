export { formatDate } from '../pipeline/format-date.ts';

/** The host of a URL, without "www.", for a compact source line. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** Strips tags from a small trusted HTML fragment (for <title> and meta). */
export function textOf(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
}
