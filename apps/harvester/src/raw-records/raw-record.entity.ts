import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A record exactly as the source sent it. The search index can be rebuilt from these rows
 * alone (reindex), and the hash lets a repeated harvest skip records that did not change.
 */
@Entity('raw_records')
@Index(['sourceId'])
export class RawRecord {
  /** `${sourceId}:${oaiIdentifier}`, also the Elasticsearch document id. */
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ name: 'source_id', type: 'varchar', length: 64 })
  sourceId: string;

  @Column({ name: 'oai_identifier', type: 'text' })
  oaiIdentifier: string;

  @Column({ name: 'metadata_prefix', type: 'text' })
  metadataPrefix: string;

  @Column({ type: 'text' })
  datestamp: string;

  /** jsonb: the batched upsert sends each row's list as one JSON array, stored as sent. */
  @Column({ name: 'set_specs', type: 'jsonb', default: () => "'[]'::jsonb" })
  setSpecs: string[];

  @Column({ type: 'boolean', default: false })
  deleted: boolean;

  @Column({ name: 'metadata_xml', type: 'text', nullable: true })
  metadataXml: string | null;

  /** sha256 of header and metadata: equal hash means nothing to re-index. */
  @Column({ type: 'char', length: 64 })
  hash: string;

  /** Why libs/records could not map it last time; such a record is retried on every harvest. */
  @Column({ name: 'normalize_error', type: 'text', nullable: true })
  normalizeError: string | null;

  /** Its code (RecordErrorCode), so the data-quality report counts failures by code. */
  @Column({ name: 'normalize_error_code', type: 'text', nullable: true })
  normalizeErrorCode: string | null;

  @Column({ name: 'harvested_at', type: 'timestamptz', default: () => 'now()' })
  harvestedAt: Date;
}
