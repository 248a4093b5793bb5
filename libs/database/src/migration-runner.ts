import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LOCK_CLASS } from './advisory-locks';

const MIGRATION_LOCK_KEY = LOCK_CLASS.migrations;

/** Applies pending migrations at start-up; the advisory lock makes concurrent boots wait their turn. */
@Injectable()
export class MigrationRunner implements OnModuleInit {
  private readonly logger = new Logger(MigrationRunner.name);

  constructor(private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    const lockHolder = this.dataSource.createQueryRunner();
    await lockHolder.connect();
    try {
      await lockHolder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      const applied = await this.dataSource.runMigrations();
      if (applied.length > 0) {
        this.logger.log(`Applied migrations: ${applied.map((m) => m.name).join(', ')}`);
      }
    } finally {
      await lockHolder
        .query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY])
        .catch(() => undefined);
      await lockHolder.release();
    }
  }
}
