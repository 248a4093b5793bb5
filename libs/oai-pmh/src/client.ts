import { OaiErrorCode, OaiPmhError } from './errors';
import type { Granularity } from './granularity';
import { HostThrottle } from './host-throttle';
import { Transport } from './http/transport';
import { listParams, needsGranularity, validateListRequest } from './list/list-args';
import { listPages, type ListPlan } from './list/list-pages';
import type { ItemMapper } from './list/item-mapper';
import { OaiPage } from './list/page';
import type { RequestContext } from './list/request-context';
import { anyAddress, publicAddressesOnly } from './net/address-policy';
import { resolveOptions, type OaiPmhClientOptions } from './options';
import type {
  ListRequest,
  OaiHeader,
  OaiIdentify,
  OaiItem,
  OaiMetadataFormat,
  OaiRecord,
  OaiSet,
} from './types';
import { identifyMapper } from './verbs/identify';
import { headerMapper, metadataFormatMapper, recordMapper, setMapper } from './verbs/mappers';

const NONE: ReadonlySet<string> = new Set();
const NO_RECORDS: ReadonlySet<string> = new Set([OaiErrorCode.NoRecordsMatch]);
const NO_SETS: ReadonlySet<string> = new Set([
  OaiErrorCode.NoSetHierarchy,
  OaiErrorCode.NoRecordsMatch,
]);
const NO_FORMATS: ReadonlySet<string> = new Set([OaiErrorCode.NoMetadataFormats]);

/**
 * OAI-PMH 2.0 harvesting client. Single-response verbs return promises; list
 * verbs return async iterables of pages whose entries stream while the
 * response is parsed.
 */
export class OaiPmhClient {
  private readonly ctx: RequestContext;
  private granularity?: Granularity;
  private identified?: Promise<OaiIdentify>;

  constructor(options: OaiPmhClientOptions) {
    const resolved = resolveOptions(options);
    const policy =
      options.addressPolicy ?? (resolved.allowPrivateAddresses ? anyAddress : publicAddressesOnly);
    this.granularity = options.granularity;
    this.ctx = {
      options: resolved,
      transport: new Transport({ ...resolved, addressPolicy: policy }),
      throttle: options.hostThrottle ?? new HostThrottle(),
      host: new URL(resolved.baseUrl).host,
    };
  }

  /** Frees pooled connections; the client must not be used afterwards. */
  close(): void {
    this.ctx.transport.destroy();
  }

  async identify(): Promise<OaiIdentify> {
    const { items, end } = await this.single(
      { verb: 'Identify' },
      identifyMapper(this.ctx.options.baseUrl),
      NONE,
    );
    const body = this.expectOne(items, 'Identify');
    this.granularity ??= body.granularity;
    return { ...body, responseDate: end.responseDate ?? new Date() };
  }

  async listMetadataFormats(identifier?: string): Promise<OaiMetadataFormat[]> {
    const params: Record<string, string> = { verb: 'ListMetadataFormats' };
    if (identifier) params.identifier = identifier;
    const { items } = await this.single(params, metadataFormatMapper, NO_FORMATS);
    return items.flatMap((item) => (item.kind === 'record' ? [item.record] : []));
  }

  /** A deleted record comes back with `header.deleted` and no metadata; a broken one as a failure. */
  async getRecord(identifier: string, metadataPrefix: string): Promise<OaiItem<OaiRecord>> {
    const { items } = await this.single(
      { verb: 'GetRecord', identifier, metadataPrefix },
      recordMapper,
      NONE,
    );
    if (items.length !== 1)
      throw this.invalid(`GetRecord returned ${items.length} records instead of 1`);
    return items[0];
  }

  listSets(resume?: { resumptionToken: string }): AsyncGenerator<OaiPage<OaiSet>, void, undefined> {
    const params = resume ? { verb: 'ListSets', ...resume } : { verb: 'ListSets' };
    return listPages(this.ctx, {
      verb: 'ListSets',
      firstParams: params,
      mapper: setMapper,
      emptyCodes: NO_SETS,
    });
  }

  listIdentifiers(request: ListRequest): AsyncGenerator<OaiPage<OaiHeader>, void, undefined> {
    return this.list('ListIdentifiers', request, headerMapper);
  }

  listRecords(request: ListRequest): AsyncGenerator<OaiPage<OaiRecord>, void, undefined> {
    return this.list('ListRecords', request, recordMapper);
  }

  private async *list<T>(
    verb: string,
    request: ListRequest,
    mapper: ItemMapper<T>,
  ): AsyncGenerator<OaiPage<T>, void, undefined> {
    validateListRequest(verb, request, true);
    const plan: ListPlan<T> = {
      verb,
      mapper,
      emptyCodes: NO_RECORDS,
      firstParams: await this.firstParams(verb, request),
    };
    yield* listPages(this.ctx, plan);
  }

  private async firstParams(verb: string, request: ListRequest): Promise<Record<string, string>> {
    if ('resumptionToken' in request) return { verb, resumptionToken: request.resumptionToken };
    const granularity =
      request.granularity ??
      (needsGranularity(request) ? await this.learnGranularity() : this.granularity);
    return listParams(verb, request, granularity);
  }

  private async learnGranularity(): Promise<Granularity> {
    if (this.granularity) return this.granularity;
    this.identified ??= this.identify().catch((error: unknown) => {
      this.identified = undefined; // let a later call try again
      throw error;
    });
    return (await this.identified).granularity;
  }

  /** Runs a single-response verb and collects its (few) entries. */
  private async single<T>(
    params: Record<string, string>,
    mapper: ItemMapper<T>,
    emptyCodes: ReadonlySet<string>,
  ) {
    const page = new OaiPage(this.ctx, params, mapper, emptyCodes);
    await page.open();
    const items: OaiItem<T>[] = [];
    for await (const item of page.items()) items.push(item);
    return { items, end: page.end() };
  }

  private expectOne<T>(items: OaiItem<T>[], verb: string): T {
    const [first] = items;
    if (!first) throw this.invalid(`${verb} response had no <${verb}> element`);
    if (first.kind === 'failure')
      throw this.invalid(`${verb} response is unusable: ${first.reason}`);
    return first.record;
  }

  private invalid(what: string): OaiPmhError {
    return new OaiPmhError(
      OaiErrorCode.InvalidResponse,
      `Source ${this.ctx.options.baseUrl}: ${what}; report it to the repository.`,
    );
  }
}
