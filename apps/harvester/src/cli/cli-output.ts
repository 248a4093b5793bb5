import { ApiKey, keyStatus } from '@hop-luu/access';
import { HarvestRun } from '@hop-luu/harvest-runs';
import { Source } from '@hop-luu/sources';

/** Plain-text renderings for operators; one line per row so output greps well. */
export function sourceLine(source: Source): string {
  const state = source.enabled ? 'enabled ' : 'disabled';
  const mark = source.highWaterMark ? source.highWaterMark.toISOString() : 'never harvested';
  return `${source.id.padEnd(24)} ${state} ${source.metadataPrefix.padEnd(8)} ${(source.schedule ?? 'manual').padEnd(14)} ${mark}  ${source.libraryName} <${source.baseUrl}>`;
}

export function runLine(run: HarvestRun): string {
  const when = (run.startedAt ?? run.queuedAt).toISOString();
  return (
    `${run.id} ${run.sourceId.padEnd(20)} ${run.status.padEnd(9)} ${run.mode.padEnd(11)} ${run.trigger.padEnd(8)} ${when} ` +
    `seen=${run.recordsSeen} indexed=${run.recordsIndexed} unchanged=${run.recordsUnchanged} ` +
    `deleted=${run.recordsDeleted} failed=${run.recordsFailed} pages=${run.pages}`
  );
}

export function runDetails(run: HarvestRun): string {
  const lines = [
    runLine(run),
    `  from=${run.fromDate?.toISOString() ?? '-'} until=${run.untilDate?.toISOString() ?? '-'} ` +
      `finished=${run.finishedAt?.toISOString() ?? '-'} requests=${run.requests} retries=${run.retries} bytes=${run.bytes} ` +
      `invalid-utf8=${run.invalidBytesReplaced}`,
  ];
  if (run.errorCode) lines.push(`  error ${run.errorCode}: ${run.errorMessage}`);
  for (const error of run.errors)
    lines.push(`  - ${error.identifier ?? '(page)'} ${error.code}: ${error.message}`);
  return lines.join('\n');
}

/** An API key without its secret (only its hash is stored): prefix, state, owner, dates. */
export function keyLine(key: ApiKey): string {
  const at = (date: Date | null) => date?.toISOString() ?? '-';
  return (
    `hl_${key.prefix} ${keyStatus(key).padEnd(7)} ${(key.partner?.role ?? '').padEnd(7)} ` +
    `created=${at(key.createdAt)} expires=${at(key.expiresAt)} last-used=${at(key.lastUsedAt)} ` +
    `revoked=${at(key.revokedAt)}  "${key.partner?.name ?? key.partnerId}"${key.label ? ` (${key.label})` : ''}`
  );
}
