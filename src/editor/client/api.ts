/** Calls to the dev server's `/__editor/` endpoints. */
export const EDITOR_API = `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}__editor/`;

export async function post<T>(action: string, body: unknown): Promise<T> {
  const response = await fetch(`${EDITOR_API}${action}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as T;
}

/** A style sheet for a shadow root (no inline style attributes, no <style> to allow). */
export function sheet(css: string): CSSStyleSheet {
  const styles = new CSSStyleSheet();
  styles.replaceSync(css);
  return styles;
}
