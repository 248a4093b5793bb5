import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const LIBRARY_KINDS = ['national', 'university', 'provincial', 'special', 'other'] as const;
export type LibraryKind = (typeof LIBRARY_KINDS)[number];

/** A partner library's registered OAI-PMH endpoint, with what its Identify said and how far we got. */
@Entity('sources')
export class Source {
  /** Short stable slug chosen at registration, e.g. 'nlv-koha'; part of every record id. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ name: 'library_name', type: 'text' })
  libraryName: string;

  @Column({ name: 'library_kind', type: 'text' })
  libraryKind: LibraryKind;

  @Column({ type: 'text', nullable: true })
  province: string | null;

  @Column({ name: 'base_url', type: 'text' })
  baseUrl: string;

  @Column({ name: 'metadata_prefix', type: 'text' })
  metadataPrefix: string;

  /** setSpecs to harvest; empty means the whole repository. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  sets: string[];

  /** Cron expression (node-cron syntax) for incremental harvests; null means manual only. */
  @Column({ type: 'text', nullable: true })
  schedule: string | null;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @Column({ name: 'repository_name', type: 'text', nullable: true })
  repositoryName: string | null;

  /** 'YYYY-MM-DD' or 'YYYY-MM-DDThh:mm:ssZ', as Identify declared. */
  @Column({ type: 'text', nullable: true })
  granularity: string | null;

  @Column({ name: 'earliest_datestamp', type: 'text', nullable: true })
  earliestDatestamp: string | null;

  /** no, persistent or transient, as Identify declared. */
  @Column({ name: 'deleted_record', type: 'text', nullable: true })
  deletedRecord: string | null;

  @Column({ name: 'admin_email', type: 'text', nullable: true })
  adminEmail: string | null;

  /** The partner that registered the source; null for sources staff added. */
  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId: string | null;

  /**
   * `from` of the next incremental harvest: the server's responseDate at the start of the
   * last complete run, less one granule. Moves only when a run completes.
   */
  @Column({ name: 'high_water_mark', type: 'timestamptz', nullable: true })
  highWaterMark: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
