import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiKey } from './api-key.entity';
import { ApiKeysService } from './api-keys.service';
import { Partner } from './partner.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Partner, ApiKey])],
  providers: [ApiKeysService],
  exports: [ApiKeysService],
})
export class AccessModule {}
