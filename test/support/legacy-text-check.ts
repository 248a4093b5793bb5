import { INestApplicationContext } from '@nestjs/common';
import { Client } from '@elastic/elasticsearch';
import { CatalogueIndex } from '@hop-luu/search-index';
import type { Repository } from '@hop-luu/oai-test-provider';
import { legacyTextFor, type LegacyTextMode } from '@hop-luu/oai-test-provider/legacy-text';

interface IndexedText {
  oaiIdentifier: string;
  title: string;
  creators: string[];
  warnings: string[];
}

/** Title, creators and warnings of each indexed document of one source, by OAI identifier. */
export async function indexedTexts(
  app: INestApplicationContext,
  sourceId: string,
): Promise<Map<string, IndexedText>> {
  const catalogue = app.get(CatalogueIndex);
  await catalogue.refresh();
  const response = await app.get(Client).search<IndexedText>({
    index: catalogue.alias,
    query: { term: { sourceId } },
    _source: ['oaiIdentifier', 'title', 'creators', 'warnings'],
    size: 10_000,
  });
  const docs = response.hits.hits.map((hit) => hit._source!);
  return new Map(docs.map((doc) => [doc.oaiIdentifier, doc]));
}

/** What each of the repository's live records should look like once indexed in `mode`. */
export function expectedTexts(
  repo: Repository,
  mode: LegacyTextMode,
): Map<string, { title: string; creator: string }> {
  const entries = repo.query({});
  const live = entries.slice(0, entries.length).filter((entry) => !entry.deleted);
  return new Map(
    live.map((entry) => {
      const { title, creator } = legacyTextFor(mode, entry.index ?? 0);
      return [entry.identifier, { title: title[1], creator: creator[1] }];
    }),
  );
}

/** Ids of one source's documents that a free-text search for `words` (all of them) finds. */
export async function searchIds(
  app: INestApplicationContext,
  sourceId: string,
  words: string,
): Promise<string[]> {
  const catalogue = app.get(CatalogueIndex);
  const response = await app.get(Client).search({
    index: catalogue.alias,
    query: {
      bool: {
        filter: [{ term: { sourceId } }],
        must: [{ match: { 'search.all': { query: words, operator: 'and' } } }],
      },
    },
    _source: false,
    size: 10_000,
  });
  return response.hits.hits.map((hit) => hit._id!).sort();
}
