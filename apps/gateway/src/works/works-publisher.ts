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

  publish(changes: WorkChanges): Promise<void> {
    return publishWorkChanges(
      this.matching,
      this.client,
      {
        records: this.catalogue.alias,
        works: this.works.alias,
      },
      changes,
    );
  }
}
