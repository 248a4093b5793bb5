import type { AlertIncident } from './alert-incident.entity';
import { alertLink, alertMail, webhookPayload } from './alert-message';

const incident = (overrides: Partial<AlertIncident> = {}): AlertIncident => ({
  id: 'i-1',
  sourceId: 'tv-hue',
  kind: 'RUN_FAILED',
  openedAt: new Date('2026-12-03T07:05:00Z'),
  resolvedAt: null,
  firstRunId: 'run-1',
  lastRunId: 'run-1',
  resolvedByRunId: null,
  errorCode: 'HTTP_ERROR',
  summary: 'run run-1 failed: HTTP_ERROR',
  notifiedAt: null,
  recoveryNotifiedAt: null,
  details: null,
  ...overrides,
});
const source = { id: 'tv-hue', libraryName: 'Thư viện Huế', ownerId: null };
const consoleUrl = 'https://nlv.gov.vn/console';

describe('alert messages', () => {
  it('write Vietnamese first, English below, with the run page and Vietnam time', () => {
    const mail = alertMail({
      incident: incident(),
      event: 'opened',
      source,
      consoleUrl,
      run: { errorCode: 'HTTP_ERROR', errorMessage: 'HTTP 500', recordsSeen: 0, recordsFailed: 0 },
    });
    expect(mail.subject).toBe('[Hợp Lưu] Thu hoạch thất bại / Harvest failed: Thư viện Huế');
    const [vi, en] = mail.text.split('— English —');
    expect(vi).toContain('bị lỗi lúc 14:05');
    expect(vi).toContain('Mã lỗi: HTTP_ERROR — HTTP 500');
    expect(vi).toContain('https://nlv.gov.vn/console/runs/run-1');
    expect(en).toContain('failed at 2026-12-03 07:05 UTC');
    expect(en).toContain('https://nlv.gov.vn/console/runs/run-1');
  });

  it('link a recovery to the run that ended it, and a stale source to its page', () => {
    const ended = incident({ resolvedAt: new Date(), resolvedByRunId: 'run-9' });
    expect(alertLink({ incident: ended, event: 'resolved', consoleUrl })).toBe(
      'https://nlv.gov.vn/console/runs/run-9',
    );
    const stale = incident({ kind: 'STALE', firstRunId: null });
    expect(alertLink({ incident: stale, event: 'opened', consoleUrl })).toBe(
      'https://nlv.gov.vn/console/sources/tv-hue',
    );
    const mail = alertMail({ incident: ended, event: 'resolved', source, consoleUrl });
    expect(mail.subject).toMatch(/^\[Hợp Lưu\] Đã khắc phục \/ Recovered: /);
  });

  it('name the field whose share fell in a quality drop, and link the source page', () => {
    const drop = incident({
      kind: 'QUALITY_DROP',
      firstRunId: null,
      details: { field: 'CREATOR', before: 0.92, after: 0.31 },
    });
    const mail = alertMail({ incident: drop, event: 'opened', source, consoleUrl });
    expect(mail.subject).toContain('Chất lượng dữ liệu giảm mạnh / Data quality dropped');
    expect(mail.text).toContain(
      'có tác giả của nguồn Thư viện Huế (tv-hue) giảm mạnh từ 92% xuống 31%',
    );
    expect(mail.text).toContain(
      'with a creator from Thư viện Huế (tv-hue) fell sharply from 92% to 31%',
    );
    expect(mail.text).toContain('https://nlv.gov.vn/console/sources/tv-hue');
  });

  it('give webhooks the incident as JSON with its link', () => {
    expect(webhookPayload({ incident: incident(), event: 'opened', source, consoleUrl })).toEqual(
      expect.objectContaining({
        event: 'incident.opened',
        link: 'https://nlv.gov.vn/console/runs/run-1',
        incident: expect.objectContaining({
          kind: 'RUN_FAILED',
          openedAt: '2026-12-03T07:05:00.000Z',
        }),
      }),
    );
  });
});
