import { App, Button, Card, Form, Input, Popconfirm, Segmented, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { SecretShownOnce } from '../components/SecretShownOnce';
import { useI18n } from '../i18n/i18n';
import { formatDateTime, shortRunId } from '../lib/format';
import { errorText } from '../lib/gql-errors';
import { useSession } from '../lib/session';

const INCIDENTS = `query ConsoleIncidents($open: Boolean) {
  alertIncidents(filter: { open: $open }) {
    id sourceId kind openedAt resolvedAt firstRunId lastRunId errorCode summary notifiedAt
    recoveryNotifiedAt
  }
}`;
const WEBHOOKS = `query ConsoleWebhooks { alertWebhooks { id url enabled createdAt } }`;
const CREATE_WEBHOOK = `mutation ConsoleCreateWebhook($url: String!) { createAlertWebhook(url: $url) { secret webhook { id } } }`;
const DELETE_WEBHOOK = `mutation ConsoleDeleteWebhook($id: ID!) { deleteAlertWebhook(id: $id) }`;
const DIGEST = `mutation ConsoleDigest($enabled: Boolean!) { setAlertDigest(enabled: $enabled) { id alertDigest } }`;

interface Incident {
  id: string;
  sourceId: string;
  kind: string;
  openedAt: string;
  resolvedAt: string | null;
  firstRunId: string | null;
  lastRunId: string | null;
  errorCode: string | null;
  summary: string;
  notifiedAt: string | null;
  recoveryNotifiedAt: string | null;
}

interface Webhook {
  id: string;
  url: string;
  enabled: boolean;
  createdAt: string | null;
}

/** Incidents (one per problem, not per run), webhooks, and the daily digest choice. */
export default function AlertsPage() {
  const { t, tValue } = useI18n();
  const { message } = App.useApp();
  const { person, isStaff, refresh } = useSession();
  const [open, setOpen] = useState<'open' | 'all'>('open');
  const [incidents] = useQuery<{ alertIncidents: Incident[] }>({
    query: INCIDENTS,
    variables: { open: open === 'open' ? true : null },
  });
  const [webhooks, refetchWebhooks] = useQuery<{ alertWebhooks: Webhook[] }>({ query: WEBHOOKS });
  const [creating, createWebhook] = useMutation<{ createAlertWebhook: { secret: string } }>(
    CREATE_WEBHOOK,
  );
  const [, deleteWebhook] = useMutation(DELETE_WEBHOOK);
  const [digestState, setDigest] = useMutation(DIGEST);
  const [secret, setSecret] = useState<string | null>(null);
  const reloadWebhooks = () => refetchWebhooks({ requestPolicy: 'network-only' });

  const onCreate = async ({ url }: { url: string }) => {
    const answer = await createWebhook({ url: url.trim() });
    if (answer.error) message.error(errorText(answer.error));
    else {
      setSecret(answer.data?.createAlertWebhook.secret ?? null);
      reloadWebhooks();
    }
  };

  return (
    <>
      <PageTitle text={t('alerts.title')} />
      {isStaff && (
        <Card
          style={{ marginBottom: 24 }}
          title={<h2 style={{ fontSize: 18, margin: 0 }}>{t('alerts.digest')}</h2>}
        >
          <label style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
            <Switch
              checked={!!person?.alertDigest}
              loading={digestState.fetching}
              onChange={(on) =>
                void setDigest({ enabled: on }).then((a) => {
                  if (a.error) message.error(errorText(a.error));
                  else void refresh();
                })
              }
            />
            <span>{t('alerts.digestText')}</span>
          </label>
        </Card>
      )}
      <section aria-labelledby="incidents-heading">
        <h2 id="incidents-heading" style={{ fontSize: 18 }}>
          {t('alerts.incidents')}
        </h2>
        <Segmented
          aria-label={t('alerts.which')}
          style={{ marginBottom: 12 }}
          value={open}
          onChange={(value) => setOpen(value as 'open' | 'all')}
          options={[
            { value: 'open', label: t('alerts.open') },
            { value: 'all', label: t('alerts.all') },
          ]}
        />
        <QueryState
          fetching={incidents.fetching}
          error={incidents.error}
          hasData={!!incidents.data}
          what={t('alerts.incidents')}
        >
          <Table<Incident>
            rowKey="id"
            size="small"
            scroll={{ x: true }}
            dataSource={incidents.data?.alertIncidents ?? []}
            locale={{ emptyText: t('alerts.none') }}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              {
                title: t('run.source'),
                dataIndex: 'sourceId',
                render: (id: string) => <Link to={`/sources/${encodeURIComponent(id)}`}>{id}</Link>,
              },
              {
                title: t('alerts.kind'),
                dataIndex: 'kind',
                render: (k: string) => <Tag>{tValue('incident', k)}</Tag>,
              },
              {
                title: t('alerts.summary'),
                dataIndex: 'summary',
                render: (summary: string, incident) =>
                  incident.errorCode ? `${incident.errorCode}: ${summary}` : summary,
              },
              {
                title: t('alerts.openedAt'),
                dataIndex: 'openedAt',
                render: (d: string) => formatDateTime(d),
              },
              {
                title: t('alerts.resolvedAt'),
                dataIndex: 'resolvedAt',
                render: (d: string | null) => (d ? formatDateTime(d) : t('alerts.stillOpen')),
              },
              {
                title: t('alerts.run'),
                dataIndex: 'lastRunId',
                render: (id: string | null) =>
                  id ? <Link to={`/runs/${id}`}>#{shortRunId(id)}</Link> : '—',
              },
              {
                title: t('alerts.notifiedAt'),
                dataIndex: 'notifiedAt',
                render: (d: string | null) => formatDateTime(d),
              },
            ]}
          />
        </QueryState>
      </section>
      <section aria-labelledby="webhooks-heading" style={{ marginTop: 24 }}>
        <h2 id="webhooks-heading" style={{ fontSize: 18 }}>
          {t('alerts.webhooks')}
        </h2>
        <p>{t('alerts.webhooksText')}</p>
        <QueryState
          fetching={webhooks.fetching}
          error={webhooks.error}
          hasData={!!webhooks.data}
          what={t('alerts.webhooks')}
        >
          <Form layout="inline" onFinish={(f) => void onCreate(f)} style={{ marginBottom: 12 }}>
            <Form.Item
              label={t('alerts.webhookUrl')}
              name="url"
              rules={[{ required: true, type: 'url', message: t('register.baseUrlRequired') }]}
            >
              <Input style={{ width: 360 }} placeholder="https://…" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={creating.fetching}>
              {t('alerts.addWebhook')}
            </Button>
          </Form>
          <Table<Webhook>
            rowKey="id"
            size="small"
            dataSource={webhooks.data?.alertWebhooks ?? []}
            locale={{ emptyText: t('alerts.noWebhooks') }}
            pagination={false}
            columns={[
              {
                title: t('alerts.webhookUrl'),
                dataIndex: 'url',
                render: (u: string) => <code>{u}</code>,
              },
              {
                title: t('alerts.enabled'),
                dataIndex: 'enabled',
                render: (e: boolean) => (e ? t('common.yes') : t('common.no')),
              },
              {
                title: t('keys.actions'),
                key: 'actions',
                render: (_, hook) => (
                  <Popconfirm
                    title={t('alerts.deleteWebhook')}
                    okText={t('actions.delete')}
                    cancelText={t('actions.close')}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => void deleteWebhook({ id: hook.id }).then(reloadWebhooks)}
                  >
                    <Button size="small" danger>
                      {t('actions.delete')}
                    </Button>
                  </Popconfirm>
                ),
              },
            ]}
          />
        </QueryState>
      </section>
      <SecretShownOnce
        secret={secret}
        title="alerts.secretTitle"
        text="alerts.secretText"
        onClose={() => setSecret(null)}
      />
    </>
  );
}
