import { DEMO_FAILING_LIBRARY, DEMO_PROVIDER_PORT } from './demo-feed';
import { DEMO_STAFF, startDemoSystem } from './demo-system';

/**
 * `npm run demo`: the whole system on one machine (scripts/demo-system.ts), kept running
 * until Ctrl-C, with what to open printed: the console, the alert e-mails, the explorer.
 */
function say(line: string): void {
  process.stderr.write(`[demo] ${line}\n`);
}

/** maildev's SMTP and web ports (its defaults); not started when SMTP_URL points elsewhere. */
const MAIL_CATCHER = { smtp: 1025, web: 1080 };

async function main(): Promise<void> {
  const mailCatcher = process.env.SMTP_URL ? null : MAIL_CATCHER;
  const demo = await startDemoSystem({
    // The sample feed is served on 127.0.0.1, which sources may only use when allowed.
    env: {
      HARVEST_ALLOW_PRIVATE_ADDRESSES: 'true',
      HARVEST_POLITENESS_DELAY_MS: '0',
      ...process.env,
    },
    providerPort: DEMO_PROVIDER_PORT,
    mailCatcher,
    say,
  });
  for (const run of demo.runs) {
    say(
      `${run.sourceId.padEnd(14)} ${run.status}: ${run.recordsSeen} records (${run.recordsIndexed} indexed, ${run.recordsUnchanged} unchanged, ${run.recordsFailed} failed)${run.errorCode ? ` ${run.errorCode}` : ''}`,
    );
  }
  const gateway = demo.gatewayUrl;
  say(`Console (staff and partner libraries): ${gateway}/console/`);
  say(`  staff sign-in: ${DEMO_STAFF.email} / ${DEMO_STAFF.password}`);
  say(
    mailCatcher
      ? `Alert e-mails (${DEMO_FAILING_LIBRARY.repository.name} fails on purpose): http://127.0.0.1:${mailCatcher.web}/`
      : `Alert e-mails go to SMTP_URL=${process.env.SMTP_URL}`,
  );
  const query = JSON.stringify({
    query:
      '{ search(query: "lich su viet nam", first: 3) { totalCount works { representative { title year } holdings { libraryName callNumber } } } }',
  });
  say(`Query the union catalogue in a browser: ${gateway}/explorer`);
  say(`or: curl -s ${gateway}/graphql -H 'content-type: application/json' -d '${query}'`);
  say(
    `Harvest runs: npm run cli -- runs    metrics (staff key: npm run cli -- keys:create --partner Ops --role staff): http://127.0.0.1:${demo.config.harvester.port}/metrics`,
  );
  say('Ctrl-C stops everything the demo started.');
  const shutdown = async () => {
    await demo.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

void main().catch((error: Error) => {
  say(`failed: ${error.message}`);
  process.exit(1);
});
