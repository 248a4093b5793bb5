import { loadConfig } from '@hop-luu/config';
import { SmtpCatcher } from '../../../test/support/smtp-catcher';
import { MailDeliveryError } from './mail.errors';
import { MailService } from './mail.service';

describe('MailService', () => {
  let catcher: SmtpCatcher;

  beforeAll(async () => {
    catcher = await SmtpCatcher.start();
  });
  afterAll(() => catcher.stop());
  beforeEach(() => catcher.clear());

  const serviceFor = (env: Record<string, string>): MailService => new MailService(loadConfig(env));

  it('delivers a Vietnamese message over SMTP with the configured sender', async () => {
    const mail = serviceFor({ SMTP_URL: catcher.url, MAIL_FROM: 'Hợp Lưu <ops@nlv.gov.vn>' });
    const outcome = await mail.send({
      to: ['Thu.Thu@lib.edu.vn', 'staff@nlv.gov.vn'],
      subject: 'Thu hoạch thất bại: Thư viện Huế',
      text: 'Lần thu hoạch cuối không thành công.',
      html: '<p>Lần thu hoạch cuối <b>không thành công</b>.</p>',
    });
    mail.onModuleDestroy();

    expect(outcome.sent).toBe(true);
    const received = await catcher.waitFor((m) => m.subject.startsWith('Thu hoạch'));
    expect(received.to).toEqual(['thu.thu@lib.edu.vn', 'staff@nlv.gov.vn']);
    expect(received.from).toBe('ops@nlv.gov.vn');
    expect(received.fromName).toBe('Hợp Lưu');
    expect(received.subject).toBe('Thu hoạch thất bại: Thư viện Huế');
    expect(received.text.trim()).toBe('Lần thu hoạch cuối không thành công.');
    expect(received.html).toContain('<b>không thành công</b>');
  });

  it('sends nothing and says so when SMTP_URL is not set', async () => {
    const mail = serviceFor({});
    expect(mail.enabled).toBe(false);
    await expect(mail.send({ to: 'a@b.vn', subject: 's', text: 't' })).resolves.toEqual({
      sent: false,
      reason: 'MAIL_OFF',
    });
  });

  it('throws MAIL_DELIVERY_FAILED when the server refuses the message', async () => {
    const mail = serviceFor({ SMTP_URL: catcher.url });
    catcher.refuseNext(1);
    const error = await mail.send({ to: 'a@b.vn', subject: 'refused', text: 't' }).catch((e) => e);
    mail.onModuleDestroy();
    expect(error).toBeInstanceOf(MailDeliveryError);
    expect((error as MailDeliveryError).code).toBe('MAIL_DELIVERY_FAILED');
    expect(catcher.messages()).toHaveLength(0);
  });

  it('throws MAIL_DELIVERY_FAILED when no server listens', async () => {
    const down = await SmtpCatcher.start();
    await down.stop();
    const mail = serviceFor({ SMTP_URL: down.url });
    const error = await mail
      .send({ to: 'a@b.vn', subject: 'unreachable', text: 't' })
      .catch((e) => e);
    mail.onModuleDestroy();
    expect(error).toBeInstanceOf(MailDeliveryError);
    expect((error as Error).message).toMatch(/unreachable.*not delivered/);
  });
});
