import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import { AccessError } from '@hop-luu/access';
import { PeopleError } from '@hop-luu/people';
import { SourceError } from '@hop-luu/sources';
import { loadConfigOrExit } from '@hop-luu/platform';
import { CliModule } from './cli.module';
import { commands, UsageError } from './commands';

const USAGE = `hop-luu harvester CLI

  sources:add --id ID --name "Library" --url URL [--kind national|university|provincial|special|other]
              [--province P] [--prefix oai_dc] [--set SPEC ...] [--schedule "0 2 * * *"]
  sources:list
  sources:enable ID | sources:disable ID
  harvest ID [--full]          harvest now (incremental from the high-water mark unless --full)
  runs [--source ID] [--limit N]
  run RUN_ID                   a run with its errors
  cancel RUN_ID
  reindex                      rebuild both indexes (records, works) from PostgreSQL, swap the aliases
  works:recluster              re-profile every raw record, recompute every work (curators'
                               decisions kept), then rebuild both indexes
  keys:create --partner "Library name" [--role partner|staff] [--label L] [--expires 2027-01-31]
                               create an API key for the gateway (printed once, stored hashed)
  keys:list [--partner "Library name"]
                               every key: prefix, active/expired/revoked, expiry, last use (never a secret)
  keys:revoke PREFIX           refuse the key (hl_ + 10 characters, as keys:list shows) from now on
  keys:rotate PREFIX [--expires 2027-01-31]
                               revoke the key and print its replacement once (same partner, label, expiry)
  people:create-staff EMAIL PASSWORD [NAME]
                               a staff person who can sign in to the console at once (demo, tests);
                               run again to set a new password`;

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      id: { type: 'string' },
      name: { type: 'string' },
      url: { type: 'string' },
      kind: { type: 'string' },
      province: { type: 'string' },
      prefix: { type: 'string' },
      set: { type: 'string', multiple: true },
      schedule: { type: 'string' },
      full: { type: 'boolean' },
      source: { type: 'string' },
      limit: { type: 'string' },
      partner: { type: 'string' },
      role: { type: 'string' },
      label: { type: 'string' },
      expires: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const [name, ...args] = positionals;
  const config = loadConfigOrExit('cli');
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config), {
    bufferLogs: true,
  });
  app.useLogger(app.get(PinoLogger));
  try {
    const table = commands(app, (line) => process.stdout.write(`${line}\n`));
    if (values.help || !(name in table)) {
      process.stdout.write(`${USAGE}\n`);
      return values.help ? 0 : 2;
    }
    await table[name as keyof typeof table](args, values);
    return 0;
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof SourceError ||
      error instanceof AccessError ||
      error instanceof PeopleError
    ) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  } finally {
    await app.close();
  }
}

void main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`${error.stack ?? error.message}\n`);
    process.exit(1);
  },
);
