import { Module } from '@nestjs/common';
import { CONSOLE_FOLDER, consoleBuildFolder } from './console-files';
import { ConsoleController } from './console.controller';

/** The staff and partner console's static files (built from apps/console). */
@Module({
  controllers: [ConsoleController],
  providers: [{ provide: CONSOLE_FOLDER, useFactory: () => consoleBuildFolder() }],
})
export class ConsoleModule {}
