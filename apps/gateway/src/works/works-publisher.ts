import { Injectable } from '@nestjs/common';
import { Client } from '@elastic/elasticsearch';
import { CatalogueIndex, WorksIndex } from '@hop-luu/search-index';
import { publishWorkChanges, WorkChanges, WorkMatchingService } from '@hop-luu/works';

/**
 * Applies a decision's changes to both indexes through the same writer the harvester uses:
 * every record whose work changed gets its `work`, every touched work its document.
 */
@Injectable()
export class WorksPublisher {
  constructor(
    private readonly matching: WorkMatchingService,
    private readonly client: Client,
    private readonly catalogue: CatalogueIndex,
    private readonly works: WorksIndex,
  ) {}

  /** A deleted source's records leave their works (its documents are gone already). */
  removeSource(sourceId: string): Promise<number> {
    return this.matching.removeSource(sourceId, (changes) => this.publish(changes));
  }

  /**
   * Answers once the change is searchable: a curator who splits or merges reads the work again
   * at once, and search is not realtime. Decisions are rare, so the refresh costs nothing.
   */
  async publish(changes: WorkChanges): Promise<void> {
    const indices = { records: this.catalogue.alias, works: this.works.alias };
    await publishWorkChanges(this.matching, this.client, indices, changes);
    await this.client.indices.refresh({ index: [indices.records, indices.works] });
  }
}
