import { createContext, useContext, type ReactNode } from 'react';
import type { HostContext } from './teams-host';

const Ctx = createContext<HostContext | null>(null);

export const HostProvider = ({ host, children }: { host: HostContext; children: ReactNode }) => (
  <Ctx.Provider value={host}>{children}</Ctx.Provider>
);

/** Where the tab runs (Teams, SharePoint, a plain browser). */
export function useHost(): HostContext {
  const h = useContext(Ctx);
  if (!h) throw new Error('useHost outside HostProvider');
  return h;
}
