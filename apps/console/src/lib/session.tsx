import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { fetchMe, postAuth, type AuthResult, type Person } from './auth-api';

interface Session {
  loading: boolean;
  person: Person | null;
  /** False when the gateway answers no /console/auth/me (sign-in not installed there). */
  available: boolean;
  isStaff: boolean;
  signIn: (email: string, password: string) => Promise<AuthResult>;
  signOut: () => Promise<void>;
  refresh: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState({
    loading: true,
    person: null as Person | null,
    available: true,
  });
  const refresh = useCallback(async () => {
    const me = await fetchMe();
    setState({ loading: false, person: me.person, available: me.available });
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const result = await postAuth('sign-in', { email, password });
      // A new session comes with a new CSRF token: ask for both again.
      if (result.ok) await refresh();
      return result;
    },
    [refresh],
  );
  const signOut = useCallback(async () => {
    await postAuth('sign-out', {});
    await refresh();
  }, [refresh]);

  const value = useMemo<Session>(
    () => ({ ...state, isStaff: state.person?.role === 'staff', signIn, signOut, refresh }),
    [state, signIn, signOut, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
