import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '@hop-luu/config';
import { MailService } from '@hop-luu/mail';
import { IssuedLink } from '@hop-luu/people';

const WHEN = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  dateStyle: 'short',
  timeStyle: 'short',
});

/**
 * The e-mails that carry password links (Vietnamese first, English below). The link is
 * `${CONSOLE_PUBLIC_URL}/password?token=…`, the console's set-password page; the token appears
 * in the mail and nowhere else (never in a log).
 */
@Injectable()
export class PasswordMail {
  private readonly logger = new Logger(PasswordMail.name);
  private readonly base: string;

  constructor(
    private readonly mail: MailService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.base = config.mail.consolePublicUrl;
  }

  /** Sends the link; throws MailDeliveryError when the SMTP server fails or refuses it. */
  async send(link: IssuedLink): Promise<void> {
    const url = `${this.base}/password?token=${encodeURIComponent(link.token)}`;
    const until = `${WHEN.format(link.expiresAt)} (giờ Việt Nam / Vietnam time)`;
    const setup = link.purpose === 'setup';
    const outcome = await this.mail.send({
      to: link.person.email,
      subject: setup
        ? 'Hợp Lưu: tạo mật khẩu cho tài khoản của bạn / set up your password'
        : 'Hợp Lưu: đặt lại mật khẩu / reset your password',
      text: [
        `Xin chào ${link.person.displayName},`,
        '',
        setup
          ? 'Bạn được mời dùng bảng điều khiển Hợp Lưu. Mở liên kết sau để tạo mật khẩu:'
          : 'Có yêu cầu đặt lại mật khẩu Hợp Lưu của bạn. Mở liên kết sau để đặt mật khẩu mới:',
        url,
        `Liên kết dùng được một lần, đến ${until}. Nếu bạn không yêu cầu, hãy bỏ qua thư này.`,
        '',
        '---',
        '',
        `Hello ${link.person.displayName},`,
        '',
        setup
          ? 'You have been invited to the Hợp Lưu console. Open this link to set your password:'
          : 'A password reset was asked for your Hợp Lưu account. Open this link to choose a new password:',
        url,
        `The link works once, until ${until}. If you did not ask for it, ignore this mail.`,
      ].join('\n'),
    });
    if (!outcome.sent)
      this.logger.warn(
        `e-mail is off (no SMTP_URL): no ${link.purpose} link was sent to ${link.person.email}`,
      );
  }
}
