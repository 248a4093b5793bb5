import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { NotificationsService } from '@hop-luu/database';
import { AnswerCache } from '../graphql/answer-cache/answer-cache';
import { SearchCache } from './search-cache';

/** Carries the reason for the change; every gateway replica listens. */
export const CATALOGUE_CHANGED_CHANNEL = 'hopluu_catalogue_changed';

/**
 * Keeps every gateway replica's caches true to a change that must show at once (a source
 * deleted): this replica forgets its cached searches and answers, and announces the change
 * over PostgreSQL NOTIFY so the other replicas forget theirs. Harvests are not announced; they
 * show within GATEWAY_SEARCH_CACHE_SECONDS, as documented.
 */
@Injectable()
export class CatalogueChangesService implements OnApplicationBootstrap {
  private readonly logger = new Logger(CatalogueChangesService.name);

  constructor(
    private readonly notifications: NotificationsService,
    private readonly searchCache: SearchCache,
    private readonly answerCache: AnswerCache,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.notifications.subscribe(
      CATALOGUE_CHANGED_CHANNEL,
      (reason) => this.forget(reason),
      // Announcements sent while the connection was down are lost: forget everything then.
      () => this.forget('listening again after a lost database connection'),
    );
  }

  /** Call once the change is in the index: a replica asked before then would cache it again. */
  async announce(reason: string): Promise<void> {
    this.forget(reason);
    await this.notifications.notify(CATALOGUE_CHANGED_CHANNEL, reason);
  }

  private forget(reason: string): void {
    this.logger.log(`forgetting cached searches and answers: ${reason}`);
    this.searchCache.clear(reason);
    this.answerCache.clear(reason);
  }
}
