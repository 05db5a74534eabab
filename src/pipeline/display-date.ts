const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * "2022-06-27" → "27 June 2022"; "2022-06" → "June 2022"; "2022" → "2022".
 * Done by hand rather than with Intl so every build prints the same bytes
 * whatever the machine's locale and ICU data. Here, not in src/lib, because notes
 * rendered by the pipeline print dates too (a correction's "Updated 1 December 2026").
 */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (day && monthName) return `${Number(day)} ${monthName} ${year}`;
  if (monthName) return `${monthName} ${year}`;
  return year ?? iso;
}
