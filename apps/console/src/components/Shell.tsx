import { Button, Layout, Menu, Space } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useI18n, type MessageKey } from '../i18n/i18n';
import { useSession } from '../lib/session';
import { LanguageSwitch } from './LanguageSwitch';
import { Loading } from './Loading';

interface Item {
  path: string;
  label: MessageKey;
  staffOnly?: boolean;
}

const ITEMS: Item[] = [
  { path: '/', label: 'nav.overview' },
  { path: '/runs', label: 'nav.runs' },
  { path: '/sources', label: 'nav.sources' },
  { path: '/register', label: 'nav.register' },
  { path: '/works', label: 'nav.works' },
  { path: '/works/decisions', label: 'nav.workDecisions', staffOnly: true },
  { path: '/keys', label: 'nav.keys' },
  { path: '/people', label: 'nav.people', staffOnly: true },
  { path: '/alerts', label: 'nav.alerts' },
];

function selectedPath(pathname: string): string {
  // The longest match: /works/decisions is its own item, not the works search.
  const match = ITEMS.filter((item) => item.path !== '/' && pathname.startsWith(item.path));
  return match.sort((a, b) => b.path.length - a.path.length)[0]?.path ?? '/';
}

/** The frame of every signed-in page: navigation, who is signed in, language, sign-out. */
export function Shell() {
  const { t } = useI18n();
  const { person, isStaff, signOut } = useSession();
  const location = useLocation();
  const items = ITEMS.filter((item) => isStaff || !item.staffOnly).map((item) => ({
    key: item.path,
    label: <Link to={item.path}>{t(item.label)}</Link>,
  }));
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          background: '#0b3d5c',
          paddingInline: 24,
        }}
      >
        <Link to="/" style={{ color: '#fff', fontSize: 18, fontWeight: 600 }}>
          {t('app.name')} · {t('app.console')}
        </Link>
        <Space>
          <span style={{ color: '#fff' }}>
            {person?.displayName}
            {person?.partnerName && !isStaff ? ` (${person.partnerName})` : ''}
          </span>
          <LanguageSwitch />
          <Button onClick={() => void signOut()}>{t('nav.signOut')}</Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={210} theme="light" breakpoint="md" collapsedWidth={0}>
          <nav aria-label={t('nav.label')}>
            <Menu mode="inline" selectedKeys={[selectedPath(location.pathname)]} items={items} />
          </nav>
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, maxWidth: 1400 }}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
