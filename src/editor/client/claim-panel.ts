/**
 * `<editor-claim-panel>`: select a passage of the article, get a claim skeleton from the dev
 * server (id, quote, and a prefix or suffix only when the quote is not unique, computed with the
 * build's matcher), fill in kind, rating, summary, note and topics, then copy it as YAML or add
 * it to the article's annotations.yaml. The page re-renders with the new claim when it is added.
 */
import { CLAIM_KINDS, RATINGS } from '../../pipeline/types.ts';
import type { NewClaim } from '../claim-yaml.ts';
import { post, sheet } from './api.ts';
import { readSelection, type PageSelection } from './selection.ts';

type Outcome<T> = ({ ok: true } & T) | { ok: false; messages: string[] };
type Skeleton = Outcome<{ claim: NewClaim; yaml: string; sourceIds: string[] }>;

const STYLES = sheet(`
  :host { position: fixed; right: 1rem; bottom: 1rem; z-index: 999; width: min(30rem, calc(100vw - 2rem));
    font: 15px/1.4 system-ui, sans-serif; color: #1d1d1f; }
  aside { background: #fff; border: 2px solid #3a4a8a; border-radius: 6px; padding: .75rem; max-height: 85vh; overflow: auto;
    box-shadow: 0 4px 18px rgb(0 0 0 / .2); }
  aside[hidden] { display: none; }
  h2 { font-size: 1rem; margin: 0 0 .5rem; }
  label, .yaml-label { display: block; margin: .4rem 0 .15rem; font-weight: 600; font-size: .85rem; }
  input, select, textarea { width: 100%; box-sizing: border-box; font: inherit; padding: .25rem; }
  textarea { min-height: 4.5rem; }
  .quote { font-style: italic; margin: 0; }
  .context { font-size: .85rem; color: #444; margin: .25rem 0 0; }
  pre { background: #f3f3f6; padding: .5rem; font-size: 12px; white-space: pre-wrap; max-height: 12rem; overflow: auto; }
  .buttons { display: flex; flex-wrap: wrap; gap: .5rem; margin-top: .6rem; }
  button { font: inherit; padding: .3rem .7rem; }
  .cite { font-size: .8rem; padding: .1rem .4rem; }
  .problems { color: #8a1209; margin: .5rem 0 0; padding-left: 1.1rem; }
  .problems li { overflow-wrap: anywhere; }
  .done { color: #0b5a1d; font-weight: 600; }
`);

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node: HTMLElementTagNameMap[K] = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

export class ClaimPanel extends HTMLElement {
  slug = '';
  #panel = element('aside', { hidden: true });
  #selection: PageSelection | undefined;
  #editing = false;

