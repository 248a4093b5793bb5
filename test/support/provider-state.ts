import type { Repository } from '@hop-luu/oai-test-provider';

/** Catalogue document ids the provider's live (not deleted) records should produce. */
export function expectedIds(repo: Repository, sourceId: string): string[] {
  const entries = repo.query({});
  return entries
    .slice(0, entries.length)
    .filter((entry) => !entry.deleted)
    .map((entry) => `${sourceId}:${entry.identifier}`)
    .sort();
}
