import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Partner } from '@hop-luu/access';
import { PasswordLinksService } from './password-links.service';
import { PasswordToken } from './password-token.entity';
import { PeopleService } from './people.service';
import { Person } from './person.entity';
import { SignInService } from './sign-in.service';

/** Accounts, sign-in with lock-out, and password links; needs the global ConfigModule. */
@Module({
  imports: [TypeOrmModule.forFeature([Person, PasswordToken, Partner])],
  providers: [PeopleService, SignInService, PasswordLinksService],
  exports: [PeopleService, SignInService, PasswordLinksService],
})
export class PeopleModule {}
