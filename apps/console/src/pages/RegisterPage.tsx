import { Alert, App, Button, Card, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useClient, useMutation } from 'urql';
import { CheckSteps, type EndpointCheck } from '../components/CheckSteps';
import { PageTitle } from '../components/PageTitle';
import { PreviewRecords } from '../components/PreviewRecords';
import { mustChoose } from '../lib/form-rules';
import { useI18n } from '../i18n/i18n';
import { errorKind, errorText } from '../lib/gql-errors';
import { SOURCE_ID_PATTERN, suggestSourceId } from '../lib/slug';
import { LIBRARY_KINDS } from '../lib/sources-query';

const CHECK = `query ConsoleCheckEndpoint($baseUrl: String!, $metadataPrefix: String!, $sets: [String!]) {
  checkEndpoint(input: { baseUrl: $baseUrl, metadataPrefix: $metadataPrefix, sets: $sets }) {
    steps { step ok message details }
    identify { repositoryName granularity deletedRecord earliestDatestamp adminEmail }
    formats suggestedMetadataPrefix
    preview { identifier title creators year type language warnings { code message } }
  }
}`;
const REGISTER = `mutation ConsoleRegister($input: RegisterSourceInput!) {
  registerSource(input: $input) { id registrationWarnings { code message suggestedMetadataPrefix } }
}`;

interface Endpoint {
  baseUrl: string;
  metadataPrefix: string;
  sets?: string[];
}

interface Library {
  id: string;
  libraryName: string;
  libraryKind: string;
  province?: string;
  schedule?: string;
}

type CheckState =
  | { phase: 'idle' }
  | { phase: 'checking' }
  | { phase: 'done'; check: EndpointCheck }
  | { phase: 'unavailable' }
  | { phase: 'error'; message: string };

/**
 * Register an endpoint: check it live (address, Identify, format, a preview of real records
 * as the union catalogue will show them), then register it.
 */
