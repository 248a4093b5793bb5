import type { OaiPmhClient } from '../client';
import { OaiPmhError } from '../errors';
import type { ListRequest, OaiItem, OaiRecord, PageEnd } from '../types';

/** What a list delivered before it ended or failed (for the client specs). */
export interface Harvest {
  items: OaiItem<OaiRecord>[];
  ends: PageEnd[];
  error?: OaiPmhError;
}

/** Harvests until the end or an error, keeping what was delivered before the error. */
export async function harvest(
  client: OaiPmhClient,
  request: ListRequest = { metadataPrefix: 'oai_dc' },
): Promise<Harvest> {
  const result: Harvest = { items: [], ends: [] };
  try {
    for await (const page of client.listRecords(request)) {
      for await (const item of page.items()) result.items.push(item);
      result.ends.push(page.end());
    }
  } catch (error) {
    if (!(error instanceof OaiPmhError)) throw error;
    result.error = error;
  }
  return result;
}

/** The OaiPmhError a call ends with; fails the test when it succeeds or throws anything else. */
export async function failure(promise: Promise<unknown>): Promise<OaiPmhError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof OaiPmhError) return error;
    throw error;
  }
  throw new Error('expected an OaiPmhError');
}
