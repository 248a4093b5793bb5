/** Every migration, in order. Listed explicitly so ts (tests) and compiled js (apps) load the same set. */
import type { MigrationInterface } from 'typeorm';

export const MIGRATIONS: (new () => MigrationInterface)[] = [];