export default function RegisterPage() {
  const { t, tValue } = useI18n();
  const { message } = App.useApp();
  const client = useClient();
  const navigate = useNavigate();
  const [endpointForm] = Form.useForm<Endpoint>();
  const [libraryForm] = Form.useForm<Library>();
  const [state, setState] = useState<CheckState>({ phase: 'idle' });
  const [registering, register] = useMutation(REGISTER);

  const check = async (endpoint: Endpoint) => {
    setState({ phase: 'checking' });
    const answer = await client
      .query<{ checkEndpoint: EndpointCheck }>(
        CHECK,
        { ...endpoint, baseUrl: endpoint.baseUrl.trim(), sets: endpoint.sets ?? [] },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    if (answer.data?.checkEndpoint) {
      const found = answer.data.checkEndpoint;
      setState({ phase: 'done', check: found });
      const name = found.identify?.repositoryName;
      if (name && !libraryForm.getFieldValue('libraryName'))
        libraryForm.setFieldsValue({ libraryName: name, id: suggestSourceId(name) });
    } else if (errorKind(answer.error) === 'notAvailable') setState({ phase: 'unavailable' });
    else setState({ phase: 'error', message: answer.error ? errorText(answer.error) : '' });
  };

  const submit = async (library: Library) => {
    const endpoint = endpointForm.getFieldsValue();
    const answer = await register({
      input: {
        ...library,
        baseUrl: endpoint.baseUrl.trim(),
        metadataPrefix: endpoint.metadataPrefix,
        sets: endpoint.sets ?? [],
        province: library.province || undefined,
        schedule: library.schedule || undefined,
      },
    });
    if (answer.error) {
      message.error(errorText(answer.error));
      return;
    }
    message.success(t('register.done'));
    navigate(`/sources/${encodeURIComponent(library.id)}`);
  };

  const done = state.phase === 'done' ? state.check : null;
  const passed = !!done && done.steps.every((step) => step.ok);
  const suggested = done?.suggestedMetadataPrefix;
  return (
    <>
      <PageTitle text={t('register.title')} />
      <p>{t('register.intro')}</p>
      <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>{t('register.endpoint')}</h2>}>
        <Form<Endpoint>
          form={endpointForm}
          layout="vertical"
          initialValues={{ metadataPrefix: 'oai_dc', sets: [] }}
          onFinish={(endpoint) => void check(endpoint)}
          onValuesChange={() => state.phase !== 'idle' && setState({ phase: 'idle' })}
        >
          <Form.Item
            label={t('register.baseUrl')}
            name="baseUrl"
            extra={t('register.baseUrlHint')}
            rules={[{ required: true, type: 'url', message: t('register.baseUrlRequired') }]}
          >
            <Input placeholder="https://thuvien.example.vn/oai" inputMode="url" />
          </Form.Item>
          <Space wrap align="start">
            <Form.Item
              label={t('register.metadataPrefix')}
              name="metadataPrefix"
              rules={[{ required: true }]}
            >
              <Input style={{ width: 200 }} />
            </Form.Item>
            <Form.Item label={t('register.sets')} name="sets" extra={t('register.setsHint')}>
              <Select mode="tags" open={false} style={{ minWidth: 280 }} />
            </Form.Item>
          </Space>
          <Button type="primary" htmlType="submit" loading={state.phase === 'checking'}>
            {t('register.check')}
          </Button>
        </Form>
      </Card>

      {state.phase === 'unavailable' && (
        <Alert
          style={{ marginTop: 16 }}
          type="info"
          showIcon
          message={t('register.checkUnavailable')}
        />
      )}
      {state.phase === 'error' && (
        <Alert
          style={{ marginTop: 16 }}
          type="error"
          showIcon
          message={t('register.checkFailed')}
          description={state.message}
        />
      )}
      {(state.phase === 'checking' || done) && <CheckSteps check={done} />}
      {suggested && endpointForm.getFieldValue('metadataPrefix') !== suggested && (
        <Alert
          style={{ marginTop: 16 }}
          type="warning"
          showIcon
          message={t('register.suggestFormat', { prefix: suggested })}
          action={
            <Button
              onClick={() => {
                endpointForm.setFieldsValue({ metadataPrefix: suggested });
                void check(endpointForm.getFieldsValue());
              }}
            >
              {t('register.useFormat', { prefix: suggested })}
            </Button>
          }
        />
      )}
      {done && <PreviewRecords records={done.preview} />}

      {(passed || state.phase === 'unavailable') && (
        <Card
          style={{ marginTop: 24 }}
          title={<h2 style={{ fontSize: 18, margin: 0 }}>{t('register.library')}</h2>}
        >
          <Form<Library>
            form={libraryForm}
            layout="vertical"
            onFinish={(library) => void submit(library)}
          >
            <Form.Item
              label={t('register.libraryName')}
              name="libraryName"
              rules={[{ required: true, message: t('register.required') }]}
            >
              <Input
                onChange={(event) => {
                  if (!libraryForm.isFieldTouched('id'))
                    libraryForm.setFieldsValue({ id: suggestSourceId(event.target.value) });
                }}
              />
            </Form.Item>
            <Form.Item
              label={t('register.id')}
              name="id"
              extra={t('register.idHint')}
              rules={[
                { required: true, pattern: SOURCE_ID_PATTERN, message: t('register.idHint') },
              ]}
            >
              <Input style={{ maxWidth: 360 }} />
            </Form.Item>
            <Space wrap align="start">
              <Form.Item
                label={t('register.libraryKind')}
                name="libraryKind"
                rules={[mustChoose(t('register.required'))]}
              >
                <Select
                  style={{ width: 220 }}
                  options={LIBRARY_KINDS.map((k) => ({ value: k, label: tValue('kind', k) }))}
                />
              </Form.Item>
              <Form.Item label={t('register.province')} name="province">
                <Input style={{ width: 220 }} />
              </Form.Item>
              <Form.Item
                label={t('register.schedule')}
                name="schedule"
                extra={t('register.scheduleHint')}
              >
                <Input style={{ width: 220 }} placeholder="0 2 * * *" />
              </Form.Item>
            </Space>
            <Button type="primary" htmlType="submit" loading={registering.fetching}>
              {t('register.submit')}
            </Button>
          </Form>
        </Card>
      )}
    </>
  );
}
