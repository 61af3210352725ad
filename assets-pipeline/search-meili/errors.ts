// Turns what the Meilisearch client throws into one line a curator can act on.
import { MeilisearchApiError, MeilisearchRequestError, MeilisearchRequestTimeOutError } from 'meilisearch';

/** `https://user:secret@host/` → `https://***@host/`, everywhere in a message. */
export function maskCredentials(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^/\s?#]*@/gi, '$1***@');
}

/** A failure the indexer explains itself (no stack trace needed). */
export class IndexError extends Error {}

export function explain(err: unknown, host: string): string {
  return maskCredentials(describe(err, maskCredentials(host)));
}

function describe(err: unknown, host: string): string {
  if (err instanceof IndexError) return err.message;
  if (err instanceof MeilisearchApiError) {
    const code = err.cause?.code ?? String(err.response.status);
    if (code === 'invalid_api_key' || code === 'missing_authorization_header' || err.response.status === 401 || err.response.status === 403) {
      return `Meilisearch at ${host} refused the admin key (${code}): check HERITAGE_MEILI_ADMIN_KEY`;
    }
    return `Meilisearch at ${host} answered ${err.response.status} ${code}: ${err.cause?.message ?? err.message}`;
  }
  if (err instanceof MeilisearchRequestTimeOutError) return `Meilisearch at ${host} did not answer in time`;
  if (err instanceof MeilisearchRequestError) {
    const cause = (err.cause as { cause?: { code?: string } } | undefined)?.cause?.code;
    return `Meilisearch at ${host} is not reachable${cause ? ` (${cause})` : ''}: is the server running? (HERITAGE_MEILI_HOST)`;
  }
  return err instanceof Error ? err.message : String(err);
}
