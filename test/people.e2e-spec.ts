import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { AppConfig, loadConfig } from '@hop-luu/config';
import { createApp } from '@hop-luu/platform';
import { gatewayApp } from '../apps/gateway/src/gateway.app';
import { CliModule } from '../apps/harvester/src/cli/cli.module';
import { commands } from '../apps/harvester/src/cli/commands';
import { OaiProvider, startOaiProvider } from '@hop-luu/oai-test-provider';
import { SmtpCatcher } from './support/smtp-catcher';
import { isolatedTestEnv, removeTestEnv, TestEnv } from './support/test-environment';

const STAFF = { email: 'lan.tran@nlv.gov.vn', password: 'sông Hồng chảy qua Hà Nội' };
const CONSOLE_URL = 'http://console.test/console';
const PERSON = 'id email displayName role partnerId partnerName alertDigest disabled';

/** A browser: keeps the session cookie, and sends the CSRF token once it has one. */
interface Browser {
  readonly agent: TestAgent;
  csrf?: string;
}

describe('people: sign-in, sessions, CSRF, invitations, roles', () => {
  let catcher: SmtpCatcher;
  let provider: OaiProvider;
  let env: TestEnv;
  let config: AppConfig;
  let gateway: INestApplication;
  let cli: INestApplicationContext;

  const browser = (app = gateway): Browser => ({ agent: request.agent(app.getHttpServer()) });

  async function signIn(who: Browser, email: string, password: string) {
    const answer = await who.agent.post('/console/auth/sign-in').send({ email, password });
    if (answer.status === 200) who.csrf = answer.body.csrfToken;
    return answer;
  }

  async function gql(who: Browser, query: string, variables = {}, csrf = true) {
    const call = who.agent.post('/graphql').set('content-type', 'application/json');
    if (csrf && who.csrf) call.set('x-csrf-token', who.csrf);
    return call.send({ query, variables });
  }

  /** The set-up or reset link mailed to `email`, as the person would click it. */
  async function linkMailedTo(email: string, subject: RegExp): Promise<string> {
    const mail = await catcher.waitFor((m) => m.to.includes(email) && subject.test(m.subject));
    const link = mail.text.match(/(\S+\/password\?token=[A-Za-z0-9_-]+)/)?.[1];
    expect(link?.startsWith(`${CONSOLE_URL}/password?token=`)).toBe(true);
    return new URL(link!).searchParams.get('token')!;
  }

  beforeAll(async () => {
    catcher = await SmtpCatcher.start();
    provider = await startOaiProvider({
      repositories: [
        { name: 'a', records: 3, generator: { seed: 21 } },
        { name: 'b', records: 3, generator: { seed: 22 } },
      ],
    });
    env = await isolatedTestEnv('people', {
      SMTP_URL: catcher.url,
      CONSOLE_PUBLIC_URL: CONSOLE_URL,
      CONSOLE_SIGN_IN_MAX_FAILURES: '3',
      GATEWAY_RATE_LIMIT_BURST: '10000',
    });
    config = loadConfig({ ...process.env, ...env });
    gateway = await createApp(gatewayApp, config);
    await gateway.init();
    // The demo's and tests' staff come from the CLI command, run against the harvester's services.
    cli = await NestFactory.createApplicationContext(CliModule.forRoot(config), { logger: false });
    const printed: string[] = [];
    await commands(cli, (line) => printed.push(line))['people:create-staff']([
      STAFF.email,
      STAFF.password,
      'Trần',
      'Thị',
      'Lan',
    ]);
    expect(printed.join('\n')).toContain(`staff ${STAFF.email} (Trần Thị Lan) can sign in`);
  });

  afterAll(async () => {
    await cli?.close();
    await gateway?.close();
    await provider?.close();
    await catcher?.stop();
    if (env) await removeTestEnv(env);
  });

  describe('sign-in and sessions', () => {
    it('signs in with the right password and sets an HttpOnly SameSite cookie', async () => {
      const staff = browser();
      const answer = await signIn(staff, STAFF.email.toUpperCase(), STAFF.password);
      expect(answer.status).toBe(200);
      expect(answer.body.person).toMatchObject({ email: STAFF.email, role: 'staff' });
      const cookie = String(answer.headers['set-cookie']);
      expect(cookie).toMatch(/^hopluu\.sid=/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      expect(cookie).not.toMatch(/Secure/);
      const me = await staff.agent.get('/console/auth/me');
      expect(me.body.person).toMatchObject({ email: STAFF.email, displayName: 'Trần Thị Lan' });
      expect(me.body.csrfToken).toBe(staff.csrf);
    });

    it('refuses a wrong password and an unknown address with the same answer', async () => {
      const wrong = await signIn(browser(), STAFF.email, 'not the password at all');
      const unknown = await signIn(browser(), 'nobody@nlv.gov.vn', 'not the password at all');
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body).toEqual({ code: 'SIGN_IN_FAILED', message: expect.any(String) });
      expect(unknown.body).toEqual(wrong.body);
      expect(wrong.headers['set-cookie']).toBeUndefined();
    });

    it('keeps the session in PostgreSQL, so another gateway replica knows it', async () => {
      const staff = browser();
      const signedIn = await signIn(staff, STAFF.email, STAFF.password);
      const cookie = String(signedIn.headers['set-cookie']).split(';')[0];
      const me = await staff.agent.get('/console/auth/me');
      const rows: { personId: string }[] = await gateway
        .get(DataSource)
        .query(`SELECT sess->>'personId' AS "personId" FROM console_sessions`);
      expect(rows.map((row) => row.personId)).toContain(me.body.person.id);
      const replica = await createApp(gatewayApp, config);
      await replica.init();
      try {
        const elsewhere = await request(replica.getHttpServer())
          .post('/graphql')
          .set('cookie', cookie)
          .set('x-csrf-token', staff.csrf!)
          .send({ query: `{ me { email } }` });
        expect(elsewhere.body.data.me).toEqual({ email: STAFF.email });
      } finally {
        await replica.close();
      }
    });

    it('ends the session at sign-out: the row leaves PostgreSQL and the cookie stops working', async () => {
      const staff = browser();
      await signIn(staff, STAFF.email, STAFF.password);
      const before = await gateway
        .get(DataSource)
        .query(`SELECT count(*)::int AS n FROM console_sessions`);
      const refused = await staff.agent.post('/console/auth/sign-out');
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('CSRF_REJECTED');
      const out = await staff.agent.post('/console/auth/sign-out').set('x-csrf-token', staff.csrf!);
      expect(out.status).toBe(204);
      const after = await gateway
        .get(DataSource)
        .query(`SELECT count(*)::int AS n FROM console_sessions`);
      expect(after[0].n).toBe(before[0].n - 1);
      expect((await staff.agent.get('/console/auth/me')).body.person).toBeNull();
      expect((await gql(staff, `{ me { email } }`)).body.data.me).toBeNull();
    });

    it('locks an account after repeated failures, with the time to come back, and an unknown address alike', async () => {
      await commands(cli, () => undefined)['people:create-staff']([
        'minh.le@nlv.gov.vn',
        'một mật khẩu khác hẳn',
      ]);
      for (const email of ['minh.le@nlv.gov.vn', 'ghost@nlv.gov.vn']) {
        const codes = [];
        for (let i = 0; i < 3; i++)
          codes.push((await signIn(browser(), email, 'guess number x')).body.code);
        expect(codes).toEqual(['SIGN_IN_FAILED', 'SIGN_IN_FAILED', 'ACCOUNT_LOCKED']);
      }
      const locked = await signIn(browser(), 'minh.le@nlv.gov.vn', 'một mật khẩu khác hẳn');
      expect(locked.status).toBe(429);
      expect(locked.body).toEqual({
        code: 'ACCOUNT_LOCKED',
        message: expect.stringMatching(/locked for 15 more minute/),
        retryAfterSeconds: 900,
      });
      expect(locked.headers['retry-after']).toBe('900');
    });
  });

  describe('CSRF', () => {
    it('refuses a cookie-authenticated GraphQL POST without the token, and accepts it with it', async () => {
      const staff = browser();
      await signIn(staff, STAFF.email, STAFF.password);
      const mutation = `mutation { setAlertDigest(enabled: true) { alertDigest } }`;
      const without = await gql(staff, mutation, {}, false);
      expect(without.status).toBe(403);
      expect(without.body.errors[0].extensions.code).toBe('CSRF_REJECTED');
      const wrong = await staff.agent
        .post('/graphql')
        .set('x-csrf-token', 'forged')
        .send({ query: mutation });
      expect(wrong.status).toBe(403);
      const ok = await gql(staff, mutation);
      expect(ok.body.data.setAlertDigest).toEqual({ alertDigest: true });
    });
  });

  describe('invitations, password links and roles', () => {
    const partners: Record<'a' | 'b', string> = { a: '', b: '' };
    const people = {
      a: { email: 'hoa.nguyen@thuvien-a.vn', password: 'hoa sen nở trong đầm' },
      b: { email: 'tuan.pham@thuvien-b.vn', password: 'núi Bà Đen mùa xuân' },
    };
    let staff: Browser;

    beforeAll(async () => {
      staff = browser();
      await signIn(staff, STAFF.email, STAFF.password);
      for (const key of ['a', 'b'] as const) {
        const made = await gql(staff, `mutation($n: String!) { createPartner(name: $n) { id } }`, {
          n: `Thư viện ${key.toUpperCase()}`,
        });
        partners[key] = made.body.data.createPartner.id;
      }
    });

    async function invite(key: 'a' | 'b') {
      return gql(
        staff,
        `mutation($i: InvitePersonInput!) { invitePerson(input: $i) { ${PERSON} } }`,
        {
          i: {
            email: people[key].email,
            displayName: `Người ${key}`,
            role: 'partner',
            partnerId: partners[key],
          },
        },
      );
    }

    it('invites by mail; the link sets the password once, then sign-in works', async () => {
      const invited = await invite('a');
      expect(invited.body.data.invitePerson).toMatchObject({
        email: people.a.email,
        role: 'partner',
        partnerName: 'Thư viện A',
      });
      const token = await linkMailedTo(people.a.email, /tạo mật khẩu/);
      expect(await signIn(browser(), people.a.email, people.a.password)).toHaveProperty(
        'status',
        401,
      );
      const weak = await request(gateway.getHttpServer())
        .post('/console/auth/password')
        .send({ token, password: 'short' });
      expect(weak.status).toBe(400);
      expect(weak.body.code).toBe('PASSWORD_TOO_WEAK');
      const set = await request(gateway.getHttpServer())
        .post('/console/auth/password')
        .send({ token, password: people.a.password });
      expect(set.status).toBe(200);
      expect((await signIn(browser(), people.a.email, people.a.password)).status).toBe(200);
      const again = await request(gateway.getHttpServer())
        .post('/console/auth/password')
        .send({ token, password: 'someone else’s password' });
      expect(again.status).toBe(400);
      expect(again.body).toEqual({
        code: 'TOKEN_INVALID',
        message: expect.stringMatching(/used already/),
      });
    });

    it('refuses an expired link; a reset link mailed on request works instead', async () => {
      await invite('b');
      const token = await linkMailedTo(people.b.email, /tạo mật khẩu/);
      // Time passes: the link's expiry is now behind us.
      await gateway
        .get(DataSource)
        .query(`UPDATE password_tokens SET expires_at = now() - interval '1 minute'`);
      const expired = await request(gateway.getHttpServer())
        .post('/console/auth/password')
        .send({ token, password: people.b.password });
      expect(expired.status).toBe(400);
      expect(expired.body).toEqual({
        code: 'TOKEN_INVALID',
        message: expect.stringMatching(/expired/),
      });
      for (const email of ['nobody@thuvien-b.vn', people.b.email]) {
        const asked = await request(gateway.getHttpServer())
          .post('/console/auth/password-reset')
          .send({ email });
        expect(asked.status).toBe(202);
      }
      const reset = await linkMailedTo(people.b.email, /đặt lại mật khẩu/);
      const set = await request(gateway.getHttpServer())
        .post('/console/auth/password')
        .send({ token: reset, password: people.b.password });
      expect(set.status).toBe(200);
      expect((await signIn(browser(), people.b.email, people.b.password)).status).toBe(200);
      expect(catcher.messages().some((mail) => mail.to.includes('nobody@thuvien-b.vn'))).toBe(
        false,
      );
    });

    it('a partner user sees only its partner’s sources and cannot change another’s', async () => {
      const users = { a: browser(), b: browser() };
      for (const key of ['a', 'b'] as const) {
        await signIn(users[key], people[key].email, people[key].password);
        const registered = await gql(
          users[key],
          `mutation($i: RegisterSourceInput!) { registerSource(input: $i) { id } }`,
          {
            i: {
              id: `lib-${key}`,
              libraryName: `Thư viện ${key}`,
              libraryKind: 'provincial',
              baseUrl: provider.baseUrl(key),
              metadataPrefix: 'oai_dc',
            },
          },
        );
        expect(registered.body.errors).toBeUndefined();
      }
      const seen = await gql(
        users.a,
        `{ sources { id } other: source(id: "lib-b") { id } people { email } }`,
      );
      expect(seen.body.data).toEqual({
        sources: [{ id: 'lib-a' }],
        other: null,
        people: [{ email: people.a.email }],
      });
      for (const mutation of [
        `mutation { setSourceEnabled(id: "lib-b", enabled: false) { id } }`,
        `mutation { triggerHarvest(sourceId: "lib-b", mode: FULL) { id } }`,
        `mutation { deleteSource(id: "lib-b") }`,
      ]) {
        const refused = await gql(users.a, mutation);
        expect(refused.body.errors[0].extensions.code).toBe('FORBIDDEN');
      }
      const own = await gql(
        users.a,
        `mutation { triggerHarvest(sourceId: "lib-a", mode: FULL) { id } }`,
      );
      expect(own.body.errors).toBeUndefined();
      const partnersList = await gql(users.a, `{ partners { id } }`);
      expect(partnersList.body.errors[0].extensions.code).toBe('FORBIDDEN');
      const all = await gql(staff, `{ sources { id } }`);
      expect(all.body.data.sources.map((s: { id: string }) => s.id).sort()).toEqual([
        'lib-a',
        'lib-b',
      ]);
    });

    it('disabling a person ends their sessions at once', async () => {
      const user = browser();
      await signIn(user, people.a.email, people.a.password);
      const me = (await user.agent.get('/console/auth/me')).body.person;
      const disabled = await gql(
        staff,
        `mutation($id: ID!) { setPersonDisabled(id: $id, disabled: true) { disabled } }`,
        { id: me.id },
      );
      expect(disabled.body.data.setPersonDisabled).toEqual({ disabled: true });
      expect((await user.agent.get('/console/auth/me')).body.person).toBeNull();
      expect((await signIn(browser(), people.a.email, people.a.password)).status).toBe(401);
    });
  });
});
