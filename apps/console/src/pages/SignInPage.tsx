import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router-dom';
import { AuthFrame } from '../components/AuthFrame';
import { useI18n } from '../i18n/i18n';
import { authFailureText } from '../lib/auth-messages';
import { useSession } from '../lib/session';

interface Fields {
  email: string;
  password: string;
}

/** Only paths inside the console: `next` comes from the address bar. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function SignInPage() {
  const { t } = useI18n();
  const { person, available, signIn } = useSession();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (person) return <Navigate to={safeNext(params.get('next'))} replace />;

  const submit = async ({ email, password }: Fields) => {
    setBusy(true);
    setError(null);
    const result = await signIn(email.trim(), password);
    setBusy(false);
    if (!result.ok) setError(authFailureText(result.failure, t));
  };
  return (
    <AuthFrame title={t('signIn.title')}>
      {!available && (
        <Alert
          type="warning"
          showIcon
          message={t('auth.unavailable')}
          style={{ marginBottom: 16 }}
        />
      )}
      {error && (
        <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16 }} />
      )}
      <Form<Fields>
        layout="vertical"
        onFinish={(fields) => void submit(fields)}
        requiredMark={false}
      >
        <Form.Item
          label={t('signIn.email')}
          name="email"
          rules={[{ required: true, type: 'email', message: t('signIn.emailRequired') }]}
        >
          <Input autoComplete="username" type="email" autoFocus />
        </Form.Item>
        <Form.Item
          label={t('signIn.password')}
          name="password"
          rules={[{ required: true, message: t('signIn.passwordRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          {t('signIn.submit')}
        </Button>
      </Form>
      <p style={{ marginTop: 16, marginBottom: 0 }}>
        <Link to="/password">{t('signIn.forgot')}</Link>
      </p>
    </AuthFrame>
  );
}
