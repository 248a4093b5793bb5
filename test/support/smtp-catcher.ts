import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

/** One message as the SMTP server received it. */
export interface CaughtMail {
  /** Envelope recipients (RCPT TO), lower-case: who the message was really sent to. */
  readonly to: readonly string[];
  /** Envelope sender (MAIL FROM). */
  readonly from: string;
  /** The display name of the From header, e.g. `Hợp Lưu`. */
  readonly fromName: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string | undefined;
  readonly receivedAt: Date;
}

/**
 * A real SMTP server on 127.0.0.1 for tests: what the apps send arrives here over TCP, is parsed
 * with mailparser and kept in memory. `refuseNext` makes it answer 451 (a real transient SMTP
 * refusal) to the next messages, for delivery-failure tests.
 */
export class SmtpCatcher {
  private readonly caught: CaughtMail[] = [];
  private readonly waiters = new Set<() => void>();
  private refusals = 0;

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  /** Starts on a free port (or `port`) and resolves once it listens. */
  static async start(port = 0): Promise<SmtpCatcher> {
    // onData needs the catcher, which needs the listening server: filled in once it listens.
    const ref: { catcher?: SmtpCatcher } = {};
    const server = new SMTPServer({
      // Plain SMTP without log-in, as a relay on a closed intranet would accept it.
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        if (!ref.catcher) return callback(new Error('catcher not ready'));
        ref.catcher.receive(stream, session).then(
          () => callback(),
          (error: Error) => callback(error),
        );
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    const address = server.server.address() as AddressInfo;
    ref.catcher = new SmtpCatcher(server, address.port);
    return ref.catcher;
  }

  /** The SMTP_URL that reaches this server. */
  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Every message received so far, oldest first. */
  messages(): readonly CaughtMail[] {
    return [...this.caught];
  }

  /** Forgets the messages received so far. */
  clear(): void {
    this.caught.length = 0;
  }

  /** The next `count` messages are refused with 451 and not kept. */
  refuseNext(count: number): void {
    this.refusals = count;
  }

  /** Resolves with the first message (received already or later) that matches; rejects on timeout. */
  async waitFor(
    predicate: (mail: CaughtMail) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<CaughtMail> {
    const found = (): CaughtMail | undefined => this.caught.find(predicate);
    const already = found();
    if (already) return already;
    return new Promise<CaughtMail>((resolve, reject) => {
      const check = (): void => {
        const mail = found();
        if (!mail) return;
        done();
        resolve(mail);
      };
      const timer = setTimeout(() => {
        done();
        const subjects = this.caught.map((mail) => mail.subject).join(' | ') || 'none';
        reject(new Error(`No matching e-mail within ${timeoutMs} ms (received: ${subjects})`));
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
    });
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async receive(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<void> {
    const parsed = await simpleParser(stream);
    if (this.refusals > 0) {
      this.refusals -= 1;
      throw Object.assign(new Error('Try again later (refused by the test)'), {
        responseCode: 451,
      });
    }
    const envelopeFrom = session.envelope.mailFrom;
    this.caught.push({
      to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
      from: envelopeFrom ? envelopeFrom.address : '',
      fromName: parsed.from?.value[0]?.name ?? '',
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
      html: typeof parsed.html === 'string' ? parsed.html : undefined,
      receivedAt: new Date(),
    });
    for (const waiter of [...this.waiters]) waiter();
  }
}
