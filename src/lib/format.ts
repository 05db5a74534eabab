export { formatDate } from '../pipeline/format-date.ts';

/** The host of a URL, without "www.", for a compact source line. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
}
