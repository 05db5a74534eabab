/**
 * Editors' tools in `npm run dev`, and only there (docs/editing.md): on every page, a script
 * that shows the content's errors where the editor is looking; on article pages, a panel that
 * turns a selected passage into a claim. The script talks to endpoints under `/__editor/` that
 * this integration adds to the dev server. `astro build` gets none of it: the script is injected
 * and the endpoints added only when the command is `dev`.
 *
 *   GET  /__editor/status    the content's errors, as the build reports them
 *   POST /__editor/skeleton  { slug, blockId, before, selected } → a claim skeleton, or why not
 *   POST /__editor/yaml      a claim → its YAML, to copy
 *   POST /__editor/claims    { slug, claim } → adds the claim to the article's annotations.yaml
 *
 * When a file under the articles root changes, the errors are sent to the pages over Vite's
 * HMR socket (event `editor:content`), so the page shows them, and recovers when they are fixed.
 */
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AstroIntegration } from 'astro';
import { addClaim, claimSkeleton } from '../editor/claim-service.ts';
import { claimYaml, type NewClaim } from '../editor/claim-yaml.ts';
import { contentErrors } from '../editor/content-status.ts';

export interface EditorToolsOptions {
  /** The articles root, as the content loader is given it (e.g. `content/articles`). */
  articles: string;
}

const CLIENT = fileURLToPath(new URL('../editor/client/editor-tools.ts', import.meta.url));

async function readJson(request: IncomingMessage): Promise<unknown> {
  let body = '';
  for await (const chunk of request) body += chunk;
  return JSON.parse(body || '{}');
}

function send(response: ServerResponse, status: number, data: unknown): void {
  response.statusCode = status;
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.setHeader('Cache-Control', 'no-store');
  response.end(JSON.stringify(data));
}

export default function editorTools({ articles }: EditorToolsOptions): AstroIntegration {
  const root = resolve(articles);
  return {
    name: 'editor-tools',
    hooks: {
      'astro:config:setup': ({ command, injectScript }) => {
        if (command !== 'dev') return;
        injectScript('page', `import ${JSON.stringify(CLIENT)};`);
      },
      'astro:server:setup': ({ server, logger }) => {
        const status = () => ({ errors: contentErrors(root) });
        let timer: ReturnType<typeof setTimeout> | undefined;
        server.watcher.add(root);
        server.watcher.on('all', (_event, path) => {
          if (!path.startsWith(root + sep) || path.endsWith('.tmp')) return;
          clearTimeout(timer);
          timer = setTimeout(() => server.ws.send({ type: 'custom', event: 'editor:content', data: status() }), 150);
        });

        server.middlewares.use(async (request, response, next) => {
          const path = new URL(request.url ?? '/', 'http://localhost').pathname;
          const at = path.indexOf('/__editor/');
          if (at === -1) return next();
          const action = path.slice(at + '/__editor/'.length);
          try {
            if (request.method === 'GET' && action === 'status') return send(response, 200, status());
            if (request.method !== 'POST') return send(response, 405, { ok: false, messages: ['POST only'] });
            const body = (await readJson(request)) as Record<string, unknown>;
            if (action === 'skeleton') {
              const { slug, blockId, before, selected } = body as Record<string, string>;
              return send(response, 200, claimSkeleton(root, { slug: slug!, blockId: blockId!, before: before ?? '', selected: selected ?? '' }));
            }
            if (action === 'yaml') return send(response, 200, { ok: true, yaml: claimYaml(body as unknown as NewClaim) });
            if (action === 'claims') {
              const outcome = addClaim(root, String(body.slug), body.claim as NewClaim);
              if (outcome.ok) logger.info(`added claim "${(body.claim as NewClaim).id}" to ${outcome.file}`);
              return send(response, outcome.ok ? 200 : 422, outcome);
            }
            return send(response, 404, { ok: false, messages: [`no editor action "${action}"`] });
          } catch (error) {
            logger.error(String(error));
            return send(response, 500, { ok: false, messages: [error instanceof Error ? error.message : String(error)] });
          }
        });
      },
    },
  };
}
