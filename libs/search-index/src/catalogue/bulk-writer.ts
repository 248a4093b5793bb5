import { Client } from '@elastic/elasticsearch';
import type {
  BulkOperationContainer,
  BulkResponseItem,
} from '@elastic/elasticsearch/lib/api/types';

export type BulkAction =
  | { kind: 'index'; id: string; document: object }
  /** A partial document merged into the stored one (objects merge; give null to clear a field). */
  | { kind: 'update'; id: string; document: object }
  | { kind: 'delete'; id: string };

/** A document Elasticsearch refused for good (e.g. a mapping error): reported, never dropped silently. */
export interface BulkFailure {
  readonly id: string;
  readonly status: number;
  readonly reason: string;
}

export interface BulkResult {
  readonly indexed: number;
  readonly updated: number;
  readonly deleted: number;
  readonly failures: BulkFailure[];
  readonly retries: number;
}

export interface BulkWriterOptions {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
}

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends one bulk request to the catalogue alias. Whole-request 429s and per-item 429/5xx are
 * retried with backoff; what still fails comes back in `failures` with its id and reason.
 * Deleting a document that is not there counts as deleted: the outcome the caller wanted;
 * updating one that is not there is skipped (nothing to update) and counted as neither.
 */
export async function writeBulk(
  client: Client,
  index: string,
  actions: BulkAction[],
  options: BulkWriterOptions = { maxAttempts: 5, baseDelayMs: 200 },
): Promise<BulkResult> {
  let pending = actions;
  let indexed = 0;
  let updated = 0;
  let deleted = 0;
  let retries = 0;
  const failures: BulkFailure[] = [];
  for (let attempt = 1; pending.length > 0; attempt++) {
    const last = attempt >= options.maxAttempts;
    const items = await sendOnce(client, index, pending, last);
    const retry: BulkAction[] = [];
    items.forEach((item, i) => {
      const action = pending[i];
      const outcome = classify(item, action.kind);
      if (outcome === 'ok') {
        if (action.kind === 'index') indexed++;
        else if (action.kind === 'update') updated++;
        else deleted++;
      } else if (outcome === 'missing') {
        // An update of a record that is gone: nothing left to update.
      } else if (outcome === 'retry' && !last) {
        retry.push(action);
      } else {
        failures.push({
          id: action.id,
          status: item.status,
          reason: item.error?.reason ?? `status ${item.status}`,
        });
      }
    });
    if (retry.length > 0) {
      retries++;
      await sleep(options.baseDelayMs * 2 ** (attempt - 1));
    }
    pending = retry;
  }
  return { indexed, updated, deleted, failures, retries };
}

function classify(
  item: BulkResponseItem,
  kind: BulkAction['kind'],
): 'ok' | 'missing' | 'retry' | 'failed' {
  if (item.status < 300 || (kind === 'delete' && item.status === 404)) return 'ok';
  if (kind === 'update' && item.status === 404) return 'missing';
  return RETRYABLE_STATUS.has(item.status) ? 'retry' : 'failed';
}

/** One bulk request; a 429 for the whole request becomes a per-item 429 so the loop retries it. */
async function sendOnce(
  client: Client,
  index: string,
  actions: BulkAction[],
  last: boolean,
): Promise<BulkResponseItem[]> {
  const operations: (BulkOperationContainer | object)[] = [];
  for (const action of actions) {
    if (action.kind === 'index') operations.push({ index: { _id: action.id } }, action.document);
    else if (action.kind === 'update')
      operations.push({ update: { _id: action.id } }, { doc: action.document });
    else operations.push({ delete: { _id: action.id } });
  }
  try {
    const response = await client.bulk({ index, operations }, { maxRetries: 0 });
    return response.items.map((item) => Object.values(item)[0] as BulkResponseItem);
  } catch (error) {
    const status = (error as { statusCode?: number }).statusCode;
    if (last || status === undefined || !RETRYABLE_STATUS.has(status)) throw error;
    return actions.map(() => ({ status, _index: index }) as BulkResponseItem);
  }
}
