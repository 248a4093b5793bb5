/**
 * The XML reader of @hop-luu/xml against saxes (the streaming parser the envelope uses),
 * each building the same element tree (names, namespaces, attributes, text) from the
 * generated records of bench:records. Records per second of process CPU time, best round.
 * The third reader is @hop-luu/xml with `{ positions: true }` (what the OAI-PMH item pass
 * asks for: qname, declarations and offsets on every element), to show what they cost.
 * Run: npm run bench:xml [records per format, default 20000] [rounds, default 3]
 */
import { SaxesParser } from 'saxes';
import { DEFAULT_XML_LIMITS, parseXml } from '../libs/xml/src';
import { dcRecord, marcRecord, modsRecord, seededRandom } from './records-generate';

const COUNT = Number(process.argv[2] ?? 20_000);
const ROUNDS = Number(process.argv[3] ?? 3);

interface Node {
  name: string;
  ns: string;
  attrs: string[];
  text: string;
  children: Node[];
}

/** saxes in namespace mode, building what parseXml builds. */
function saxesTree(xml: string): Node {
  const parser = new SaxesParser({ xmlns: true });
  const stack: Node[] = [];
  let root: Node | undefined;
  parser.on('opentag', (tag) => {
    const attrs: string[] = [];
    for (const name in tag.attributes)
      if (name !== 'xmlns' && !name.startsWith('xmlns:'))
        attrs.push(name, tag.attributes[name].value);
    const node: Node = { name: tag.local, ns: tag.uri, attrs, text: '', children: [] };
    if (stack.length) stack[stack.length - 1].children.push(node);
    else root = node;
    stack.push(node);
  });
  parser.on('closetag', () => stack.pop());
  parser.on('text', (text) => {
    if (stack.length) stack[stack.length - 1].text += text;
  });
  parser.write(xml).close();
  return root as Node;
}

function cpuSecondsOf(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

function main(): void {
  console.log(
    `XML readers: ${COUNT} generated records per format, ${ROUNDS} rounds, Node ${process.version}`,
  );
  for (const [format, generate] of [
    ['oai_dc', dcRecord],
    ['marc21', marcRecord],
    ['mods', modsRecord],
  ] as const) {
    const rnd = seededRandom(42);
    const docs = Array.from({ length: COUNT }, (_, i) => generate(i, rnd).metadataXml ?? '');
    const readers: [string, (xml: string) => unknown][] = [
      ['@hop-luu/xml', (xml) => parseXml(xml)],
      ['saxes', saxesTree],
      ['positions', (xml) => parseXml(xml, DEFAULT_XML_LIMITS, { positions: true })],
    ];
    const rates = readers.map(([name, read]) => {
      docs.slice(0, 2000).forEach(read); // warm-up
      const best = Math.min(
        ...Array.from({ length: ROUNDS }, () => cpuSecondsOf(() => docs.forEach(read))),
      );
      return [name, Math.round(COUNT / best)] as const;
    });
    const [ours, theirs, positioned] = rates;
    console.log(
      `${format.padEnd(7)} ${rates.map(([n, r]) => `${n} ${String(r).padStart(7)}/cpu-s`).join(' | ')} | ` +
        `${(ours[1] / theirs[1]).toFixed(2)}x saxes, positions ${(positioned[1] / ours[1]).toFixed(2)}x plain`,
    );
  }
}

main();
