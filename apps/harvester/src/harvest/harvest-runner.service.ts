import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client } from '@elastic/elasticsearch';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { AppConfig, APP_CONFIG } from '@hop-luu/config';
import {
  HarvestRun,
  MAX_ERRORS_PER_RUN,
  PageProgress,
  RunLifecycleService,
} from '@hop-luu/harvest-runs';
import {
  HostThrottle,
  isOaiPmhError,
  ListRequest,
  nextFrom,
  OaiErrorCode,
  OaiPmhClient,
  OaiPage,
  OaiRecord,
  PageEnd,
} from '@hop-luu/oai-pmh';
import { CatalogueIndex, WorksIndex } from '@hop-luu/search-index';
import { WorkMatchingService } from '@hop-luu/works';
import {
  createOaiClient,
  identifyFacts,
  libraryOf,
  Source,
  SourcesService,
} from '@hop-luu/sources';
import { RUN_FINISHED, RunFinishedEvent } from '../events/harvest-events';
import { HarvestMetrics } from '../metrics/harvest-metrics';
import { RawRecordsService } from '../raw-records/raw-records.service';
import { OutageGate } from '../runs/outage-gate';
import { ClaimedRun, RunQueueService } from '../runs/run-queue.service';
import { xmlLimitsOf } from './index-action';
import { PageCounts, RecordBatcher } from './record-batcher';
import { describeFailure, ListOutcome, RunInterruptedError, statusOf } from './run-outcome';
import { WriteQueue } from './write-queue';

/** Batches prepared ahead of the ones being written: enough to keep Elasticsearch busy, little memory. */
const WRITE_QUEUE_DEPTH = 4;
/** Bulk requests of one page in flight at once (Elasticsearch indexes them on separate threads). */
const WRITE_CONCURRENCY = 2;

/** Where a list's records go, and the signal that stops it when the source's lock is lost. */
interface ListWriting {
  readonly batcher: RecordBatcher;
  readonly writes: WriteQueue;
  readonly lockLost: AbortSignal;
}

/** One list to harvest: a set (or the whole repository) from a starting point. */
interface ListStart {
  readonly set: string | undefined;
  readonly resumptionToken: string | null;
}

/**
 * Executes one claimed run: Identify, then ListRecords page by page. Each page is indexed,
 * its raw records stored, then the run checkpointed, in that order, so a crash repeats at
 * most one page. The source's high-water mark moves only when the list completes.
 */
