/**
 * Writes the generated part of the labelled set, bench/clusters/generated.jsonl: one line per
 * record ({ work, family, sourceId, oaiIdentifier, metadataPrefix, xml }). Seeded: the same
 * file every run. `node -r ts-node/register/transpile-only -r tsconfig-paths/register bench/clusters/generate.ts`
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../records-generate';
import { Cataloguer, LIBRARIES, type LabelledRecord, type Library } from './catalogues';
import { WorkFactory, type Rng, type Work } from './works';

export const SEED = 16;
export const GENERATED_FILE = join(__dirname, 'generated.jsonl');

/** How many families of each kind, per language where it applies. */
function allWorks(factory: WorkFactory): Work[] {
  const works: Work[] = [];
  const repeat = (n: number, make: (i: number) => Work[]): void => {
    for (let i = 0; i < n; i++) works.push(...make(i));
  };
  repeat(120, () => factory.single('vie'));
  repeat(40, () => factory.single('eng'));
  repeat(20, () => factory.editions('vie'));
  repeat(8, () => factory.editions('eng'));
  repeat(10, (i) => factory.reprint(i % 3 === 0 ? 'eng' : 'vie'));
  repeat(14, (i) => factory.volumes(i % 4 === 0 ? 'eng' : 'vie'));
  repeat(25, (i) => factory.sameTitle(i % 5 === 0 ? 'eng' : 'vie'));
  repeat(20, (i) => factory.namesakes(i % 5 === 0 ? 'eng' : 'vie'));
  repeat(6, (i) => factory.classic(i));
  repeat(8, (i) => factory.serial(i));
  repeat(15, () => factory.thesis());
  repeat(6, () => factory.reusedIsbn());
  return works;
}

const HOLDERS_PER_WORK: ReadonlyArray<readonly [number, number]> = [
  [1, 20],
  [2, 30],
  [3, 25],
  [4, 15],
  [5, 7],
  [6, 3],
];

function holders(rng: Rng, work: Work): Library[] {
  const eligible = LIBRARIES.filter((lib) => {
    if (!lib.languages.includes(work.language)) return false;
    if (work.type === 'thesis') return ['nlv', 'koha-vnu', 'dspace-hue'].includes(lib.id);
    if (work.type === 'journal') return lib.id !== 'dl-special';
    return true;
  });
  let r = rng() * 100;
  let count = 1;
  for (const [n, share] of HOLDERS_PER_WORK)
    if ((r -= share) < 0) {
      count = n;
      break;
    }
  const shuffled = shuffle(rng, eligible);
  return shuffled.slice(0, Math.min(count, shuffled.length));
}

function shuffle<T>(rng: Rng, list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Every generated record, in a shuffled order so record ids say nothing of the works. */
export function generateLabelledSet(seed = SEED): LabelledRecord[] {
  const rng = seededRandom(seed);
  const works = allWorks(new WorkFactory(rng));
  const copies = shuffle(
    rng,
    works.flatMap((work) => holders(rng, work).map((library) => ({ work, library }))),
  );
  const serials = new Map<string, number>();
  return copies.map(({ work, library }) => {
    const n = (serials.get(library.id) ?? 0) + 1;
    serials.set(library.id, n);
    const oaiIdentifier = `oai:${library.id}:${String(n).padStart(6, '0')}`;
    return new Cataloguer(rng, library, work).record(oaiIdentifier);
  });
}

if (require.main === module) {
  const records = generateLabelledSet();
  writeFileSync(GENERATED_FILE, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const works = new Set(records.map((r) => r.work)).size;
  console.log(`wrote ${records.length} records of ${works} works to ${GENERATED_FILE}`);
}
