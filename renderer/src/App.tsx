/** The app shell: a left navigation, the engine/app banners and the current view. */
import { useEffect, type ComponentType } from 'react';
import { AppErrorBanner, EngineBanner } from './components/Banners';
import { UnsavedScansBanner } from './components/UnsavedScansBanner';
import { Icon, type IconName } from './components/Icon';
import { DeviceMenuProvider } from './components/DeviceMenu';
import type { ViewId } from './store/app-store';
import { useApp } from './store/context';
import { AtRiskView } from './views/AtRiskView';
import { DeviceDetailView } from './views/DeviceDetailView';
import { DevicesView } from './views/DevicesView';
import { HistoryView } from './views/HistoryView';
import { MapView } from './views/MapView';
import { LiveScanView } from './views/LiveScanView';
import { NewScanView } from './views/NewScanView';
import { SettingsView } from './views/SettingsView';
import { SHORTCUT_TARGET, shortcutAction } from './shortcuts';

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

/**
 * Applies the keyboard shortcuts (shortcuts.ts). Search and export act on the element of the view on
 * screen that carries the mark; when there is none, the Devices view is opened first.
 */
function useShortcuts(): void {
  const navigate = useApp((s) => s.navigate);
  useEffect(() => {
    const isMac = /Mac|iPhone|iPad/i.test(navigator.platform);
    const order = NAV_ITEMS.map((item) => item.view);
    const onKey = (event: KeyboardEvent) => {
      const action = shortcutAction(event, order, isMac);
      if (!action) return;
      event.preventDefault();
      if (action.kind === 'view') {
        navigate(action.view);
        return;
      }
      const act = (): boolean => {
        const element = document.querySelector<HTMLElement>(`[data-shortcut="${SHORTCUT_TARGET[action.kind]}"]`);
        if (!element) return false;
        if (action.kind === 'search') element.focus();
        else element.click();
        return true;
      };
      if (act()) return;
      navigate('devices');
      // The Devices view renders on the next frame.
      requestAnimationFrame(() => setTimeout(act, 0));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);
}

export function App() {
  useShortcuts();
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
