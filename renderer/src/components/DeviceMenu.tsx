/**
 * The right-click menu on a device, wherever it is shown: a row of a device
 * table, a node of the map, the device's own page. One provider at the app's
 * root holds the open menu and the outcome line; views call `useDeviceMenu()`.
 * It is a DOM menu, not a native one, so it works the same in the desktop
 * app and behind the browser bridge, and is keyboard-driven like one:
 * arrows move, Enter chooses, Escape closes.
 */
import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Device } from '../../../shared/scan-document';
import { deviceMenuEntries, type DeviceMenuContext, type DeviceMenuEntry } from '../device-actions';
import { useApp } from '../store/context';
import { ActionNotice, type Outcome } from './ActionNotice';
import { useDeviceCommands } from './device-commands';

interface OpenMenu {
  x: number;
  y: number;
  device: Device;
  entries: DeviceMenuEntry[];
}

type OpenDeviceMenu = (at: { clientX: number; clientY: number }, device: Device, context?: DeviceMenuContext) => void;

const DeviceMenuContextValue = createContext<OpenDeviceMenu | null>(null);

/**
 * Opens the device menu at a pointer position (a contextmenu event, or a map tap's). Null outside a
 * DeviceMenuProvider (a table rendered on its own, in tests): there a right-click is the browser's.
 */
export function useDeviceMenu(): OpenDeviceMenu | null {
  return useContext(DeviceMenuContextValue);
}

/** How long the outcome of a menu action stays on screen. */
const OUTCOME_MS = 5000;

export function DeviceMenuProvider({ children }: { children: ReactNode }) {
  const [menu, setMenu] = useState<OpenMenu | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const commands = useDeviceCommands(setOutcome);
  const openDevice = useApp((s) => s.openDevice);

  const open = useCallback<OpenDeviceMenu>((at, device, context) => {
    setMenu({ x: at.clientX, y: at.clientY, device, entries: deviceMenuEntries(device, context) });
  }, []);

  useEffect(() => {
    if (!outcome) return;
    const timer = setTimeout(() => setOutcome(null), OUTCOME_MS);
    return () => clearTimeout(timer);
  }, [outcome]);

  const choose = (entry: DeviceMenuEntry, device: Device) => {
    setMenu(null);
    if (entry.id === 'open-details') openDevice(device.id);
    else if (entry.id === 'open-web') void commands.openWeb(entry.url);
    else if (entry.id === 'connect') void commands.connect(entry.session, entry.ip);
    else void commands.copy(entry.what, entry.text());
  };

  return (
    <DeviceMenuContextValue.Provider value={open}>
      {children}
      {menu && <Menu menu={menu} onChoose={(entry) => choose(entry, menu.device)} onClose={() => setMenu(null)} />}
      {outcome && (
        <div className="floating-notice">
          <ActionNotice tone={outcome.tone} text={outcome.text} testId="device-menu-status" />
        </div>
      )}
    </DeviceMenuContextValue.Provider>
  );
}

/** Keeps the menu inside the window: it opens left of or above the pointer near an edge. */
function placeWithin(x: number, y: number, width: number, height: number): { left: number; top: number } {
  const margin = 4;
  return {
    left: x + width + margin > window.innerWidth ? Math.max(margin, x - width) : x,
    top: y + height + margin > window.innerHeight ? Math.max(margin, y - height) : y,
  };
}

function Menu({ menu, onChoose, onClose }: { menu: OpenMenu; onChoose: (entry: DeviceMenuEntry) => void; onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState({ left: menu.x, top: menu.y });

  useLayoutEffect(() => {
    const box = ref.current!.getBoundingClientRect();
    setPosition(placeWithin(menu.x, menu.y, box.width, box.height));
    // Focus goes into the menu, and back where it was when the menu closes (as native menus do).
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    ref.current!.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    return () => before?.focus({ preventScroll: true });
  }, [menu]);

  useEffect(() => {
    // Any press outside, a scroll, a resize or leaving the window closes it, as native menus do.
    const outside = (event: Event) => {
      if (!ref.current?.contains(event.target as Node)) onClose();
    };
    window.addEventListener('pointerdown', outside, true);
    window.addEventListener('wheel', onClose, true);
    window.addEventListener('resize', onClose);
    window.addEventListener('blur', onClose);
    return () => {
      window.removeEventListener('pointerdown', outside, true);
      window.removeEventListener('wheel', onClose, true);
      window.removeEventListener('resize', onClose);
      window.removeEventListener('blur', onClose);
    };
  }, [onClose]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = [...ref.current!.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')];
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      onClose();
    } else if (step) {
      event.preventDefault();
      items[(index + step + items.length) % items.length]?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      items[event.key === 'Home' ? 0 : items.length - 1]?.focus();
    }
  };

  const name = menu.device.hostname ?? menu.device.sysName ?? menu.device.ip ?? 'device';
  return (
    <div
      ref={ref}
      className="context-menu"
      role="menu"
      aria-label={`Actions for ${name}`}
      data-testid="device-menu"
      style={{ left: position.left, top: position.top }}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
    >
      {menu.entries.map((entry) => (
        <button
          key={entry.label}
          type="button"
          role="menuitem"
          tabIndex={-1}
          className={`context-menu-item${entry.separated ? ' is-separated' : ''}`}
          onClick={() => onChoose(entry)}
        >
          {entry.label}
        </button>
      ))}
    </div>
  );
}
