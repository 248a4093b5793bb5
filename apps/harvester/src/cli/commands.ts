import { INestApplicationContext } from '@nestjs/common';
import { ApiKeysService, prefixOf } from '@hop-luu/access';
import { HarvestRun, HarvestRunsService, RunMode } from '@hop-luu/harvest-runs';
import { PeopleService } from '@hop-luu/people';
import { LibraryKind, SourceRegistrationService, SourcesService } from '@hop-luu/sources';
import { HarvestRunnerService } from '../harvest/harvest-runner.service';
import { ReclusterService } from '../reindex/recluster.service';
import { ReindexService } from '../reindex/reindex.service';
import { RunQueueService } from '../runs/run-queue.service';
import { keyLine, runDetails, runLine, sourceLine } from './cli-output';

export type Options = Record<string, string | string[] | boolean | undefined>;

export class UsageError extends Error {}

function text(options: Options, name: string, required = true): string | undefined {
  const value = options[name];
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (required) throw new UsageError(`--${name} is required`);
  return undefined;
}

function list(options: Options, name: string): string[] {
  const value = options[name];
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
}

/** Each operator command, written against the same services the apps use. */
export function commands(app: INestApplicationContext, print: (line: string) => void) {
  const sources = app.get(SourcesService);
  const runs = app.get(HarvestRunsService);
  return {
    'sources:add': async (_args: string[], options: Options) => {
      const source = await app.get(SourceRegistrationService).register({
        id: text(options, 'id')!,
        libraryName: text(options, 'name')!,
        libraryKind: (text(options, 'kind', false) ?? 'other') as LibraryKind,
        province: text(options, 'province', false) ?? null,
        baseUrl: text(options, 'url')!,
        metadataPrefix: text(options, 'prefix', false) ?? 'oai_dc',
        sets: list(options, 'set'),
        schedule: text(options, 'schedule', false) ?? null,
      });
      print(sourceLine(source));
      for (const warning of source.registrationWarnings)
        print(`  warning ${warning.code}: ${warning.message}`);
    },
    'sources:list': async () =>
      (await sources.list()).forEach((source) => print(sourceLine(source))),
    'sources:enable': async ([id]: string[]) =>
      print(sourceLine(await sources.setEnabled(required(id, 'source id'), true))),
    'sources:disable': async ([id]: string[]) =>
      print(sourceLine(await sources.setEnabled(required(id, 'source id'), false))),
    harvest: async ([id]: string[], options: Options) => {
      const mode: RunMode = options.full ? 'full' : 'incremental';
      const queued = await runs.enqueue({
        sourceId: (await sources.get(required(id, 'source id'))).id,
        mode,
        trigger: 'manual',
      });
      print(runDetails(await harvestNow(app, queued)));
    },
    runs: async (_args: string[], options: Options) => {
      const limit = Number(text(options, 'limit', false) ?? 20);
      (await runs.list({ sourceId: text(options, 'source', false) }, limit)).forEach((run) =>
        print(runLine(run)),
      );
    },
    run: async ([id]: string[]) => {
      const run = await runs.get(required(id, 'run id'));
      if (!run) throw new UsageError(`run ${id} does not exist; "runs" lists them`);
      print(runDetails(run));
    },
    cancel: async ([id]: string[]) => {
      const run = await runs.cancel(required(id, 'run id'));
      print(run ? runLine(run) : `run ${id} does not exist`);
    },
    'keys:create': async (_args: string[], options: Options) => {
      const role = text(options, 'role', false) ?? 'partner';
      if (role !== 'partner' && role !== 'staff')
        throw new UsageError('--role must be partner or staff');
      const created = await app.get(ApiKeysService).createKey(text(options, 'partner')!, role, {
        label: text(options, 'label', false),
        expiresAt: expiry(options),
      });
      print(`${created.partner.role} "${created.partner.name}" (${created.partner.id})`);
      print(keyLine(created.stored));
      print(`API key (shown once; store it now): ${created.key}`);
    },
    'keys:list': async (_args: string[], options: Options) => {
      const partner = text(options, 'partner', false);
      const keys = await app.get(ApiKeysService).list();
      keys
        .filter((key) => !partner || key.partner?.name === partner)
        .forEach((key) => print(keyLine(key)));
    },
    'keys:revoke': async ([prefix]: string[]) =>
      print(keyLine(await app.get(ApiKeysService).revoke(required(prefix, 'key prefix')))),
    'keys:rotate': async ([prefix]: string[], options: Options) => {
      const rotated = await app
        .get(ApiKeysService)
        .rotate(required(prefix, 'key prefix'), undefined, expiry(options));
      print(`revoked hl_${prefixOf(prefix!)}; its replacement:`);
      print(keyLine(rotated.stored));
      print(`API key (shown once; store it now): ${rotated.key}`);
    },
    'people:create-staff': async ([email, password, ...name]: string[]) => {
      const person = await app
        .get(PeopleService)
        .createStaff(required(email, 'e-mail'), required(password, 'password'), name.join(' '));
      print(`staff ${person.email} (${person.displayName}) can sign in to the console`);
    },
    reindex: async () => {
      const report = await app.get(ReindexService).reindex();
      print(
        `reindexed ${report.indexed} records into ${report.index} (${report.failed} failed) and ${report.works} works into ${report.worksIndex}; previous: ${report.previous ?? '-'}`,
      );
    },
    'works:recluster': async () => {
      const report = await app.get(ReclusterService).recluster();
      print(
        `re-clustered ${report.profiled} records into ${report.clustered} works; indexed ${report.indexed} records into ${report.index} (${report.failed} failed) and ${report.works} works into ${report.worksIndex}; previous: ${report.previous ?? '-'}`,
      );
    },
  } as const;
}

/** `--expires`, an ISO date or date-time; ApiKeysService refuses one that is not in the future. */
function expiry(options: Options): Date | undefined {
  const value = text(options, 'expires', false);
  return value === undefined ? undefined : new Date(value);
}

function required(value: string | undefined, what: string): string {
  if (!value) throw new UsageError(`give the ${what}`);
  return value;
}

/**
 * Runs a queued run in this process, unless a harvester daemon takes it first: then it
 * waits for that one to finish. Either way it returns the finished run.
 */
async function harvestNow(app: INestApplicationContext, queued: HarvestRun): Promise<HarvestRun> {
  const queue = app.get(RunQueueService);
  const runs = app.get(HarvestRunsService);
  for (;;) {
    const claimed = await queue.claimNext(queued.id);
    if (claimed) return app.get(HarvestRunnerService).execute(claimed);
    const current = await runs.get(queued.id);
    if (current && current.status !== 'queued' && current.status !== 'running') return current;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
