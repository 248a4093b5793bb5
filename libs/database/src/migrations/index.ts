import type { MigrationInterface } from 'typeorm';
import { InitialSchema1764050000000 } from './1764050000000-initial-schema';
import { PartnersAndApiKeys1764060000000 } from './1764060000000-partners-and-api-keys';
import { ApiKeyExpiryAndLastUse1764071300000 } from './1764071300000-api-key-expiry-and-last-use';
import { RunInvalidBytes1764080000000 } from './1764080000000-run-invalid-bytes';
import { PeopleAndSessions1764090000000 } from './1764090000000-people-and-sessions';
import { Alerts1764091000000 } from './1764091000000-alerts';
import { SourceQualityReports1764092000000 } from './1764092000000-source-quality-reports';
import { ConsoleRunIndexes1764093000000 } from './1764093000000-console-run-indexes';
import { AlertIncidentDetails1764094000000 } from './1764094000000-alert-incident-details';
import { Works1764095000000 } from './1764095000000-works';
import { RawRecordSetSpecsJsonb1764095100000 } from './1764095100000-raw-record-set-specs-jsonb';
import { WorkKeyPostings1764095200000 } from './1764095200000-work-key-postings';
import { WorkTwins1764095300000 } from './1764095300000-work-twins';

/** Every migration, in order. Listed explicitly so ts (tests) and compiled js (apps) load the same set. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  InitialSchema1764050000000,
  PartnersAndApiKeys1764060000000,
  ApiKeyExpiryAndLastUse1764071300000,
  RunInvalidBytes1764080000000,
  PeopleAndSessions1764090000000,
  Alerts1764091000000,
  SourceQualityReports1764092000000,
  ConsoleRunIndexes1764093000000,
  AlertIncidentDetails1764094000000,
  Works1764095000000,
  RawRecordSetSpecsJsonb1764095100000,
  WorkKeyPostings1764095200000,
  WorkTwins1764095300000,
];
