/**
 * The device page's actions: open the device's web interface in the system
 * browser (through app:open-external, which opens http(s) only), copy its IP
 * or MAC address. What happened is said in one status line under the header.
 */
import type { Device } from '../../../shared/scan-document';
import { webUiUrl } from '../device-actions';
import { messageOf } from '../store/app-store';
import { useApi } from '../store/context';
import type { Outcome } from './ActionNotice';

export function DeviceActions({ device, onNotice }: { device: Device; onNotice: (notice: Outcome) => void }) {
  const api = useApi();
  const url = webUiUrl(device);
  const { ip, mac } = device;

  const copy = async (what: string, value: string) => {
    try {
      await navigator.clipboard.writeText(value);
      onNotice({ tone: 'success', text: `${what} ${value} copied.` });
    } catch (error) {
      onNotice({ tone: 'error', text: `Could not copy the ${what.toLowerCase()}: ${messageOf(error)}` });
    }
  };
  const open = async (link: string) => {
    try {
      await api.invoke('app:open-external', link);
      onNotice({ tone: 'info', text: `Opened ${link} in the browser.` });
    } catch (error) {
      onNotice({ tone: 'error', text: messageOf(error) });
    }
  };

  return (
    <>
      {url && (
        <button type="button" className="button" title={`Open ${url} in the system browser`} onClick={() => void open(url)}>
          Open web UI
        </button>
      )}
      {ip && (
        <button type="button" className="button button-quiet" onClick={() => void copy('IP address', ip)}>
          Copy IP
        </button>
      )}
      {mac && (
        <button type="button" className="button button-quiet" onClick={() => void copy('MAC address', mac)}>
          Copy MAC
        </button>
      )}
    </>
  );
}
