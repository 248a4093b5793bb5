/**
 * Works matching on the labelled set (bench/clusters/, see its README): pairwise precision,
 * recall and F1 over record pairs, and matching records per second on one core.
 * Run: npm run bench:clusters [rounds, default 5] [--verbose: list wrong and missed pairs]
 *      [--seed N: match a set generated afresh from seed N instead of the stored one]
 *
 * Every record is normalised by @hop-luu/records from its XML (not timed), then matched as
 * the works store does (profiles, candidate keys, components, clusterComponent; timed).
 * A scale run matches the set generated with further seeds (about 10,000 records, not
 * labelled) for records/s on bigger components.
 */
import { normalizeRecord, type NormalizedRecord } from '@hop-luu/records';
import { judge, profileOf } from '@hop-luu/work-matching';
import type { LabelledRecord } from './clusters/catalogues';
import { pairScores } from './clusters/evaluate';
import { generateLabelledSet, SEED } from './clusters/generate';
import { loadLabelledSet, normalizeInputOf } from './clusters/labelled-set';
import { checkInvariants } from './clusters/invariants';
import { runPipeline, type PipelineResult } from './clusters/pipeline';

const ROUNDS = Number(
  process.argv[2] !== undefined && /^\d+$/.test(process.argv[2]) ? process.argv[2] : 5,
);
const VERBOSE = process.argv.includes('--verbose');
/** `--seed N`: a set generated afresh from another seed instead of the stored one (a check against tuning to it). */
const SEED_ARG = process.argv.indexOf('--seed');
const OTHER_SEED = SEED_ARG === -1 ? undefined : Number(process.argv[SEED_ARG + 1]);
const SCALE_SEEDS = 8;

function normalizeAll(records: readonly LabelledRecord[]): NormalizedRecord[] {
  return records.map((r) => {
    const result = normalizeRecord(normalizeInputOf(r));
    if (!result.ok) throw new Error(`${r.sourceId} ${r.oaiIdentifier}: ${result.error.message}`);
    return result.record;
  });
}

function timed(records: readonly NormalizedRecord[]): {
  result: PipelineResult;
  cpu: number;
  wall: number;
} {
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  const result = runPipeline(records);
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  return { result, cpu: (cpu.user + cpu.system) / 1e6, wall };
}

function rate(
  records: readonly NormalizedRecord[],
  rounds: number,
): { result: PipelineResult; cpu: number; wall: number } {
  timed(records); // warm-up
  const runs = Array.from({ length: rounds }, () => timed(records));
  return {
    result: runs[0].result,
    cpu: Math.min(...runs.map((r) => r.cpu)),
    wall: Math.min(...runs.map((r) => r.wall)),
  };
}

/** Best CPU seconds of profiling every record, over `rounds` rounds (after a warm-up). */
function profilingCpu(records: readonly NormalizedRecord[], rounds: number): number {
  let best = Infinity;
  for (let round = 0; round <= rounds; round++) {
    const start = process.cpuUsage();
    for (const record of records) profileOf(record);
    const used = process.cpuUsage(start);
    if (round > 0) best = Math.min(best, (used.user + used.system) / 1e6);
  }
  return best;
}

function listErrors(
  labelled: readonly LabelledRecord[],
  result: PipelineResult,
  records: readonly NormalizedRecord[],
): void {
  const work = new Map(result.memberships.map((m) => [m.recordId, m.workId]));
  const byId = new Map(labelled.map((r, i) => [records[i].id, r]));
  const ids = records.map((r) => r.id);
  const title = (id: string): string => `${id} «${records[ids.indexOf(id)].title}»`;
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++) {
      const a = ids[i];
      const b = ids[j];
      const same = byId.get(a)?.work === byId.get(b)?.work;
      const together = work.get(a) === work.get(b);
      if (same === together) continue;
      const verdict = judge(result.profiles.get(a)!, result.profiles.get(b)!);
      const kind = same ? 'MISSED' : 'WRONG';
      console.log(
        `${kind} [${byId.get(a)?.family}/${byId.get(b)?.family}] ${title(a)} ~ ${title(b)}: ${JSON.stringify(verdict)}`,
      );
    }
}

function main(): void {
  const labelled = OTHER_SEED === undefined ? loadLabelledSet() : generateLabelledSet(OTHER_SEED);
  const records = normalizeAll(labelled);
  const truth = new Map(records.map((r, i) => [r.id, labelled[i].work]));
  const { result, cpu, wall } = rate(records, ROUNDS);
  const predicted = new Map(result.memberships.map((m) => [m.recordId, m.workId]));
  const s = pairScores(truth, predicted);
  const works = new Set(labelled.map((r) => r.work)).size;
  console.log(
    `works matching on the labelled set: ${records.length} records of ${works} works (${OTHER_SEED === undefined ? `seed ${SEED} + hand-written` : `seed ${OTHER_SEED}, generated afresh`}), Node ${process.version}, one thread`,
  );
  console.log(
    `  pairs: ${s.truePairs} true, ${s.predictedPairs} predicted, ${s.correctPairs} correct`,
  );
  console.log(
    `  precision ${s.precision.toFixed(4)}  recall ${s.recall.toFixed(4)}  F1 ${s.f1.toFixed(4)}`,
  );
  console.log(
    `  works found ${new Set(predicted.values()).size}; components ${result.components} (largest ${result.largestComponent}); keys over the posting limit ${result.ignoredKeys}`,
  );
  console.log(
    `  matching: ${Math.round(records.length / cpu)} records/s CPU, ${Math.round(records.length / wall)} records/s wall (best of ${ROUNDS})`,
  );
  const profileCpu = profilingCpu(records, ROUNDS);
  console.log(
    `  of which profileOf alone: ${Math.round(records.length / profileCpu)} records/s CPU (what the harvester adds per record before the store)`,
  );
  const inv = checkInvariants(result.componentProfiles);
  console.log(
    `  invariants: judge asymmetric on ${inv.asymmetric} of ${inv.pairsJudged} pairs; clusterComponent changed by input order or a JSON round trip on ${inv.orderDependent} of ${inv.componentsShuffled} components`,
  );
  const scale = normalizeAll(
    Array.from({ length: SCALE_SEEDS }, (_, k) =>
      generateLabelledSet(SEED + 1 + k).map((r) => ({ ...r, sourceId: `${r.sourceId}-${k}` })),
    ).flat(),
  );
  const big = rate(scale, Math.max(1, Math.min(ROUNDS, 3)));
  console.log(
    `  scale run: ${scale.length} records, components ${big.result.components} (largest ${big.result.largestComponent}), keys over the limit ${big.result.ignoredKeys}: ${Math.round(scale.length / big.cpu)} records/s CPU, ${Math.round(scale.length / big.wall)} records/s wall`,
  );
  if (VERBOSE) listErrors(labelled, result, records);
}

main();
