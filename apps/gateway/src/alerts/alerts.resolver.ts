import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import {
  AlertIncident,
  alertLink,
  AlertWebhook,
  IncidentsService,
  WebhooksService,
} from '@hop-luu/alerts';
import { APP_CONFIG, type AppConfig } from '@hop-luu/config';
import { SourcesService } from '@hop-luu/sources';
import { requireSignedIn } from '../access/signed-in';
import { GatewayContext } from '../graphql/request-context';
import {
  AlertIncidentFilterInput,
  AlertIncidentKind,
  AlertIncidentType,
  AlertWebhookType,
  CreatedAlertWebhookType,
} from './alert.types';

/** Alerts over GraphQL: staff see every incident and webhook, a partner only its own. */
@Resolver(() => AlertIncidentType)
export class AlertsResolver {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly webhooks: WebhooksService,
    private readonly sources: SourcesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Query(() => [AlertIncidentType], {
    description: 'Incidents, newest first, at most 200 (partners: their own sources only).',
  })
  async alertIncidents(
    @Context() { actor }: GatewayContext,
    @Args('filter', { nullable: true }) filter?: AlertIncidentFilterInput,
  ): Promise<AlertIncidentType[]> {
    requireSignedIn(actor, 'Listing alert incidents');
    const own =
      actor.kind === 'staff'
        ? undefined
        : (await this.sources.list({ ownerId: actor.partnerId })).map((s) => s.id);
    const found = await this.incidents.list({
      sourceId: filter?.sourceId,
      open: filter?.open ?? undefined,
      sourceIds: own,
    });
    return found.map((incident) => this.incidentView(incident));
  }

  @Query(() => [AlertWebhookType], {
    description: 'Alert webhooks, never their secrets (partners: their own only).',
  })
  async alertWebhooks(@Context() { actor }: GatewayContext): Promise<AlertWebhookType[]> {
    requireSignedIn(actor, 'Listing alert webhooks');
    const list = await this.webhooks.list(actor.kind === 'staff' ? undefined : actor.partnerId);
    return list.map(webhookView);
  }

  @Mutation(() => CreatedAlertWebhookType, {
    description:
      'Registers a webhook (a partner’s hears of its own sources; staff’s of every source). The address must be allowed, as for OAI base URLs. The signing secret is shown once.',
  })
  async createAlertWebhook(
    @Context() { actor }: GatewayContext,
    @Args('url', { description: 'https:// address that accepts a JSON POST.' }) url: string,
  ): Promise<CreatedAlertWebhookType> {
    requireSignedIn(actor, 'Registering an alert webhook');
    const created = await this.webhooks.create(
      url,
      actor.kind === 'staff' ? null : actor.partnerId,
    );
    return { webhook: webhookView(created.webhook), secret: created.secret };
  }

  @Mutation(() => Boolean, { description: 'Removes a webhook you manage.' })
  async deleteAlertWebhook(
    @Context() { actor }: GatewayContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<boolean> {
    requireSignedIn(actor, 'Removing an alert webhook');
    await this.webhooks.delete(id, actor.kind === 'staff' ? undefined : actor.partnerId);
    return true;
  }

  private incidentView(incident: AlertIncident): AlertIncidentType {
    const event = incident.resolvedAt ? 'resolved' : 'opened';
    const link = alertLink({ incident, event, consoleUrl: this.config.mail.consolePublicUrl });
    return { ...incident, kind: incident.kind as AlertIncidentKind, link };
  }
}

function webhookView(webhook: AlertWebhook): AlertWebhookType {
  const { id, url, enabled, partnerId, createdAt } = webhook;
  return { id, url, enabled, partnerId, createdAt };
}
