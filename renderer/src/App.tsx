/** The app shell: a left navigation, the engine/app banners and the current view. */
import { useCallback, useEffect, type ComponentType } from 'react';
import { AppErrorBanner, EngineBanner } from './components/Banners';
import { UnsavedScansBanner } from './components/UnsavedScansBanner';
import { Icon, type IconName } from './components/Icon';
import { DeviceMenuProvider } from './components/DeviceMenu';
import type { ViewId } from './store/app-store';
import { useApi, useApp } from './store/context';
import { AtRiskView } from './views/AtRiskView';
import { DeviceDetailView } from './views/DeviceDetailView';
import { DevicesView } from './views/DevicesView';
import { HistoryView } from './views/HistoryView';
import { MapView } from './views/MapView';
import { LiveScanView } from './views/LiveScanView';
import { NewScanView } from './views/NewScanView';
import { SettingsView } from './views/SettingsView';
import { SHORTCUT_TARGET, shortcutAction, type ShortcutAction } from './shortcuts';
import type { MenuCommand } from '../../shared/menu-commands';

const NAV_ITEMS: ReadonlyArray<{ view: ViewId; label: string; icon: IconName }> = [
  { view: 'new-scan', label: 'New scan', icon: 'plus' },
  { view: 'live-scan', label: 'Live scan', icon: 'radar' },
  { view: 'devices', label: 'Devices', icon: 'list' },
  { view: 'map', label: 'Network map', icon: 'map' },
  { view: 'at-risk', label: 'At risk', icon: 'alert' },
  { view: 'history', label: 'Saved scans', icon: 'archive' },
  { view: 'settings', label: 'Settings', icon: 'settings' },
];

/** Views reached from another one (a device's detail) light up their parent in the navigation. */
const NAV_PARENT: Partial<Record<ViewId, ViewId>> = { device: 'devices' };

const VIEW_COMPONENTS: Record<ViewId, ComponentType> = {
  'new-scan': NewScanView,
  'live-scan': LiveScanView,
  devices: DevicesView,
  device: DeviceDetailView,
  map: MapView,
  'at-risk': AtRiskView,
  history: HistoryView,
  settings: SettingsView,
};

/** How long a command waits for its view to render (and a saved-scans listing to load) before giving up. */
const COMMAND_WAIT_MS = 3000;

/**
 * Runs a shortcut or menu command. Search, export and import act on the element of the view on screen that
 * carries the mark (`data-shortcut`); when there is none, or it is not ready yet (import waits for the saved
 * scans to load), the command's home view is opened and the element is awaited.
 */
function useCommandRunner(): (command: ShortcutAction | MenuCommand) => void {
  const navigate = useApp((s) => s.navigate);
  return useCallback(
    (command) => {
      if (command.kind === 'view') {
        navigate(command.view);
        return;
      }
      const act = (): boolean => {
        const element = document.querySelector<HTMLElement>(`[data-shortcut="${SHORTCUT_TARGET[command.kind]}"]`);
        if (!element || (element as HTMLButtonElement).disabled) return false;
        if (command.kind === 'search') element.focus();
        else element.click();
        return true;
      };
      if (act()) return;
      navigate(command.kind === 'import' ? 'history' : 'devices');
      const until = Date.now() + COMMAND_WAIT_MS;
      const retry = () => {
        if (!act() && Date.now() < until) setTimeout(retry, 50);
      };
      // The view renders on the next frame.
      requestAnimationFrame(() => setTimeout(retry, 0));
    },
    [navigate],
  );
}

/** Applies the keyboard shortcuts (shortcuts.ts) and the application menu's commands (desktop app). */
function useShortcutsAndMenu(): void {
  const run = useCommandRunner();
  const api = useApi();
  useEffect(() => {
    const isMac = /Mac|iPhone|iPad/i.test(navigator.platform);
    const order = NAV_ITEMS.map((item) => item.view);
    const onKey = (event: KeyboardEvent) => {
      const action = shortcutAction(event, order, isMac);
      if (!action) return;
      event.preventDefault();
      run(action);
    };
    window.addEventListener('keydown', onKey);
    const unsubscribe = api.on('app:menu-command', run);
    return () => {
      window.removeEventListener('keydown', onKey);
      unsubscribe();
    };
  }, [run, api]);
}

export function App() {
  useShortcutsAndMenu();
  const view = useApp((s) => s.view);
  const theme = useApp((s) => s.settings?.theme ?? 'system');
  const selected = useApp((s) => s.selectedDeviceId);
  const View = VIEW_COMPONENTS[view];

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  return (
    <DeviceMenuProvider>
      <div className="app">
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <Sidebar current={NAV_PARENT[view] ?? view} />
        <main id="main" className="main">
          <EngineBanner />
          <UnsavedScansBanner />
          <AppErrorBanner />
          <View key={view === 'device' ? `device:${selected ?? ''}` : view} />
        </main>
      </div>
    </DeviceMenuProvider>
  );
}

function Sidebar({ current }: { current: ViewId }) {
  const navigate = useApp((s) => s.navigate);
  const scan = useApp((s) => s.scan);
  const appInfo = useApp((s) => s.appInfo);
  const running = scan?.status === 'running';
  // Devices with a high or critical finding: the ones to talk about first.
  const atRisk = useApp((s) => s.scan?.devices.filter((d) => d.findings?.some((f) => f.severity === 'high' || f.severity === 'critical')).length ?? 0);

  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">F</span>
        <span className="brand-name">Forewarn</span>
      </div>
      <ul className="nav-list">
        {NAV_ITEMS.map((item) => (
          <li key={item.view}>
            <button
              type="button"
              className="nav-item"
              aria-current={item.view === current ? 'page' : undefined}
              onClick={() => navigate(item.view)}
            >
              <span className="nav-icon">
                <Icon name={item.icon} />
              </span>
              <span className="nav-label">{item.label}</span>
              {item.view === 'live-scan' && running && <span className="nav-badge" aria-label="scan running" />}
              {item.view === 'devices' && scan && <span className="nav-count">{scan.devices.length}</span>}
              {item.view === 'at-risk' && atRisk > 0 && (
                <span className="nav-count nav-count-alert" title={`${atRisk} devices with high or critical findings`}>
                  {atRisk}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
      <footer className="sidebar-footer" data-testid="app-info">
        {appInfo ? (
          <>
            v{appInfo.version} · {appInfo.shell === 'browser' ? 'browser bridge' : 'desktop'}
          </>
        ) : (
          'Connecting…'
        )}
      </footer>
    </nav>
  );
}
