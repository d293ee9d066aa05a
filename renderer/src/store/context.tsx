/** Hands the store and the bridge to components without module-level singletons. */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { ForewarnApi } from '../../../shared/ipc-contract';
import type { AppState, AppStore } from './app-store';

interface AppContextValue {
  store: AppStore;
  api: ForewarnApi;
}

const AppContext = createContext<AppContextValue | null>(null);

export function AppProvider({ store, api, children }: AppContextValue & { children: ReactNode }) {
  return <AppContext.Provider value={{ store, api }}>{children}</AppContext.Provider>;
}

function useAppContext(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('AppProvider is missing above this component.');
  return value;
}

export function useApp<T>(selector: (state: AppState) => T): T {
  return useStore(useAppContext().store, selector);
}

export function useApi(): ForewarnApi {
  return useAppContext().api;
}
