import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { AuthFrame } from '../components/AuthFrame';
import { useI18n } from '../i18n/i18n';
import { postAuth } from '../lib/auth-api';
import { authFailureText } from '../lib/auth-messages';

/** Without a token: ask for a reset link. With ?token= (from the mail): choose the password. */
export default function PasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  return token ? <ChoosePassword token={token} /> : <RequestLink />;
}

function RequestLink() {
  const { t } = useI18n();
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async ({ email }: { email: string }) => {
    const result = await postAuth('password-reset', { email: email.trim() });
    if (result.ok) setSent(true);
    else setError(authFailureText(result.failure, t));
  };
  return (
    <AuthFrame title={t('password.requestTitle')}>
      {sent ? (
        <Alert type="success" showIcon message={t('password.sent')} role="status" />
      ) : (
        <>
          <p>{t('password.requestText')}</p>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
          <Form layout="vertical" onFinish={(fields) => void submit(fields)} requiredMark={false}>
            <Form.Item
              label={t('signIn.email')}
              name="email"
              rules={[{ required: true, type: 'email', message: t('signIn.emailRequired') }]}
            >
              <Input type="email" autoComplete="username" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block>
              {t('password.requestSubmit')}
            </Button>
          </Form>
        </>
      )}
      <BackToSignIn />
    </AuthFrame>
  );
}

function ChoosePassword({ token }: { token: string }) {
  const { t } = useI18n();
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async ({ password }: { password: string }) => {
    setError(null);
    const result = await postAuth('password', { token, password });
    if (result.ok) setDone(true);
    else setError(authFailureText(result.failure, t));
  };
  return (
    <AuthFrame title={t('password.chooseTitle')}>
      {done ? (
        <Alert type="success" showIcon role="status" message={t('password.done')} />
      ) : (
        <>
          {error && (
            <Alert
              type="error"
              showIcon
              role="alert"
              message={error}
              style={{ marginBottom: 16 }}
            />
          )}
          <Form layout="vertical" onFinish={(fields) => void submit(fields)} requiredMark={false}>
            <Form.Item
              label={t('password.new')}
              name="password"
              extra={t('password.hint')}
              rules={[{ required: true, message: t('password.required') }]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              label={t('password.repeat')}
              name="repeat"
              dependencies={['password']}
              rules={[
                { required: true, message: t('password.mismatch') },
                ({ getFieldValue }) => ({
                  validator: (_, value) =>
                    value === getFieldValue('password')
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('password.mismatch'))),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block>
              {t('password.chooseSubmit')}
            </Button>
          </Form>
        </>
      )}
      <BackToSignIn />
    </AuthFrame>
  );
}

/** Below both forms: the way back, whether or not the form was sent. */
function BackToSignIn() {
  const { t } = useI18n();
  return (
    <p style={{ marginTop: 16, marginBottom: 0 }}>
      <Link to="/sign-in">{t('password.backToSignIn')}</Link>
    </p>
  );
}
