import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiKeysService } from '@hop-luu/access';
import { verifySignature } from '@hop-luu/alerts';
import { loadConfig } from '@hop-luu/config';
import { createApp } from '@hop-luu/platform';
import { gatewayApp } from '../apps/gateway/src/gateway.app';
import { HarvestRunnerService } from '../apps/harvester/src/harvest/harvest-runner.service';
import { harvesterApp } from '../apps/harvester/src/harvester.app';
import { RunQueueService } from '../apps/harvester/src/runs/run-queue.service';
import { QualityReportsService } from '@hop-luu/quality';
import { generateRecords, OaiProvider, startOaiProvider } from '@hop-luu/oai-test-provider';
import { gql } from './support/graphql-client';
import { harvesterContext, queueRun, registerSource, waitForRun } from './support/harvest-helpers';
import { CaughtMail, SmtpCatcher } from './support/smtp-catcher';
import { isolatedTestEnv, removeTestEnv, TestEnv } from './support/test-environment';

interface Delivery {
  readonly body: string;
  readonly signature: string | undefined;
}

/** A local webhook receiver: answers 500 to the first `failFirst` POSTs, 204 after. */
async function startReceiver(failFirst: number): Promise<{
  server: Server;
  url: string;
  accepted: Delivery[];
  refused: number;
}> {
  const state = { accepted: [] as Delivery[], refused: 0 };
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (state.refused < failFirst) {
        state.refused++;
        res.writeHead(500).end();
        return;
      }
      const signature = req.headers['x-hopluu-signature'] as string | undefined;
      state.accepted.push({ body: Buffer.concat(chunks).toString('utf8'), signature });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, { server, url: `http://127.0.0.1:${port}/hooks/hopluu` });
}

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const HOA = { seed: 21, libraryCode: 'hoa' };

