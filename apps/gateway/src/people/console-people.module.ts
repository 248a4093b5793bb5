import { Module } from '@nestjs/common';
import { MailModule } from '@hop-luu/mail';
import { PeopleModule } from '@hop-luu/people';
import { AuthController } from './auth.controller';
import { ConsoleSessions } from './console-sessions';
import { PasswordMail } from './password-mail';
import { PeopleResolver } from './people.resolver';

/** Console sign-in for the gateway: sessions, CSRF, /console/auth/*, and people over GraphQL. */
@Module({
  imports: [PeopleModule, MailModule],
  controllers: [AuthController],
  providers: [ConsoleSessions, PasswordMail, PeopleResolver],
  exports: [ConsoleSessions],
})
export class ConsolePeopleModule {}
