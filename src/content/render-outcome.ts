/**
 * What rendering one article gives back, as plain data that crosses a thread boundary
 * (structured clone) unchanged: the article, the content problems, or an unexpected error.
 * `articleOrThrow` turns an outcome back into what calling `renderArticle` inline gives: the article,
 * or a thrown `ContentError` with the same messages (so the same text), or the same error.
 */
import { ContentError } from '../pipeline/messages.ts';
import type { ArticleInput } from '../pipeline/render-article.ts';
import type { ContentMessage, RenderedArticle } from '../pipeline/types.ts';

export type RenderOutcome =
  | { kind: 'ok'; article: RenderedArticle }
  | { kind: 'content-error'; messages: ContentMessage[] }
  | { kind: 'error'; name: string; message: string; stack?: string };

export interface RenderRequest {
  index: number;
  input: ArticleInput;
}

export function outcomeOf(render: () => RenderedArticle): RenderOutcome {
  try {
    return { kind: 'ok', article: render() };
  } catch (error) {
    if (error instanceof ContentError) return { kind: 'content-error', messages: error.messages };
    return errorOutcome(error);
  }
}

export function errorOutcome(error: unknown): RenderOutcome {
  if (error instanceof Error) return { kind: 'error', name: error.name, message: error.message, ...(error.stack ? { stack: error.stack } : {}) };
  return { kind: 'error', name: 'Error', message: String(error) };
}

/** The article, or the error `renderArticle` threw (rebuilt from its data). */
export function articleOrThrow(outcome: RenderOutcome): RenderedArticle {
  if (outcome.kind === 'ok') return outcome.article;
  if (outcome.kind === 'content-error') throw new ContentError(outcome.messages);
  const error = new Error(outcome.message);
  error.name = outcome.name;
  if (outcome.stack) error.stack = outcome.stack;
  throw error;
}