@Injectable()
export class HarvestRunnerService {
  private readonly logger = new Logger(HarvestRunnerService.name);
  private stopping = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sources: SourcesService,
    private readonly queue: RunQueueService,
    private readonly lifecycle: RunLifecycleService,
    private readonly rawRecords: RawRecordsService,
    private readonly elasticsearch: Client,
    private readonly catalogue: CatalogueIndex,
    private readonly worksIndex: WorksIndex,
    private readonly works: WorkMatchingService,
    private readonly throttle: HostThrottle,
    private readonly metrics: HarvestMetrics,
    private readonly outages: OutageGate,
    private readonly events: EventEmitter2,
  ) {}

  /** Running lists stop at their next page boundary and are queued for resumption. */
  stopAtNextPage(): void {
    this.stopping = true;
  }

  async execute(claimed: ClaimedRun): Promise<HarvestRun> {
    const finished = await this.executeLocked(claimed);
    this.events.emit(RUN_FINISHED, finished satisfies RunFinishedEvent);
    return finished;
  }

  private async executeLocked({ run, lock }: ClaimedRun): Promise<HarvestRun> {
    const stopTimer = this.metrics.runDuration.startTimer();
    let client: OaiPmhClient | undefined;
    try {
      const source = await this.sources.get(run.sourceId);
      client = createOaiClient(this.config, source.baseUrl, { hostThrottle: this.throttle });
      const finished = await this.harvest(run, source, client, lock.lost);
      this.logger.log(
        `[${run.sourceId}] run ${run.id} ${finished.status}: ${finished.recordsSeen} seen, ` +
          `${finished.recordsIndexed} indexed, ${finished.recordsUnchanged} unchanged, ` +
          `${finished.recordsDeleted} deleted, ${finished.recordsFailed} failed`,
      );
      return finished;
    } catch (error) {
      return await this.fail(run, error);
    } finally {
      client?.close();
      await lock.close();
      stopTimer();
    }
  }

  private async harvest(
    run: HarvestRun,
    source: Source,
    client: OaiPmhClient,
    lockLost: AbortSignal,
  ): Promise<HarvestRun> {
    const identify = await client.identify();
    await this.sources.recordIdentify(source.id, identifyFacts(identify));
    // The next `from` comes from the server's clock at the start of the (original) run.
    const serverStart = run.serverStartTime ?? identify.responseDate;
    const from = run.resumeToken
      ? run.fromDate
      : run.mode === 'incremental'
        ? source.highWaterMark
        : null;
    await this.lifecycle.start(run.id, serverStart, from);
    await this.catalogue.ensure();
    await this.worksIndex.ensure();
    const outcome = await this.harvestLists(run, source, client, from, lockLost);
    // A finished run's works are searchable when it says so, not up to a refresh interval later.
    await this.worksIndex.refresh();
    // Without its lock the run is no longer this process's to finish.
    lockLost.throwIfAborted();
    const status = statusOf(outcome);
    const finished = await this.queue.finish(
      run.id,
      status,
      outcome.incompleteMessage
        ? { code: OaiErrorCode.IncompleteList, message: outcome.incompleteMessage }
        : undefined,
    );
    if (finished.status === 'succeeded' || finished.status === 'partial') {
      await this.sources.setHighWaterMark(source.id, nextFrom(serverStart, identify.granularity));
    }
    this.metrics.runs.inc({ status: finished.status });
    return finished;
  }

  private async harvestLists(
    run: HarvestRun,
    source: Source,
    client: OaiPmhClient,
    from: Date | null,
    lockLost: AbortSignal,
  ): Promise<ListOutcome> {
    const sets: (string | undefined)[] = source.sets.length > 0 ? source.sets : [undefined];
    const first = Math.max(0, run.currentSet ? sets.indexOf(run.currentSet) : 0);
    // A lost lock stops every write not yet started: another harvester may own the run now.
    const writes = new WriteQueue(WRITE_QUEUE_DEPTH, WRITE_CONCURRENCY, lockLost);
    const batcher = new RecordBatcher(
      {
        sourceId: source.id,
        metadataPrefix: source.metadataPrefix,
        library: libraryOf(source),
        indices: { records: this.catalogue.alias, works: this.worksIndex.alias },
        xmlLimits: xmlLimitsOf(this.config),
      },
      this.elasticsearch,
      this.rawRecords,
      this.works,
      writes,
      MAX_ERRORS_PER_RUN - run.errors.length,
    );
    let failedRecords = 0;
    let incompleteMessage: string | undefined;
    try {
      for (let i = first; i < sets.length; i++) {
        const start: ListStart = {
          set: sets[i],
          resumptionToken: i === first ? run.resumeToken : null,
        };
        const list = { batcher, writes, lockLost };
        const outcome = await this.harvestList(run, source, client, list, start, from);
        lockLost.throwIfAborted();
        failedRecords += outcome.failedRecords;
        incompleteMessage ??= outcome.incompleteMessage;
        if (outcome.cancelled) return { cancelled: true, failedRecords };
      }
      return { cancelled: false, failedRecords, incompleteMessage };
    } finally {
      // However the run ends, the large works it touched are written before it is reported.
      await batcher.publishDeferred().catch((error: unknown) => {
        this.logger.warn(
          `[${source.id}] run ${run.id}: large works left for the next run to write: ${String(error)}`,
        );
      });
    }
  }

  private async harvestList(
    run: HarvestRun,
    source: Source,
    client: OaiPmhClient,
    list: ListWriting,
    start: ListStart,
    from: Date | null,
  ): Promise<ListOutcome> {
    const fresh: ListRequest = {
      metadataPrefix: source.metadataPrefix,
      from: from ?? undefined,
      until: run.untilDate ?? undefined,
      set: start.set,
    };
    const request: ListRequest = start.resumptionToken
      ? { resumptionToken: start.resumptionToken }
      : fresh;
    try {
      return await this.pageThrough(run, client.listRecords(request), list, start.set);
    } catch (error) {
      if (!start.resumptionToken || !isOaiPmhError(error, OaiErrorCode.ResumeTokenRejected))
        throw error;
      // The source forgot the interrupted list: start it again from the high-water mark.
      const restart = { ...fresh, from: source.highWaterMark ?? undefined };
      this.logger.warn(
        `[${source.id}] run ${run.id}: saved token refused; restarting the list incrementally`,
      );
      await this.lifecycle.appendErrors(run.id, [
        {
          code: error.code,
          message: `${error.message} Restarted the list from the high-water mark.`,
          at: new Date().toISOString(),
        },
      ]);
      return this.pageThrough(run, client.listRecords(restart), list, start.set);
    }
  }

  /**
   * Reads pages while the previous page's writes finish: the next page is fetched and its
   * records normalised ahead, but a page's writes start only after the page before it is
   * checkpointed, so a crash repeats at most one page.
   */
  private async pageThrough(
    run: HarvestRun,
    pages: AsyncGenerator<OaiPage<OaiRecord>>,
    { batcher, writes, lockLost }: ListWriting,
    set: string | undefined,
  ): Promise<ListOutcome> {
    let failedRecords = 0;
    let cancelled = false;
    let upcoming = pages.next();
    try {
      for (
        let step = await unlessAborted(upcoming, lockLost);
        !step.done;
        step = await unlessAborted(upcoming, lockLost)
      ) {
        const page = step.value;
        const counts = batcher.startPage();
        for await (const item of page.items()) {
          lockLost.throwIfAborted();
          if (item.kind === 'record') await batcher.add(item.record);
          else batcher.addUnreadable(item.identifier, item.reason, item.code);
        }
        const end = page.end();
        // The next page downloads while this one's last records are normalised and written.
        upcoming = pages.next();
        upcoming.catch(() => undefined); // awaited at the top of the loop; this only defers the error
        await batcher.flush();
        await writes.pushBarrier(async () => {
          await batcher.storedAll();
          lockLost.throwIfAborted();
          failedRecords += counts.failed;
          cancelled = !(await this.lifecycle.checkpoint(run.id, progressOf(end, counts, set)));
          this.metrics.recordPage(counts, end.stats.retries);
        });
        if (cancelled || (this.stopping && !end.lastPage)) {
          await writes.drain();
          await upcoming.catch(() => undefined);
          await pages.return(undefined);
          if (cancelled) return { cancelled, failedRecords };
          throw new RunInterruptedError(run.id);
        }
      }
      await writes.drain();
    } catch (error) {
      // The page fetched ahead holds the host's one request slot: close it once it arrives
      // (the generator's own cleanup does), without waiting for a slow source.
      void pages.return(undefined).catch(() => undefined);
      // Pages already read are written and checkpointed before the run ends, whatever broke.
      await writes.drain();
      if (!isOaiPmhError(error, OaiErrorCode.IncompleteList)) throw error;
      return { cancelled, failedRecords, incompleteMessage: error.message };
    }
    return { cancelled, failedRecords };
  }

  private async fail(run: HarvestRun, error: unknown): Promise<HarvestRun> {
    const failure = describeFailure(error);
    this.logger.error(
      `[${run.sourceId}] run ${run.id} failed: ${failure.code}: ${failure.message}`,
    );
    // Before the resume is queued: no worker may claim it while the service is still down.
    this.outages.report(failure.code);
    const closed = failure.resume ? await this.queue.closeForResume(run.id, failure) : null;
    // Not resumable, or already closed by another harvester (then this only reads the row).
    const finished = closed ?? (await this.queue.finish(run.id, 'failed', failure));
    this.metrics.runs.inc({ status: finished.status });
    return finished;
  }
}

/** Resolves as `promise` does, or rejects with the signal's reason as soon as it aborts. */
function unlessAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

function progressOf(end: PageEnd, counts: PageCounts, set: string | undefined): PageProgress {
  return {
    recordsSeen: end.stats.items,
    recordsIndexed: counts.indexed,
    recordsUnchanged: counts.unchanged,
    recordsDeleted: counts.deleted,
    recordsFailed: counts.failed,
    bytes: end.stats.bytes,
    requests: end.stats.requests,
    retries: end.stats.retries,
    invalidBytesReplaced: end.stats.invalidBytesReplaced,
    lastToken: end.resumptionToken?.value || null,
    currentSet: set ?? null,
    completeListSize: end.resumptionToken?.completeListSize ?? null,
    // Source warnings (each once per list) are kept with the run's error samples.
    errors: [
      ...end.warnings.map((w) => ({ ...w, at: new Date().toISOString() })),
      ...counts.errors,
    ],
  };
}
