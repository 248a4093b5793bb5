/**
 * Builds (or reuses) the bench:search catalogue index (the real mapping via
 * CatalogueIndex.ensure(), documents from search-corpus.ts written with writeBulk) and the
 * works index built from it.
 */
import { Client } from '@elastic/elasticsearch';
import { CatalogueIndex, rebuildWorks, WorksIndex, writeBulk } from '@hop-luu/search-index';
import { corpusBatches, CorpusDoc } from './search-corpus';

export interface BuildOptions {
  readonly records: number;
  readonly batchSize: number;
  /** Bulk requests in flight at once: 2 keeps Elasticsearch busy while the next batch is built. */
  readonly inFlight: number;
  readonly log: (line: string) => void;
}

export interface BuildReport {
  readonly reused: boolean;
  readonly docs: number;
  readonly seconds: number;
  readonly docsPerSecond: number;
  readonly failures: number;
}

async function aliasCount(client: Client, index: CatalogueIndex): Promise<number> {
  if (!(await client.indices.existsAlias({ name: index.alias }))) return 0;
  await index.refresh();
  return (await client.count({ index: index.alias })).count;
}

/** A partial or outdated index is dropped and rebuilt, never topped up. */
async function dropPartial(client: Client, index: CatalogueIndex): Promise<void> {
  const current = await index.currentIndex();
  if (current) await client.indices.delete({ index: current });
}

async function setRefresh(client: Client, index: string, interval: string): Promise<void> {
  await client.indices.putSettings({ index, settings: { refresh_interval: interval } });
}

function toActions(batch: CorpusDoc[]) {
  return batch.map((doc) => ({ kind: 'index' as const, id: doc.id, document: doc.document }));
}

/** Streams the corpus into the index with at most `inFlight` bulk requests outstanding. */
async function load(client: Client, index: string, options: BuildOptions): Promise<number> {
  const pending = new Set<Promise<void>>();
  let failures = 0;
  let sent = 0;
  let nextReport = 100_000;
  const started = Date.now();
  for (const batch of corpusBatches(options.records, options.batchSize)) {
    const request: Promise<void> = writeBulk(client, index, toActions(batch)).then((result) => {
      failures += result.failures.length;
      if (result.failures.length > 0) options.log(`bulk failure: ${result.failures[0].reason}`);
      pending.delete(request);
    });
    pending.add(request);
    sent += batch.length;
    if (sent >= nextReport) {
      const rate = Math.round(sent / ((Date.now() - started) / 1000));
      options.log(`  ${sent.toLocaleString('en')} docs sent (${rate} docs/s)`);
      nextReport += 100_000;
    }
    // Back-pressure: building the next batch waits until a request slot is free.
    if (pending.size >= options.inFlight) await Promise.race(pending);
  }
  await Promise.all(pending);
  return failures;
}

export async function buildIndex(
  client: Client,
  catalogue: CatalogueIndex,
  options: BuildOptions,
): Promise<BuildReport> {
  const existing = await aliasCount(client, catalogue);
  if (existing > 0 && (await catalogue.isOutdated())) {
    options.log(`${catalogue.alias} was built under an older mapping: rebuilding`);
    await dropPartial(client, catalogue);
    return buildIndex(client, catalogue, options);
  }
  if (existing >= options.records) {
    options.log(
      `reusing ${catalogue.alias}: it already holds ${existing.toLocaleString('en')} docs`,
    );
    return { reused: true, docs: existing, seconds: 0, docsPerSecond: 0, failures: 0 };
  }
  if (existing > 0) {
    options.log(`${catalogue.alias} holds only ${existing} docs: rebuilding`);
    await dropPartial(client, catalogue);
  }
  await catalogue.ensure();
  const concrete = (await catalogue.currentIndex())!;
  options.log(`building ${concrete}: ${options.records.toLocaleString('en')} docs`);
  // No refreshes while loading: each would cut a small segment only to merge it again.
  await setRefresh(client, concrete, '-1');
  const started = process.hrtime.bigint();
  const failures = await load(client, catalogue.alias, options);
  await setRefresh(client, concrete, '1s');
  await catalogue.refresh();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await client.cluster.health({ index: concrete, wait_for_status: 'yellow', timeout: '120s' });
  const docs = (await client.count({ index: catalogue.alias })).count;
  return { reused: false, docs, seconds, docsPerSecond: docs / seconds, failures };
}

export interface WorksBuildReport {
  readonly reused: boolean;
  readonly works: number;
  readonly seconds: number;
  readonly failures: number;
}

/**
 * Builds (or reuses) the works index from the catalogue index, as a reindex does
 * (rebuildWorks: the records read in work id order, one document per work). Reused only when
 * the catalogue was reused too and the works index is current and not empty.
 */
export async function buildWorksIndex(
  client: Client,
  catalogue: CatalogueIndex,
  works: WorksIndex,
  recordsReused: boolean,
  log: (line: string) => void,
): Promise<WorksBuildReport> {
  const live = await works.currentIndex();
  if (recordsReused && live && !(await works.isOutdated())) {
    const count = (await client.count({ index: works.alias })).count;
    if (count > 0) return { reused: true, works: count, seconds: 0, failures: 0 };
  }
  const index = await works.createVersion(await works.nextVersion());
  log(`building ${index} from ${catalogue.alias}`);
  await setRefresh(client, index, '-1');
  const started = process.hrtime.bigint();
  const built = await rebuildWorks(client, { records: catalogue.alias, works: index });
  await setRefresh(client, index, '1s');
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await client.indices.refresh({ index });
  await client.cluster.health({ index, wait_for_status: 'yellow', timeout: '120s' });
  await works.swapAlias(index);
  // Only the bench reads it: older versions go at once (a reindex keeps the previous one).
  await works.deleteVersionsBefore(index);
  return { reused: false, works: built.works, seconds, failures: built.failures.length };
}
