/**
 * The dev server's editor script (injected by src/integrations/editor-tools.ts in `astro dev`
 * only): the content's errors on every page, and select-to-claim on article pages.
 */
import { ContentErrors } from './content-errors.ts';
import { ClaimPanel } from './claim-panel.ts';

customElements.define('editor-content-errors', ContentErrors);
customElements.define('editor-claim-panel', ClaimPanel);

document.body.append(document.createElement('editor-content-errors'));
const slug = /\/articles\/([a-z0-9-]+)\/$/.exec(location.pathname)?.[1];
if (slug && document.querySelector('.article-body')) {
  const panel = document.createElement('editor-claim-panel') as ClaimPanel;
  panel.slug = slug;
  document.body.append(panel);
}
