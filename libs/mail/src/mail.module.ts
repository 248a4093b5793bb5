import { Module } from '@nestjs/common';
import { MailService } from './mail.service';

/** MailService for any app module; needs the global ConfigModule (APP_CONFIG). */
@Module({
  providers: [MailService],
  exports: [MailService],
})
export class MailModule {}
