import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { NotificationsService } from '@hop-luu/database';
import { LibraryKind, Source } from './source.entity';
import { SourceError, SourceErrorCode } from './source.errors';
import { shown, SourceInput, validateSourceInput } from './source-input';

/** Channel on which source changes are announced, so schedulers in every process reload. */
export const SOURCES_CHANGED_CHANNEL = 'hopluu_sources_changed';

export interface SourceFilter {
  readonly ownerId?: string;
  readonly enabled?: boolean;
  readonly libraryKind?: LibraryKind;
  readonly province?: string;
}

export type IdentifyFacts = Pick<
  Source,
  'repositoryName' | 'granularity' | 'earliestDatestamp' | 'deletedRecord' | 'adminEmail'
>;

/** Registered sources in PostgreSQL. Network checks live in SourceRegistrationService. */
@Injectable()
export class SourcesService {
  private readonly logger = new Logger(SourcesService.name);

  constructor(
    @InjectRepository(Source) private readonly sources: Repository<Source>,
    private readonly notifications: NotificationsService,
  ) {}

  async create(input: SourceInput, identify: IdentifyFacts): Promise<Source> {
    validateSourceInput(input);
    if (await this.sources.existsBy({ id: input.id })) {
      throw new SourceError(
        SourceErrorCode.AlreadyExists,
        `Source ${shown(input.id)} already exists; choose another id.`,
      );
    }
    const source = this.sources.create({
      ...input,
      province: input.province ?? null,
      sets: input.sets ?? [],
      schedule: input.schedule ?? null,
      enabled: input.enabled ?? true,
      ownerId: input.ownerId ?? null,
      ...identify,
    });
    const saved = await this.sources.save(source);
    this.logger.log(`[${saved.id}] registered ${saved.baseUrl} (${saved.metadataPrefix})`);
    await this.announceChange();
    return saved;
  }

  list(filter: SourceFilter = {}): Promise<Source[]> {
    return this.sources.find({ where: { ...filter }, order: { id: 'ASC' } });
  }

  find(id: string): Promise<Source | null> {
    return this.sources.findOneBy({ id });
  }

  async get(id: string): Promise<Source> {
    const source = await this.find(id);
    if (!source)
      throw new SourceError(
        SourceErrorCode.NotFound,
        `Source ${shown(id)} does not exist; list sources to see the ids.`,
      );
    return source;
  }

  async update(id: string, changes: Partial<Omit<SourceInput, 'id'>>): Promise<Source> {
    validateSourceInput(changes);
    const source = await this.get(id);
    Object.assign(source, changes);
    const saved = await this.sources.save(source);
    await this.announceChange();
    return saved;
  }

  setEnabled(id: string, enabled: boolean): Promise<Source> {
    return this.update(id, { enabled });
  }

  async delete(id: string): Promise<void> {
    await this.get(id);
    await this.sources.delete({ id });
    this.logger.log(`[${id}] deleted`);
    await this.announceChange();
  }

  async recordIdentify(id: string, facts: IdentifyFacts): Promise<void> {
    await this.sources.update({ id }, facts);
  }

  /** Moves the high-water mark; only a completed run calls this. */
  async setHighWaterMark(id: string, mark: Date): Promise<void> {
    await this.sources.update({ id }, { highWaterMark: mark });
  }

  private async announceChange(): Promise<void> {
    await this.notifications.notify(SOURCES_CHANGED_CHANNEL);
  }
}
