import { FaultQueue, type Fault, type FaultTarget, type ResponseModes } from './faults';
import { generateRecord, type BibRecord, type GenerateOptions } from './generator';

export type DeletedRecordPolicy = 'no' | 'persistent' | 'transient';

export interface RepositoryConfig {
  name: string;
  /** Datestamp granularity. Default 'seconds'. */
  granularity?: 'day' | 'seconds';
  /** Records per list response. Default 50. */
  pageSize?: number;
  deletedRecord?: DeletedRecordPolicy;
  /** Whether the repository supports sets. Default true. */
  sets?: boolean;
  /** Number of generated records. Default 100. */
  records?: number;
  generator?: GenerateOptions;
  /** Lifetime of resumption tokens. Default 1 hour. */
  tokenTtlMs?: number;
  /** Keep rendered list responses in memory (for benchmarks that harvest the same pages repeatedly). */
  cacheResponses?: boolean;
  adminEmail?: string;
}

/** One record slot; generated records keep only their index until rendered. */
export interface Entry {
  identifier: string;
  datestamp: number;
  deleted: boolean;
  index?: number;
  override?: BibRecord;
}

export interface QueryArgs {
  from?: number;
  until?: number;
  set?: string;
}

/** A read-only range of entries; arrays qualify. */
export interface EntryWindow {
  length: number;
  slice(start: number, end: number): Entry[];
}

export interface RequestLogEntry {
  method: string;
  params: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  at: number;
}

/**
 * An in-memory OAI repository. Records are generated on demand by index;
 * changes made at runtime get the current time as datestamp, as in a real
 * catalogue.
 */
export class Repository {
  readonly name: string;
  readonly granularity: 'day' | 'seconds';
  pageSize: number;
  deletedRecord: DeletedRecordPolicy;
  setsEnabled: boolean;
  tokenTtlMs: number;
  readonly cacheResponses: boolean;
  readonly adminEmail: string;
  readonly generator: GenerateOptions;
  modes: ResponseModes = {};
  readonly faults = new FaultQueue();
  /** Every request received, oldest first. */
  readonly requests: RequestLogEntry[] = [];
  readonly cache = new Map<string, Buffer>();
  private entries: Entry[] = [];
  private readonly byId = new Map<string, Entry>();
  private added = 0;

  constructor(config: RepositoryConfig) {
    this.name = config.name;
    this.granularity = config.granularity ?? 'seconds';
    this.pageSize = config.pageSize ?? 50;
    this.deletedRecord = config.deletedRecord ?? 'persistent';
    this.setsEnabled = config.sets ?? true;
    this.tokenTtlMs = config.tokenTtlMs ?? 3_600_000;
    this.cacheResponses = config.cacheResponses ?? false;
    this.adminEmail = config.adminEmail ?? 'oai-admin@thuvien.example.vn';
    this.generator = {
      libraryCode: config.name.replace(/[^a-z0-9]/gi, '').toLowerCase() || 'lib',
      ...config.generator,
    };
    const count = config.records ?? 100;
    for (let index = 0; index < count; index++) {
      const record = generateRecord(index, this.generator);
      this.insert({
        identifier: record.identifier,
        datestamp: record.datestamp.getTime(),
        deleted: false,
        index,
      });
    }
  }

  /** Switch on a one-shot fault for the next `times` matching requests. */
  injectFault(fault: Fault, times = 1, target?: FaultTarget): this {
    this.faults.add(fault, times, target);
    return this;
  }

  setModes(modes: ResponseModes): this {
    this.modes = { ...this.modes, ...modes };
    this.cache.clear();
    return this;
  }

  resetFaults(): this {
    this.faults.clear();
    this.modes = {};
    this.cache.clear();
    return this;
  }

  get size(): number {
    return this.entries.length;
  }

  get earliestDatestamp(): number {
    return this.entries[0]?.datestamp ?? Date.now();
  }

  recordOf(entry: Entry): BibRecord {
    if (entry.override) return entry.override;
    return generateRecord(entry.index as number, this.generator);
  }

  get(identifier: string): Entry | undefined {
    return this.byId.get(identifier);
  }

  /** Adds a record (generated from the next index unless given); returns its identifier. */
  addRecord(changes: Partial<BibRecord> = {}, datestamp = new Date()): string {
    const base = generateRecord(1_000_000 + this.added++, this.generator);
    const record = { ...base, ...changes, datestamp };
    this.insert({
      identifier: record.identifier,
      datestamp: datestamp.getTime(),
      deleted: false,
      override: record,
    });
    this.cache.clear();
    return record.identifier;
  }

  /** Changes a record's fields and stamps it with `datestamp` (default now). */
  updateRecord(identifier: string, changes: Partial<BibRecord> = {}, datestamp = new Date()): void {
    const entry = this.require(identifier);
    const record = { ...this.recordOf(entry), ...changes, datestamp };
    this.move(entry, {
      ...entry,
      deleted: false,
      override: record,
      datestamp: datestamp.getTime(),
    });
  }

  deleteRecord(identifier: string, datestamp = new Date()): void {
    const entry = this.require(identifier);
    this.move(entry, { ...entry, deleted: true, datestamp: datestamp.getTime() });
  }

  /** Entries matching the selective-harvesting arguments, in datestamp order. */
  query(args: QueryArgs): EntryWindow {
    const lo = args.from === undefined ? 0 : this.lowerBound(args.from);
    const hi = args.until === undefined ? this.entries.length : this.lowerBound(args.until + 1);
    if (this.deletedRecord !== 'no' && !args.set) {
      // No filtering: avoid copying a 200,000-entry window for every page.
      const entries = this.entries;
      return {
        length: hi - lo,
        slice: (start, end) => entries.slice(lo + start, Math.min(hi, lo + end)),
      };
    }
    let window = this.entries.slice(lo, hi);
    if (this.deletedRecord === 'no') window = window.filter((e) => !e.deleted);
    if (args.set) {
      const set = args.set;
      window = window.filter((e) =>
        this.recordOf(e).setSpecs.some((s) => s === set || s.startsWith(`${set}:`)),
      );
    }
    return window;
  }

  /** Set specs present in the repository (with their hierarchy parents). */
  setSpecs(): string[] {
    const { libraryCode = 'lib' } = this.generator;
    return [
      'lib',
      `lib:${libraryCode}`,
      'type',
      'type:book',
      'type:thesis',
      'type:map',
      'lang',
      'lang:vie',
      'lang:eng',
    ];
  }

  private require(identifier: string): Entry {
    const entry = this.byId.get(identifier);
    if (!entry) throw new Error(`No record ${identifier} in repository ${this.name}`);
    return entry;
  }

  private move(old: Entry, next: Entry): void {
    this.entries.splice(this.entries.indexOf(old), 1);
    this.insert(next);
    this.cache.clear();
  }

  private insert(entry: Entry): void {
    const at = this.lowerBound(entry.datestamp + 1);
    if (at === this.entries.length) this.entries.push(entry);
    else this.entries.splice(at, 0, entry);
    this.byId.set(entry.identifier, entry);
  }

  /** First position whose datestamp is >= t. */
  private lowerBound(t: number): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.entries[mid].datestamp < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