  connectedCallback(): void {
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [STYLES];
    this.#panel.setAttribute('aria-label', 'Claim editor (dev server only)');
    root.append(this.#panel);
    let timer: ReturnType<typeof setTimeout> | undefined;
    document.addEventListener('selectionchange', () => {
      clearTimeout(timer);
      timer = setTimeout(() => this.#onSelection(), 200);
    });
  }

  #onSelection(): void {
    if (this.#editing) return;
    const read = readSelection(document.getSelection());
    if (read === undefined) {
      this.#selection = undefined;
      this.#panel.hidden = true;
      return;
    }
    this.#panel.hidden = false;
    if (typeof read === 'string') {
      this.#selection = undefined;
      this.#panel.replaceChildren(element('h2', { textContent: 'Make a claim' }), this.#problems([read]));
      return;
    }
    this.#selection = read;
    const start = element('button', { type: 'button', textContent: 'Make a claim of this passage' });
    start.addEventListener('click', () => void this.#start());
    this.#panel.replaceChildren(
      element('h2', { textContent: 'Make a claim' }),
      element('p', { className: 'quote', textContent: `“${read.selected.trim()}”` }),
      element('div', { className: 'buttons' }, start),
    );
  }

  #problems(messages: string[]): HTMLUListElement {
    const list = element('ul', { className: 'problems' });
    list.setAttribute('role', 'alert');
    for (const message of messages) list.append(element('li', { textContent: message }));
    return list;
  }

  async #start(): Promise<void> {
    if (!this.#selection) return;
    const skeleton = await post<Skeleton>('skeleton', { slug: this.slug, ...this.#selection });
    if (!skeleton.ok) {
      this.#panel.append(this.#problems(skeleton.messages));
      return;
    }
    this.#editing = true;
    this.#form(skeleton.claim, skeleton.sourceIds, skeleton.yaml);
  }

  #form(claim: NewClaim, sourceIds: string[], yaml: string): void {
    const field = <T extends HTMLElement>(label: string, name: string, control: T): [HTMLLabelElement, T] => {
      control.id = `claim-${name}`;
      control.setAttribute('name', name);
      return [element('label', { htmlFor: control.id, textContent: label }), control];
    };
    const id = element('input', { value: claim.id, required: true });
    const kind = element('select', {}, element('option', { value: '', textContent: '(choose)' }), ...CLAIM_KINDS.map((k) => element('option', { value: k, textContent: k })));
    const rating = element('select', {}, element('option', { value: '', textContent: '(none: opinion or prediction)' }), ...RATINGS.map((r) => element('option', { value: r, textContent: r })));
    const summary = element('input');
    const note = element('textarea');
    const topics = element('input', { placeholder: 'e.g. sanctions, energy-prices' });
    const preview = element('pre', { textContent: yaml });
    const status = element('div');
    status.setAttribute('role', 'status');

    const current = (): NewClaim => ({
      id: id.value.trim(),
      quote: claim.quote,
      ...(claim.prefix ? { prefix: claim.prefix } : {}),
      ...(claim.suffix ? { suffix: claim.suffix } : {}),
      kind: kind.value as NewClaim['kind'],
      rating: rating.value as NewClaim['rating'],
      summary: summary.value,
      note: note.value,
      topics: topics.value.split(/[\s,]+/).filter(Boolean),
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    this.#panel.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const answer = await post<Outcome<{ yaml: string }>>('yaml', current());
        if (answer.ok) preview.textContent = answer.yaml;
      }, 150);
    });

    const cites = sourceIds.map((sourceId) => {
      const button = element('button', { type: 'button', className: 'cite', textContent: `[^${sourceId}]` });
      button.setAttribute('aria-label', `Cite source ${sourceId} in the note`);
      button.addEventListener('click', () => {
        note.setRangeText(`[^${sourceId}]`, note.selectionStart, note.selectionEnd, 'end');
        note.dispatchEvent(new Event('input', { bubbles: true }));
        note.focus();
      });
      return button;
    });

    const copy = element('button', { type: 'button', textContent: 'Copy YAML' });
    copy.addEventListener('click', async () => {
      await navigator.clipboard.writeText(preview.textContent ?? '');
      status.replaceChildren(element('p', { className: 'done', textContent: 'Copied: paste it under claims: in annotations.yaml.' }));
    });
    const add = element('button', { type: 'button', textContent: 'Add to annotations.yaml' });
    add.addEventListener('click', async () => {
      const outcome = await post<Outcome<{ file: string }>>('claims', { slug: this.slug, claim: current() });
      if (!outcome.ok) {
        status.replaceChildren(this.#problems(outcome.messages));
        return;
      }
      status.replaceChildren(element('p', { className: 'done', textContent: `Added to ${outcome.file}; the page reloads with it.` }));
      // The content loader re-renders on the file change and the dev server reloads the page.
      setTimeout(() => location.reload(), 4000);
    });
    const cancel = element('button', { type: 'button', textContent: 'Cancel' });
    cancel.addEventListener('click', () => {
      this.#editing = false;
      this.#panel.hidden = true;
    });

    this.#panel.replaceChildren(
      element('h2', { textContent: 'New claim' }),
      element('p', { className: 'quote', textContent: `“${claim.quote}”` }),
      ...(claim.prefix || claim.suffix
        ? [element('p', { className: 'context', textContent: `Not unique alone: anchored by ${[claim.prefix && `prefix “${claim.prefix}”`, claim.suffix && `suffix “${claim.suffix}”`].filter(Boolean).join(' and ')}.` })]
        : []),
      ...field('Id', 'id', id),
      ...field('Kind', 'kind', kind),
      ...field('Rating', 'rating', rating),
      ...field('Summary (one plain sentence)', 'summary', summary),
      ...field('Note (Markdown; cite sources as [^id])', 'note', note),
      ...(cites.length ? [element('div', { className: 'buttons' }, ...cites)] : []),
      ...field('Topics', 'topics', topics),
      element('p', { className: 'yaml-label', textContent: 'YAML, as it will be written' }),
      preview,
      element('div', { className: 'buttons' }, add, copy, cancel),
      status,
    );
    kind.focus();
  }
}
