import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, MoreThan, Repository } from 'typeorm';
import { RawRecord } from './raw-record.entity';

export type RawRecordRow = Omit<RawRecord, 'harvestedAt'>;

/** Raw records in PostgreSQL: what a harvest stores last, and what a reindex reads. */
@Injectable()
export class RawRecordsService {
  constructor(@InjectRepository(RawRecord) private readonly records: Repository<RawRecord>) {}

  /** Hashes of records that were indexed fine last time; a record with the same hash is unchanged. */
  async indexedHashes(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.records.find({
      select: { id: true, hash: true, normalizeError: true },
      where: { id: In(ids) },
    });
    return new Map(
      rows.filter((row) => row.normalizeError === null).map((row) => [row.id, row.hash]),
    );
  }

  async upsert(rows: RawRecordRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.records.upsert(
      rows.map((row) => ({ ...row, harvestedAt: new Date() })),
      { conflictPaths: ['id'], skipUpdateIfNoValuesChanged: false },
    );
  }

  /** Every raw record, in id order, a batch at a time: memory stays flat however many there are. */
  async *streamAll(batchSize: number): AsyncGenerator<RawRecord[]> {
    let after = '';
    for (;;) {
      const batch = await this.records.find({
        where: { id: MoreThan(after) },
        order: { id: 'ASC' },
        take: batchSize,
      });
      if (batch.length === 0) return;
      yield batch;
      after = batch[batch.length - 1].id;
    }
  }

  countBySource(sourceId: string): Promise<number> {
    return this.records.countBy({ sourceId, deleted: false });
  }
}
