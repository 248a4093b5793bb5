import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, MoreThan, Repository } from 'typeorm';
import type { NormalizeInput } from '@hop-luu/records';
import { RawRecord } from './raw-record.entity';

/**
 * One raw record as the harvester handles it: it IS the input libs/records normalises (the OAI
 * header, the prefix and the XML), plus its id, hash and last normalisation failure. A harvest
 * builds it from the OAI record once; a reindex reads it back with `streamAll`.
 */
export interface RawRecordRow extends NormalizeInput {
  readonly id: string;
  readonly hash: string;
  normalizeError: string | null;
  normalizeErrorCode: string | null;
}

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

  /** Inserts or replaces rows in one statement (arrays unnested server-side: one round trip per batch). */
  async upsert(rows: readonly RawRecordRow[]): Promise<void> {
    if (rows.length === 0) return;
    const column = <K extends keyof RawRecordRow>(key: K) => rows.map((row) => row[key]);
    await this.records.query(
      `INSERT INTO raw_records (id, source_id, oai_identifier, metadata_prefix, datestamp, set_specs,
                                deleted, metadata_xml, hash, normalize_error, normalize_error_code, harvested_at)
       SELECT id, source_id, oai_identifier, metadata_prefix, datestamp, set_specs,
              deleted, metadata_xml, hash, normalize_error, normalize_error_code, now()
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[],
                     $7::boolean[], $8::text[], $9::text[], $10::text[], $11::text[])
           AS r(id, source_id, oai_identifier, metadata_prefix, datestamp, set_specs, deleted, metadata_xml, hash, normalize_error, normalize_error_code)
       ON CONFLICT (id) DO UPDATE SET
         source_id = excluded.source_id, oai_identifier = excluded.oai_identifier,
         metadata_prefix = excluded.metadata_prefix, datestamp = excluded.datestamp,
         set_specs = excluded.set_specs, deleted = excluded.deleted, metadata_xml = excluded.metadata_xml,
         hash = excluded.hash, normalize_error = excluded.normalize_error,
         normalize_error_code = excluded.normalize_error_code, harvested_at = excluded.harvested_at`,
      [
        column('id'),
        column('sourceId'),
        column('oaiIdentifier'),
        column('metadataPrefix'),
        column('datestamp'),
        // A jsonb[] parameter: each row's list is one JSON array (a text[][] cannot be unnested by row).
        rows.map((row) => JSON.stringify(row.setSpecs)),
        column('deleted'),
        rows.map((row) => row.metadataXml ?? null),
        column('hash'),
        column('normalizeError'),
        column('normalizeErrorCode'),
      ],
    );
  }

  /** Every raw record, in id order, a batch at a time: memory stays flat however many there are. */
  async *streamAll(batchSize: number): AsyncGenerator<RawRecordRow[]> {
    let after = '';
    for (;;) {
      const batch = await this.records.find({
        where: { id: MoreThan(after) },
        order: { id: 'ASC' },
        take: batchSize,
      });
      if (batch.length === 0) return;
      yield batch.map(rowOf);
      after = batch[batch.length - 1].id;
    }
  }

  countBySource(sourceId: string): Promise<number> {
    return this.records.countBy({ sourceId, deleted: false });
  }
}

/** The stored row as the harvester handles it (PostgreSQL's NULL XML is "no metadata"). */
function rowOf(stored: RawRecord): RawRecordRow {
  const { harvestedAt, metadataXml, ...rest } = stored;
  void harvestedAt;
  return { ...rest, metadataXml: metadataXml ?? undefined };
}
