import { Injectable } from '@nestjs/common';
import { Client } from '@elastic/elasticsearch';
import {
  CATALOGUE_FIELDS as FIELD,
  CatalogueDocument,
  CatalogueIndex,
  queryForms,
  SEARCH_TIMEOUT,
} from '@hop-luu/search-index';
import { refuseTimedOut } from './catalogue.errors';
import { toRecord, workFactsOf } from './record.mapper';
import { CatalogueRecordType } from './record.types';
import { Cluster, Suggestion } from './search.types';

const MAX_CLUSTER_MEMBERS = 500;

/** Record lookups by id and by work (with each member's evidence), and title suggestions. */
@Injectable()
export class RecordsService {
  constructor(
    private readonly client: Client,
    private readonly catalogue: CatalogueIndex,
  ) {}

  /** Records in the order of `ids`; null where an id is unknown (one round trip: DataLoader batches into this). */
  async byIds(ids: readonly string[]): Promise<(CatalogueRecordType | null)[]> {
    if (ids.length === 0) return [];
    const response = await this.client.mget<CatalogueDocument>({
      index: this.catalogue.alias,
      ids: [...ids],
    });
    return response.docs.map((doc) =>
      'found' in doc && doc.found && doc._source ? toRecord(doc._source) : null,
    );
  }

  async cluster(key: string): Promise<Cluster | null> {
    const response = await this.client.search<CatalogueDocument>({
      index: this.catalogue.alias,
      query: { term: { [FIELD.workId]: key } },
      sort: [{ [FIELD.libraryKind]: 'asc' }, { [FIELD.id]: 'asc' }],
      size: MAX_CLUSTER_MEMBERS,
      timeout: SEARCH_TIMEOUT,
    });
    refuseTimedOut(response);
    const docs = response.hits.hits.map((hit) => hit._source!);
    if (docs.length === 0) return null;
    const members = docs.map((doc) => {
      const { rule, facts, joinedWith, decisionId } = workFactsOf(doc);
      return { record: toRecord(doc), rule, facts, joinedWith, decisionId };
    });
    const records = members.map((member) => member.record);
    return { id: key, evidence: records[0].cluster, records, members };
  }

  /** Title completions for a prefix typed with or without diacritics. */
  async suggest(prefix: string, size: number): Promise<Suggestion[]> {
    const { exact } = queryForms(prefix);
    if (!exact.trim()) return [];
    const response = await this.client.search<CatalogueDocument>({
      index: this.catalogue.alias,
      _source: ['id', 'title'],
      timeout: SEARCH_TIMEOUT,
      suggest: {
        titles: {
          prefix: exact,
          completion: { field: FIELD.suggest, size, skip_duplicates: true },
        },
      },
    });
    const options = response.suggest?.titles?.[0]?.options;
    const list = Array.isArray(options) ? options : [];
    return list.map((option) => {
      const source = (option as { _source?: CatalogueDocument })._source;
      return { title: source?.title ?? option.text, recordId: source?.id ?? '' };
    });
  }
}
