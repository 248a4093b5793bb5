import { Client } from '@elastic/elasticsearch';
import type { BrowserContext, Page } from 'playwright-core';
import type { Actor } from '@hop-luu/access';
import { HarvestRun, HarvestRunsService } from '@hop-luu/harvest-runs';
import { PasswordLinksService, PeopleService } from '@hop-luu/people';
import { CATALOGUE_FIELDS, CatalogueDocument, CatalogueIndex } from '@hop-luu/search-index';
import { SourceRegistrationService } from '@hop-luu/sources';
import { queueRun, until, waitForRun } from './support/harvest-helpers';
import {
  expectAbsent,
  expectText,
  screenshot,
  seriousAxeViolations,
  settled,
  startBrowser,
  TestBrowser,
} from './support/browser';
import { ConsoleStack, ensureConsoleBuilt, startConsoleStack } from './support/console-stack';

/**
 * The console in a real Chromium against the real gateway, harvester, PostgreSQL,
 * Elasticsearch, the test OAI-PMH provider and an SMTP server: what staff and partner
 * librarians do, in Vietnamese first.
 */
describe('console: staff and partner librarians in a real browser', () => {
  const PASSWORD = 'mây trắng bay qua đèo Hải Vân';
  const STAFF = 'can-bo@nlv.gov.vn';
  const NGHE_AN = 'thu-thu@tvnghean.vn';
  const THAI_BINH = 'thu-thu@tvthaibinh.vn';
  let stack: ConsoleStack;
  let browser: TestBrowser;
  let failedRun: HarvestRun;
  const sessions = new Map<string, BrowserContext>();

  /** A partner library with one person who has set a password (through a set-up link). */
  async function partnerWithPerson(name: string, email: string, staff: Actor): Promise<string> {
    const people = stack.gateway.get(PeopleService);
    const partner = await people.createPartner(name, staff);
    const person = await people.invite(
      { email, displayName: `Thủ thư ${name}`, role: 'partner', partnerId: partner.id },
      staff,
    );
    const links = stack.gateway.get(PasswordLinksService);
    await links.redeem((await links.issue(person, 'setup')).token, PASSWORD);
    return partner.id;
  }

  /** A page signed in as `email`: through the sign-in form the first time, then its session. */
  async function signedIn(email: string): Promise<Page> {
    const session = sessions.get(email);
    const page = session ? await session.newPage() : await browser.newPage(stack.origin);
    await page.goto('/console/');
    if (!session) {
      await page.getByLabel('Thư điện tử').fill(email);
      await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      sessions.set(email, page.context());
    }
    await expectText(page.getByTestId('page-title'), 'Tổng quan');
    return page;
  }

  /** Titles of one source's records in the catalogue, after a refresh. */
  async function indexedTitles(sourceId: string): Promise<string[]> {
    const catalogue = stack.harvester.get(CatalogueIndex);
    await catalogue.refresh();
    const response = await stack.harvester.get(Client).search<CatalogueDocument>({
      index: catalogue.alias,
      query: { term: { sourceId } },
      _source: ['title'],
      size: 5,
    });
    return response.hits.hits.map((hit) => hit._source!.title);
  }

  /** The work a record belongs to now, from the catalogue index. */
  async function workOf(recordId: string): Promise<string | undefined> {
    const catalogue = stack.harvester.get(CatalogueIndex);
    await catalogue.refresh();
    const response = await stack.harvester.get(Client).search<CatalogueDocument>({
      index: catalogue.alias,
      query: { ids: { values: [recordId] } },
      _source: ['work'],
    });
    return response.hits.hits[0]?._source?.work.id;
  }

  /** A work both provincial libraries hold (the sample's famous works), and its two records. */
  async function sharedWork(): Promise<{ workId: string; records: string[] }> {
    const catalogue = stack.harvester.get(CatalogueIndex);
    await catalogue.refresh();
    const response = await stack.harvester.get(Client).search<CatalogueDocument>({
      index: catalogue.alias,
      size: 0,
      aggs: {
        works: {
          terms: { field: CATALOGUE_FIELDS.workId, min_doc_count: 2, size: 1 },
          aggs: {
            members: {
              top_hits: { size: 2, _source: false, sort: [{ [CATALOGUE_FIELDS.id]: 'asc' }] },
            },
          },
        },
      },
    });
    const bucket = (
      response.aggregations?.works as {
        buckets: { key: string; members: { hits: { hits: { _id: string }[] } } }[];
      }
    ).buckets[0];
    return { workId: bucket.key, records: bucket.members.hits.hits.map((hit) => hit._id) };
  }

  /** A page as a person sees it once loaded, kept as test-artifacts/screenshots/<name>.png. */
  async function keep(page: Page, name: string): Promise<void> {
    await settled(page);
    await screenshot(page, name);
  }

  /** A main page: kept as a screenshot and axe-checked. */
  async function checkAndKeep(page: Page, name: string): Promise<void> {
    await keep(page, name);
    expect({ page: name, violations: await seriousAxeViolations(page) }).toEqual({
      page: name,
      violations: [],
    });
  }

  beforeAll(async () => {
    ensureConsoleBuilt();
    stack = await startConsoleStack('console', {
      repositories: [
        { name: 'tv-thai-binh', records: 60, pageSize: 20, generator: { seed: 7 } },
        { name: 'tv-hai-phong', records: 40, pageSize: 20, generator: { seed: 8 } },
        // Registered by its librarian through the console, in the test below.
        { name: 'tv-nghe-an', records: 12, pageSize: 20, generator: { seed: 9 } },
      ],
    });
    // A server that hands back the resumption token it was asked with: TOKEN_LOOP after page one.
    stack.provider.repo('tv-thai-binh').setModes({ tokenLoop: true });
    const people = stack.gateway.get(PeopleService);
    const staffPerson = await people.createStaff(STAFF, PASSWORD, 'Cán bộ giám sát');
    const staff: Actor = { kind: 'staff', partnerId: staffPerson.partnerId, name: 'staff' };
    const thaiBinh = await partnerWithPerson('Thư viện tỉnh Thái Bình', THAI_BINH, staff);
    await partnerWithPerson('Thư viện tỉnh Nghệ An', NGHE_AN, staff);
    const registration = stack.harvester.get(SourceRegistrationService);
    for (const [id, ownerId, province] of [
      ['tv-thai-binh', thaiBinh, 'Thái Bình'],
      ['tv-hai-phong', null, 'Hải Phòng'],
    ] as const) {
      await registration.register({
        id,
        libraryName: `Thư viện ${province}`,
        libraryKind: 'provincial',
        province,
        baseUrl: stack.provider.baseUrl(id),
        metadataPrefix: 'oai_dc',
        ownerId,
      });
    }
    failedRun = await waitForRun(
      stack.harvester,
      (await queueRun(stack.harvester, 'tv-thai-binh')).id,
    );
    await waitForRun(stack.harvester, (await queueRun(stack.harvester, 'tv-hai-phong')).id);
    browser = await startBrowser();
  }, 300_000); // on a fresh machine this also installs Chromium (apt-get) and builds the console

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('staff sign in, see the failing source on the overview, open its run and read the error and what to do', async () => {
    expect(failedRun).toMatchObject({ status: 'failed', errorCode: 'TOKEN_LOOP' });
    const page = await signedIn(STAFF);
    await expectText(page.getByTestId('health-tv-thai-binh'), 'Đang lỗi');
    await expectText(page.getByTestId('health-tv-hai-phong'), 'Ổn định');
    await checkAndKeep(page, 'overview');

    await page
      .getByRole('link', { name: /TOKEN_LOOP/ })
      .first()
      .click();
    await expectText(page.getByTestId('page-title'), `Lượt thu thập #${failedRun.id.slice(0, 8)}`);
    const failure = page.getByRole('alert').filter({ hasText: 'TOKEN_LOOP' });
    await expectText(failure, /a second time \(a loop\)/);
    await expectText(failure, /Nhờ thư viện kiểm tra phần mềm OAI/);
    await keep(page, 'run');
  });

  it('e-mails staff and the failing library one alert that links to the run page explaining it', async () => {
    const runPage = `${stack.origin}/console/runs/${failedRun.id}`;
    const toStaff = await stack.mail.waitFor((mail) => mail.to.includes(STAFF));
    expect(toStaff.subject).toContain('Thư viện Thái Bình');
    expect(toStaff.text).toContain(runPage);
    await stack.mail.waitFor((mail) => mail.to.includes(THAI_BINH) && mail.text.includes(runPage));
    const page = await signedIn(STAFF);
    await page.goto(runPage);
    await expectText(page.getByTestId('page-title'), `Lượt thu thập #${failedRun.id.slice(0, 8)}`);
    await expectText(page.getByRole('alert').filter({ hasText: 'TOKEN_LOOP' }), /TOKEN_LOOP/);
    const alerts = stack.mail.messages().filter((mail) => mail.text.includes(runPage));
    expect(
      alerts
        .map((mail) => mail.to)
        .flat()
        .sort(),
    ).toEqual([STAFF, THAI_BINH].sort());
  });

  it('switches the language from Vietnamese to English and back, and keeps the choice on reload', async () => {
    const page = await signedIn(STAFF);
    const language = page.getByRole('button', { name: 'Ngôn ngữ / Language' });
    await expectText(language, 'English');
    await language.click();
    await expectText(page.getByTestId('page-title'), 'Overview');
    await expectText(page.getByTestId('health-tv-thai-binh'), 'Failing');
    await page.reload();
    await expectText(page.getByTestId('page-title'), 'Overview');
    await expectText(language, 'Tiếng Việt');
    await language.click();
    await expectText(page.getByTestId('page-title'), 'Tổng quan');
    await page.reload();
    await expectText(page.getByTestId('page-title'), 'Tổng quan');
  });

  it('keeps a screenshot of every other main page and finds no serious axe violation on any', async () => {
    const signIn = await browser.newPage(stack.origin);
    await signIn.goto('/console/sign-in');
    await expectText(signIn.getByTestId('page-title'), 'Đăng nhập');
    await checkAndKeep(signIn, 'sign-in');
    const page = await signedIn(STAFF);
    for (const [path, name, title] of [
      ['/console/sources', 'sources', 'Nguồn dữ liệu'],
      ['/console/works', 'works', 'Tác phẩm'],
      ['/console/runs', 'runs', 'Lượt thu thập'],
      ['/console/sources/tv-hai-phong', 'source', 'Thư viện Hải Phòng'],
      ['/console/people', 'people', 'Người dùng'],
      ['/console/alerts', 'alerts', 'Cảnh báo'],
      ['/console/keys', 'keys', 'Khoá API'],
    ] as const) {
      await page.goto(path);
      await expectText(page.getByTestId('page-title'), title);
      await checkAndKeep(page, name);
    }
  });

  it("shows a partner no more than 'not found' for another partner's source or run opened by its address", async () => {
    const page = await signedIn(NGHE_AN);
    await expectAbsent(page.getByTestId('health-tv-thai-binh'));
    for (const path of ['/console/sources/tv-thai-binh', `/console/runs/${failedRun.id}`]) {
      await page.goto(path);
      await expectText(page.getByTestId('page-title'), 'Không tìm thấy');
      await expectAbsent(page.getByText('TOKEN_LOOP'));
      await expectAbsent(page.getByText('Thư viện Thái Bình'));
    }
  });

  it('lets a partner register its endpoint after a live check with a preview, harvest it and find its records', async () => {
    const page = await signedIn(NGHE_AN);
    await page.goto('/console/register');
    await expectText(page.getByTestId('page-title'), 'Đăng ký nguồn OAI-PMH');
    await page
      .getByLabel('Địa chỉ gốc OAI-PMH (base URL)')
      .fill(stack.provider.baseUrl('tv-nghe-an'));
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    for (const step of ['ADDRESS', 'IDENTIFY', 'FORMAT', 'PREVIEW'])
      await page.getByTestId(`step-${step}`).waitFor();
    await page.getByTestId('preview-record').first().waitFor();
    expect(await page.getByTestId('preview-record').count()).toBeGreaterThan(0);
    await keep(page, 'register');
    await page.getByLabel('Tên thư viện').fill('Thư viện tỉnh Nghệ An');
    await page.getByLabel('Mã nguồn').fill('tv-nghe-an');
    await page.getByLabel('Loại thư viện').click();
    // antd draws the visible options apart from its aria-only listbox.
    await page.locator('.ant-select-item-option', { hasText: 'Tỉnh/thành' }).click();
    await page.getByRole('button', { name: 'Đăng ký nguồn' }).click();
    await expectText(page.getByTestId('page-title'), 'Thư viện tỉnh Nghệ An');
    await page.getByRole('button', { name: 'Thu thập ngay (bổ sung)' }).click();
    const runs = stack.harvester.get(HarvestRunsService);
    let queued: HarvestRun | undefined;
    await until(async () => !!(queued = (await runs.lastRunOf(['tv-nghe-an']))[0]), 20_000);
    expect((await waitForRun(stack.harvester, queued!.id)).status).toBe('succeeded');
    const [title] = await indexedTitles('tv-nghe-an');
    await page.goto('/console/works');
    await page.getByLabel('Tìm trong mục lục liên hợp (có dấu hoặc không dấu)').fill(title);
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    // The work found lists the new library among those holding it.
    await page.locator('main').getByText('Thư viện tỉnh Nghệ An').first().waitFor();
  });
  it('lets staff split a record out of a work with a reason, see who did it and why, and undo it', async () => {
    const { workId, records } = await sharedWork();
    const [kept, split] = records;
    const page = await signedIn(STAFF);
    await page.goto(`/console/works/${encodeURIComponent(workId)}`);
    // Why it is there, in Vietnamese: the rule and the values it compared.
    await expectText(page.getByTestId(`evidence-${split}`), /Vì sao ở trong tác phẩm này/);
    await expectText(page.getByTestId(`evidence-${split}`), /độ giống nhan đề \d\.\d\d/);
    await checkAndKeep(page, 'work');
    await page.getByTestId(`split-${split}`).click();
    await page.getByTestId('split-dialog-reason').fill('Bản dịch khác, không cùng tác phẩm');
    await page.getByTestId('split-dialog-confirm').click();
    // The page follows the record that stayed; the one split out is a work of its own.
    await page.getByTestId(`member-${split}`).waitFor({ state: 'detached' });
    await page.getByTestId(`member-${kept}`).waitFor();
    expect(await workOf(split)).not.toBe(await workOf(kept));

    await page.goto('/console/works/decisions');
    await expectText(page.getByTestId('page-title'), 'Quyết định của cán bộ');
    const row = page.getByRole('row', { name: /Bản dịch khác/ });
    await expectText(row, /Cán bộ giám sát/);
    await checkAndKeep(page, 'work-decisions');
    await row.getByRole('button', { name: 'Hoàn tác' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Hoàn tác' }).click();
    await expectText(row, /Đã hoàn tác bởi Cán bộ giám sát/);
    await until(async () => (await workOf(split)) === (await workOf(kept)), 10_000);
  });
});
