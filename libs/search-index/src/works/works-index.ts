import { Client } from '@elastic/elasticsearch';
import { VersionedIndex } from '../versioned-index';
import { WORKS_MAPPING, WORKS_MAPPING_VERSION, WORKS_SETTINGS } from './works-mapping';

/**
 * The works index (one document per work) in versions behind the alias `<prefix>-works`,
 * kept like the catalogue (see VersionedIndex): a reindex builds both and swaps both.
 */
export class WorksIndex extends VersionedIndex {
  constructor(client: Client, indexPrefix: string) {
    super(client, `${indexPrefix}-works`, {
      settings: WORKS_SETTINGS,
      mappings: WORKS_MAPPING,
      mappingVersion: WORKS_MAPPING_VERSION,
    });
  }
}
