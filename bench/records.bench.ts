/**
 * Records per second per format, on one core (this process, one thread).
 * Run: npm run bench:records [records per format, default 20000] [rounds, default 3]
 *
 * Each format is timed over several rounds. Printed per format:
 * - wall: records per wall-clock second, best round (other processes only ever slow a
 *   round down, so the best is closest to what one free core does) and median;
 * - cpu: records per second of this process's CPU time (user + system, GC threads
 *   included), best round: stable when the machine is shared.
 */
import { normalizeRecord, type NormalizeInput } from '../libs/records/src';
import { dcRecord, marcRecord, modsRecord, seededRandom } from './records-generate';

const COUNT = Number(process.argv[2] ?? 20_000);
const ROUNDS = Number(process.argv[3] ?? 3);
const GENERATORS: ReadonlyArray<
  readonly [string, (n: number, rnd: () => number) => NormalizeInput]
> = [
  ['oai_dc', dcRecord],
  ['marc21', marcRecord],
  ['mods', modsRecord],
];

interface Round {
  wallSeconds: number;
  cpuSeconds: number;
  failed: number;
  warnings: number;
}

function run(inputs: readonly NormalizeInput[]): Round {
  let failed = 0;
  let warnings = 0;
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (const input of inputs) {
    const result = normalizeRecord(input);
    if (result.ok) warnings += result.record.warnings.length;
    else failed++;
  }
  const wallSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  return { wallSeconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, failed, warnings };
}

const perSecond = (seconds: number): string => String(Math.round(COUNT / seconds));

function main(): void {
  console.log(
    `@hop-luu/records benchmark: ${COUNT} generated records per format, ${ROUNDS} rounds, ` +
      `Node ${process.version}, one thread`,
  );
  for (const [format, generate] of GENERATORS) {
    const rnd = seededRandom(42);
    const inputs = Array.from({ length: COUNT }, (_, i) => generate(i, rnd));
    const bytes = inputs.reduce((sum, r) => sum + Buffer.byteLength(r.metadataXml ?? ''), 0);
    run(inputs.slice(0, Math.min(2000, COUNT))); // warm-up: let V8 optimise before timing
    const rounds = Array.from({ length: ROUNDS }, () => run(inputs));
    const byWall = [...rounds].sort((a, b) => a.wallSeconds - b.wallSeconds);
    const bestCpu = Math.min(...rounds.map((r) => r.cpuSeconds));
    const best = byWall[0];
    console.log(
      `${format.padEnd(7)} wall ${perSecond(best.wallSeconds).padStart(6)} records/s best ` +
        `(${perSecond(byWall[Math.floor(ROUNDS / 2)].wallSeconds)} median) | ` +
        `cpu ${perSecond(bestCpu).padStart(6)} records/s | ` +
        `avg ${Math.round(bytes / COUNT)} B/record, ${best.failed} failed, ` +
        `${(best.warnings / COUNT).toFixed(2)} warnings/record`,
    );
  }
}

main();
