import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiKey } from './api-key.entity';
import { ApiKeysService } from './api-keys.service';
import { KeyAuthenticationService } from './key-authentication.service';
import { Partner } from './partner.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Partner, ApiKey])],
  providers: [ApiKeysService, KeyAuthenticationService],
  exports: [ApiKeysService, KeyAuthenticationService],
})
export class AccessModule {}