/** Alerts end to end: a real harvester, the test OAI provider, a real SMTP server, a webhook. */
describe('alerts: one message per incident, by e-mail and webhook', () => {
  const CONSOLE = 'http://console.thuvien.test/console';
  const ADMIN = 'oai-admin@hue.edu.vn';
  const STAFF = 'ops@nlv.gov.vn';
  let provider: OaiProvider;
  let catcher: SmtpCatcher;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let env: TestEnv;
  let harvester: INestApplication;
  let gateway: INestApplication;
  let partnerKey: string;
  let otherPartnerKey: string;

  beforeAll(async () => {
    provider = await startOaiProvider({
      repositories: [
        { name: 'hue', records: 12, pageSize: 12, adminEmail: ADMIN },
        { name: 'hoa', records: 20, pageSize: 20, generator: HOA },
      ],
    });
    catcher = await SmtpCatcher.start();
    receiver = await startReceiver(1);
    env = await isolatedTestEnv('alerts', {
      SMTP_URL: catcher.url,
      ALERT_STAFF_EMAILS: STAFF,
      CONSOLE_PUBLIC_URL: CONSOLE,
      HARVEST_RETRY_MAX_ATTEMPTS: '1',
      ALERT_RETRY_BASE_DELAY_MS: '50',
    });
    const config = loadConfig({ ...process.env, ...env });
    harvester = await createApp(harvesterApp, config);
    await harvester.init();
    gateway = await createApp(gatewayApp, config);
    await gateway.init();
    const keys = harvester.get(ApiKeysService);
    const partner = await keys.createKey('Thư viện Đại học Huế', 'partner');
    partnerKey = partner.key;
    otherPartnerKey = (await keys.createKey('Thư viện Cần Thơ', 'partner')).key;
    await registerSource(harvester, provider, 'hue', { libraryName: 'Thư viện Đại học Huế' });
    await registerSource(harvester, provider, 'hoa', { libraryName: 'Thư viện Thanh Hóa' });
    await harvester
      .get(DataSource)
      .query(`UPDATE sources SET owner_id = $1 WHERE id = 'hue'`, [partner.partner.id]);
  });

  afterAll(async () => {
    await gateway?.close();
    await harvester?.close();
    await catcher?.stop();
    receiver?.server.close();
    await provider?.close();
    if (env) await removeTestEnv(env);
  });

  const failingRun = async () => {
    provider.repo('hue').injectFault({ type: 'status', status: 500 });
    const run = await waitForRun(harvester, (await queueRun(harvester, 'hue')).id);
    expect(run.status).toBe('failed');
    return run;
  };

  const incidents = async (key: string) =>
    (
      await gql(
        gateway,
        `{ alertIncidents(filter: { sourceId: "hue" }) {
          kind firstRunId lastRunId resolvedByRunId errorCode link notifiedAt recoveryNotifiedAt } }`,
        {},
        key,
      )
    ).data!.alertIncidents as Record<string, string | null>[];

  it('tells partner and staff once when a source fails, again only when it recovers', async () => {
    const created = await gql(
      gateway,
      `mutation($url: String!) { createAlertWebhook(url: $url) { secret webhook { id url partnerId } } }`,
      { url: receiver.url },
      partnerKey,
    );
    expect(created.errors).toBeUndefined();
    const { secret } = created.data!.createAlertWebhook as { secret: string };

    // First failure: one e-mail to each recipient, one webhook (after one 500 and one SMTP 451).
    catcher.refuseNext(1);
    const first = await failingRun();
    const opened = await catcher.waitFor((m) => m.to.includes(ADMIN));
    await catcher.waitFor((m) => m.to.includes(STAFF));
    expect(opened.subject).toBe(
      '[Hợp Lưu] Thu hoạch thất bại / Harvest failed: Thư viện Đại học Huế',
    );
    expect(opened.text).toContain('Lần thu hoạch nguồn Thư viện Đại học Huế (hue) bị lỗi');
    expect(opened.text).toContain(`${CONSOLE}/runs/${first.id}`);
    expect(opened.text.indexOf('— English —')).toBeGreaterThan(opened.text.indexOf('Mã lỗi'));
    await until(() => receiver.accepted.length === 1, 'the opening webhook');
    expect(receiver.refused).toBe(1);
    const hook = receiver.accepted[0];
    expect(verifySignature(hook.body, secret, hook.signature)).toBe(true);
    expect(JSON.parse(hook.body)).toMatchObject({
      event: 'incident.opened',
      incident: { kind: 'RUN_FAILED', sourceId: 'hue', firstRunId: first.id },
      link: `${CONSOLE}/runs/${first.id}`,
    });

    // Second failure of the same incident: recorded, nothing sent.
    const second = await failingRun();
    await until(async () => (await incidents(partnerKey))[0]?.lastRunId === second.id, 'run 2');

    // Recovery: one more e-mail to each, one more webhook.
    const recovery = await waitForRun(harvester, (await queueRun(harvester, 'hue')).id);
    expect(recovery.status).toBe('succeeded');
    const recovered = await catcher.waitFor(
      (m) => m.to.includes(ADMIN) && m.subject.includes('Recovered'),
    );
    expect(recovered.text).toContain(`${CONSOLE}/runs/${recovery.id}`);
    await catcher.waitFor((m) => m.to.includes(STAFF) && m.subject.includes('Recovered'));
    await until(() => receiver.accepted.length === 2, 'the recovery webhook');
    const end = receiver.accepted[1];
    expect(verifySignature(end.body, secret, end.signature)).toBe(true);
    expect(JSON.parse(end.body)).toMatchObject({ event: 'incident.resolved' });

    const [incident] = await incidents(partnerKey);
    expect(incident).toMatchObject({
      kind: 'RUN_FAILED',
      firstRunId: first.id,
      lastRunId: second.id,
      resolvedByRunId: recovery.id,
      link: `${CONSOLE}/runs/${recovery.id}`,
    });
    await until(async () => (await incidents(partnerKey))[0].recoveryNotifiedAt !== null, 'mark');
    // Two recipients, two messages each (opening and recovery), none for the second failure.
    expect(catcher.messages()).toHaveLength(4);
    expect(catcher.messages().filter((m) => m.to.includes(ADMIN))).toHaveLength(2);
    expect(receiver.accepted).toHaveLength(2);
  });

  it('tells staff once when the subjects vanish from a source, and once when they are back', async () => {
    const reports = harvester.get(QualityReportsService);
    const harvestAndReport = async (): Promise<void> => {
      const run = await waitForRun(harvester, (await queueRun(harvester, 'hoa')).id);
      await until(async () => (await reports.find('hoa'))?.report.runId === run.id, 'report');
    };
    const records = generateRecords(20, HOA);
    const setSubjects = (keep: boolean) => {
      for (let i = 0; i < 20; i++) {
        const record = records.at(i);
        provider
          .repo('hoa')
          .updateRecord(record.identifier, { subjects: keep ? record.subjects : [] });
      }
    };
    const aboutHoa = (m: CaughtMail) => m.subject.includes('Thư viện Thanh Hóa');
    await harvestAndReport();
    setSubjects(false);
    await harvestAndReport();
    const drop = await catcher.waitFor((m) => aboutHoa(m) && m.to.includes(STAFF));
    expect(drop.subject).toBe(
      '[Hợp Lưu] Chất lượng dữ liệu giảm mạnh / Data quality dropped: Thư viện Thanh Hóa',
    );
    expect(drop.text).toContain(
      'có chủ đề của nguồn Thư viện Thanh Hóa (hoa) giảm mạnh từ 100% xuống 0%',
    );
    expect(drop.text).toContain(`${CONSOLE}/sources/hoa`);
    await harvestAndReport(); // still without subjects: the same incident, no message
    setSubjects(true);
    await harvestAndReport();
    await catcher.waitFor((m) => aboutHoa(m) && m.subject.includes('Recovered'));
    expect(catcher.messages().filter(aboutHoa)).toHaveLength(2);
  });

  it('shows a partner only its own incidents and webhooks, never a secret', async () => {
    expect(await incidents(otherPartnerKey)).toEqual([]);
    const listed = await gql(gateway, '{ alertWebhooks { url partnerId } }', {}, otherPartnerKey);
    expect(listed.data!.alertWebhooks).toEqual([]);
    const own = await gql(gateway, '{ alertWebhooks { id url } }', {}, partnerKey);
    expect(own.data!.alertWebhooks).toEqual([{ id: expect.any(String), url: receiver.url }]);
    const id = (own.data!.alertWebhooks as { id: string }[])[0].id;
    const foreign = await gql(
      gateway,
      'mutation($id: ID!) { deleteAlertWebhook(id: $id) }',
      { id },
      otherPartnerKey,
    );
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

/** A harvester stopped as soon as a run returns (a deploy right after a harvest). */
describe('alerts: a harvester stopped right after a run', () => {
  const LAO = { seed: 23, libraryCode: 'lao' };
  let provider: OaiProvider;
  let env: TestEnv;

  beforeAll(async () => {
    provider = await startOaiProvider({
      repositories: [{ name: 'lao', records: 10, pageSize: 10, generator: LAO }],
    });
    env = await isolatedTestEnv('alerts_stop');
  });

  afterAll(async () => {
    await provider?.close();
    if (env) await removeTestEnv(env);
  });

  /** One run of `sourceId` in this process, returned when it ends (as the worker runs it). */
  async function harvestNow(app: INestApplicationContext, sourceId: string): Promise<void> {
    const queued = await queueRun(app, sourceId);
    const claimed = (await app.get(RunQueueService).claimNext(queued.id))!;
    await app.get(HarvestRunnerService).execute(claimed);
  }

  it('still opens the incident its quality report calls for', async () => {
    const first = await harvesterContext(env);
    await registerSource(first, provider, 'lao', { libraryName: 'Thư viện Lào Cai' });
    await harvestNow(first, 'lao');
    const reports = first.get(QualityReportsService);
    await until(async () => (await reports.find('lao')) !== null, 'the first report');
    const records = generateRecords(10, LAO);
    for (let i = 0; i < 10; i++)
      provider.repo('lao').updateRecord(records.at(i).identifier, { subjects: [] });
    await harvestNow(first, 'lao');
    await first.close();

    const second = await harvesterContext(env);
    const open = await second
      .get(DataSource)
      .query(`SELECT kind FROM alert_incidents WHERE source_id = 'lao' AND resolved_at IS NULL`);
    await second.close();
    expect(open).toEqual([{ kind: 'QUALITY_DROP' }]);
  });
});
