import type { AccountRef } from '@bevatel/protocol';
import { createContext, useContext, type ReactNode } from 'react';

const AccountContext = createContext<AccountRef | null>(null);

export function AccountProvider({
  account,
  children,
}: {
  account: AccountRef;
  children: ReactNode;
}) {
  return <AccountContext.Provider value={account}>{children}</AccountContext.Provider>;
}

/** The account in the URL, with the agent's role in it. */
export function useAccount(): AccountRef {
  const account = useContext(AccountContext);
  if (!account) throw new Error('useAccount outside an account route');
  return account;
}

export function useIsAdmin(): boolean {
  return useAccount().role === 'administrator';
}
