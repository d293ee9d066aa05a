/**
 * The device actions themselves, with what happened as one outcome line:
 * open a link in the system browser, start an SSH or remote-desktop session,
 * copy text. The device page's buttons and the right-click menu run these.
 */
import { useMemo } from 'react';
import type { RemoteSessionKind } from '../../../shared/remote-sessions';
import { messageOf } from '../store/app-store';
import { useApi } from '../store/context';
import type { Outcome } from './ActionNotice';

export interface DeviceCommands {
  openWeb(url: string): Promise<void>;
  connect(session: RemoteSessionKind, ip: string): Promise<void>;
  copy(what: string, text: string): Promise<void>;
}

const SESSION_WORDS: Record<RemoteSessionKind, string> = { ssh: 'SSH session', rdp: 'remote-desktop session' };

/** Short for the outcome line: a copied table is "12 rows", an address is itself. */
function copiedWhat(what: string, text: string): string {
  const lines = text.split('\n').length - 1;
  return what === 'Table' || what === 'Row' ? `${what} (${lines} ${lines === 1 ? 'row' : 'rows'})` : `${what} ${text}`;
}

export function useDeviceCommands(onOutcome: (outcome: Outcome) => void): DeviceCommands {
  const api = useApi();
  return useMemo(
    () => ({
      async openWeb(url) {
        try {
          await api.invoke('app:open-external', url);
          onOutcome({ tone: 'info', text: `Opened ${url} in the browser.` });
        } catch (error) {
          onOutcome({ tone: 'error', text: messageOf(error) });
        }
      },
      async connect(session, ip) {
        try {
          await api.invoke('device:connect', session, ip);
          onOutcome({ tone: 'info', text: `Started an ${SESSION_WORDS[session]} to ${ip}.` });
        } catch (error) {
          onOutcome({ tone: 'error', text: messageOf(error) });
        }
      },
      async copy(what, text) {
        try {
          await navigator.clipboard.writeText(text);
          onOutcome({ tone: 'success', text: `${copiedWhat(what, text)} copied.` });
        } catch (error) {
          onOutcome({ tone: 'error', text: `Could not copy the ${what.toLowerCase()}: ${messageOf(error)}` });
        }
      },
    }),
    [api, onOutcome],
  );
}
