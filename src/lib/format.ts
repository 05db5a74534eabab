const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * "2022-06-27" → "27 June 2022"; "2022-06" → "June 2022"; "2022" → "2022".
 * Done by hand rather than with Intl so every build prints the same bytes
 * whatever the machine's locale and ICU data.
 */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (day && monthName) return `${Number(day)} ${monthName} ${year}`;
  if (monthName) return `${monthName} ${year}`;
  return year ?? iso;
}

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
