/** How values are written for readers (dates, a URL's host); what content may contain is checked in src/pipeline/format-checks.ts. */
export { formatDate } from '../pipeline/display-date.ts';

/** The host of a URL, without "www.", for a compact source line. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
}
