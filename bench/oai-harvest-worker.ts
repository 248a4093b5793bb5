/**
 * One measured harvest in a fresh process (so peak RSS belongs to it alone).
 * Usage: node oai-harvest-worker.js <client|xml2js|saxes> <baseUrl>
 * Prints one JSON line: { records, seconds, cpuSeconds, peakRssMb }.
 */
import * as http from 'node:http';
import { readFileSync } from 'node:fs';
import { SaxesParser } from 'saxes';
import { OaiPmhClient } from '../libs/oai-pmh/src';

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 20);

// A new connection per page: a peer parsing a big page for longer than the provider's
// keep-alive timeout would otherwise reuse a socket the provider has just closed.
const agent = new http.Agent({ keepAlive: false });

/** GET one page as a stream of UTF-8 text chunks. */
function getPage(url: string): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    http
      .get(
        url,
        { agent, headers: { 'User-Agent': 'HopLuu-bench/1.0 (+mailto:bench@hopluu.example.vn)' } },
        (res) => {
          res.setEncoding('utf8');
          resolve(res);
        },
      )
      .on('error', reject);
  });
}

function pageUrl(baseUrl: string, token: string | undefined): string {
  return token
    ? `${baseUrl}?verb=ListRecords&resumptionToken=${encodeURIComponent(token)}`
    : `${baseUrl}?verb=ListRecords&metadataPrefix=oai_dc`;
}

async function withClient(baseUrl: string): Promise<number> {
  const client = new OaiPmhClient({
    baseUrl,
    userAgent: 'HopLuu-bench/1.0 (+mailto:bench@hopluu.example.vn)',
    allowPrivateAddresses: true,
  });
  let records = 0;
  let bytes = 0;
  for await (const page of client.listRecords({ metadataPrefix: 'oai_dc' })) {
    for await (const item of page.items()) {
      if (item.kind === 'record') {
        records++;
        bytes += item.record.metadataXml?.length ?? 0; // touch the payload like a real consumer
      }
    }
  }
  client.close();
  return bytes > 0 ? records : 0;
}

/** xml2js: buffer each page, build the object tree, walk the records. */
async function withXml2js(baseUrl: string): Promise<number> {
  type Tree = {
    'OAI-PMH': {
      ListRecords: { record: unknown[]; resumptionToken?: (string | { _?: string })[] }[];
    };
  };
  // Loaded here, so that the other harvesters' processes do not carry it.
  const { parseStringPromise } = await import('xml2js');
  let records = 0;
  let token: string | undefined;
  do {
    let text = '';
    for await (const chunk of await getPage(pageUrl(baseUrl, token))) text += chunk as string;
    const tree = (await parseStringPromise(text)) as Tree;
    const list = tree['OAI-PMH'].ListRecords[0];
    records += list.record.length;
    const raw = list.resumptionToken?.[0];
    token = typeof raw === 'string' ? raw : raw?._;
  } while (token);
  return records;
}

/** Raw saxes tokenisation of the streamed pages: counts records, reads the token, nothing else. */
async function withSaxes(baseUrl: string): Promise<number> {
  let records = 0;
  let token: string | undefined;
  do {
    const parser = new SaxesParser();
    let depth = 0;
    let inToken = false;
    let nextToken = '';
    parser.on('opentag', (tag) => {
      depth++;
      if (depth === 3 && tag.name === 'record') records++;
      inToken = tag.name === 'resumptionToken';
    });
    parser.on('text', (text) => {
      if (inToken) nextToken += text;
    });
    parser.on('closetag', () => {
      depth--;
      inToken = false;
    });
    for await (const chunk of await getPage(pageUrl(baseUrl, token))) parser.write(chunk as string);
    parser.close();
    token = nextToken.trim() || undefined;
  } while (token);
  return records;
}

function vmHwmMb(): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

async function main(): Promise<void> {
  const [method, baseUrl] = process.argv.slice(2);
  const run = { client: withClient, xml2js: withXml2js, saxes: withSaxes }[method];
  if (!run || !baseUrl)
    throw new Error('usage: oai-harvest-worker <client|xml2js|saxes> <baseUrl>');
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  const records = await run(baseUrl);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  clearInterval(sampler);
  agent.destroy();
  const result = {
    records,
    seconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    peakRssMb: Math.max(peakRss / 1048576, vmHwmMb()),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
