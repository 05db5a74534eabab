/**
 * `<editor-content-errors>`: the content's errors, shown at the top of the page the editor is
 * looking at, each with its file, line, column, claim id and the build's message. Filled from
 * GET /__editor/status on load and from the dev server's `editor:content` event on every edit;
 * when the errors are gone, the page reloads, so it shows the fixed content.
 */
import { EDITOR_API, sheet } from './api.ts';

interface ShownError {
  file: string;
  line: number;
  column: number;
  subject?: string;
  subjectKind?: string;
  ruleId: string;
  reason: string;
  text: string;
}

const STYLES = sheet(`
  :host { position: fixed; inset: 0 0 auto 0; z-index: 1000; font: 15px/1.45 system-ui, sans-serif; }
  section { background: #fff4f2; color: #3b0a03; border-bottom: 3px solid #b3261e; padding: .75rem 1rem; max-height: 60vh; overflow: auto; }
  h2 { font-size: 1rem; margin: 0 0 .5rem; }
  ol { margin: 0; padding-left: 1.25rem; }
  li { margin: .35rem 0; }
  code { font: 13px/1.4 ui-monospace, monospace; }
  .where { font-weight: 600; margin: 0; overflow-wrap: anywhere; }
  code { display: block; overflow-wrap: anywhere; }
  .hint { margin: .5rem 0 0; font-size: .9rem; }
`);

export class ContentErrors extends HTMLElement {
  #hadErrors = false;

  connectedCallback(): void {
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [STYLES];
    void fetch(`${EDITOR_API}status`)
      .then((response) => response.json())
      .then((status: { errors: ShownError[] }) => this.show(status.errors));
    import.meta.hot?.on('editor:content', (status: { errors: ShownError[] }) => this.show(status.errors));
  }

  show(errors: ShownError[]): void {
    const root = this.shadowRoot!;
    if (errors.length === 0) {
      root.replaceChildren();
      // The page was rendered from the content before the fix; show the fixed content.
      if (this.#hadErrors) setTimeout(() => location.reload(), 300);
      this.#hadErrors = false;
      return;
    }
    this.#hadErrors = true;
    const section = document.createElement('section');
    section.setAttribute('role', 'alert');
    section.setAttribute('aria-labelledby', 'content-errors-heading');
    const heading = document.createElement('h2');
    heading.id = 'content-errors-heading';
    heading.textContent = `The content has ${errors.length === 1 ? 'an error' : `${errors.length} errors`}; the build would stop here`;
    const list = document.createElement('ol');
    for (const error of errors) {
      const item = document.createElement('li');
      item.dataset.file = error.file;
      item.dataset.line = String(error.line);
      item.dataset.column = String(error.column);
      if (error.subject) item.dataset.subject = error.subject;
      item.dataset.rule = error.ruleId;
      // The place and the subject on their own line, then the message exactly as the build prints it.
      const where = document.createElement('p');
      where.className = 'where';
      const about = error.subject ? `${error.subjectKind === 'claim' || !error.subjectKind ? 'Claim' : error.subjectKind} “${error.subject}”, ` : '';
      where.textContent = `${about}line ${error.line}, column ${error.column} of ${error.file}`;
      const text = document.createElement('code');
      text.textContent = error.text;
      item.append(where, text);
      list.append(item);
    }
    const hint = document.createElement('p');
    hint.className = 'hint';
    hint.textContent = 'Fix the file and save it: this page reloads by itself once the content builds again.';
    section.append(heading, list, hint);
    root.replaceChildren(section);
  }
}
