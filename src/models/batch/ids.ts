import { createHash } from 'node:crypto';
import type { BatchRequest } from './types.js';

const SLUG_CHARS = 16;
const HASH_CHARS = 24;

/**
 * A batch custom id for one call, deterministic so that a resumed run asks for the same ids:
 * a readable slug of `label` (the item id, for a person reading the provider's console) and
 * 96 bits of SHA-256 over every part. At most 41 characters of [a-zA-Z0-9_-], which fits
 * Anthropic's 1-64 and OpenAI's rules. Include in `parts` whatever makes two calls different
 * (epoch, candidate or judge, a digest of the request): equal parts mean the same call.
 */
export function customIdFor(label: string, ...parts: Array<string | number>): string {
  const slug = label.replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, SLUG_CHARS) || 'call';
  const hash = createHash('sha256')
    .update(JSON.stringify([label, ...parts]))
    .digest('hex')
    .slice(0, HASH_CHARS);
  return `${slug}-${hash}`;
}

/**
 * Throws when two requests share a custom id: a batch refuses duplicates, and results could not
 * be mapped back. With 96-bit hashes this means the caller gave two calls the same parts.
 */
export function assertUniqueIds(requests: readonly BatchRequest[]): void {
  const seen = new Set<string>();
  for (const { customId } of requests) {
    if (seen.has(customId)) throw new Error(`duplicate batch custom id ${customId}: two calls were given the same id parts`);
    seen.add(customId);
  }
}
