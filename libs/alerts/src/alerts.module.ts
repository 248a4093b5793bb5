import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HarvestRunsModule } from '@hop-luu/harvest-runs';
import { MailModule } from '@hop-luu/mail';
import { SourcesModule } from '@hop-luu/sources';
import { AlertIncident } from './alert-incident.entity';
import { AlertNotifierService } from './alert-notifier.service';
import { AlertWebhook } from './alert-webhook.entity';
import { AlertsService } from './alerts.service';
import { DigestService } from './digest.service';
import { IncidentsService } from './incidents.service';
import { RecipientsService } from './recipients.service';
import { WebhooksService } from './webhooks.service';

/** Incidents, their messages (e-mail, webhooks) and the digest; needs the global ConfigModule. */
@Module({
  imports: [
    TypeOrmModule.forFeature([AlertIncident, AlertWebhook]),
    MailModule,
    SourcesModule,
    HarvestRunsModule,
  ],
  providers: [
    IncidentsService,
    WebhooksService,
    RecipientsService,
    AlertNotifierService,
    AlertsService,
    DigestService,
  ],
  exports: [IncidentsService, WebhooksService, AlertsService, DigestService],
})
export class AlertsModule {}
