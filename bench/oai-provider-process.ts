/**
 * The test provider in its own process, so its CPU and memory do not pollute
 * the harvesting measurements. Prints one JSON line {"origin": ...} when ready.
 * Usage: node oai-provider-process.js <records> <pageSize>[,<pageSize>...] [once|repeated]
 * [compact|broad] (whether the library holds each famous edition once, or again every tenth
 * record; the vocabulary of its own works, see GenerateOptions.vocabulary)
 */
import { startOaiProvider } from '@hop-luu/oai-test-provider';

async function main(): Promise<void> {
  const records = Number(process.argv[2] ?? 100_000);
  const pageSizes = (process.argv[3] ?? '100,5000').split(',').map(Number);
  const famousWorksOnce = process.argv[4] === 'once';
  const vocabulary = process.argv[5] === 'broad' ? 'broad' : 'compact';
  const provider = await startOaiProvider({
    repositories: pageSizes.map((pageSize) => ({
      name: `p${pageSize}`,
      records,
      pageSize,
      // Rendered pages are cached so the provider is not the bottleneck after a warm-up pass.
      cacheResponses: true,
      generator: {
        libraryCode: 'bench',
        libraryName: 'Thư viện Đại học Quốc gia Hà Nội',
        famousWorksOnce,
        vocabulary,
      },
    })),
  });
  process.stdout.write(`${JSON.stringify({ origin: provider.origin })}\n`);
  process.on('SIGTERM', () => void provider.close().then(() => process.exit(0)));
}

void main();
