/**
 * The device page's actions: open the device's web interface in the system
 * browser (app:open-external opens http(s) only), start an SSH or
 * remote-desktop session where those ports answered, copy its IP or MAC
 * address. What happened is said in one status line under the header.
 */
import type { Device } from '../../../shared/scan-document';
import { remoteSessionsOf } from '../../../shared/remote-sessions';
import { webUiUrl } from '../device-actions';
import type { Outcome } from './ActionNotice';
import { useDeviceCommands } from './device-commands';

export function DeviceActions({ device, onNotice }: { device: Device; onNotice: (notice: Outcome) => void }) {
  const commands = useDeviceCommands(onNotice);
  const url = webUiUrl(device);
  const { ip, mac } = device;

  return (
    <>
      {url && (
        <button type="button" className="button" title={`Open ${url} in the system browser`} onClick={() => void commands.openWeb(url)}>
          Open web UI
        </button>
      )}
      {remoteSessionsOf(device).map((s) => (
        <button key={s.kind} type="button" className="button" title={`${s.label} to ${ip} in this computer's own client`} onClick={() => void commands.connect(s.kind, ip!)}>
          {s.label}
        </button>
      ))}
      {ip && (
        <button type="button" className="button button-quiet" onClick={() => void commands.copy('IP address', ip)}>
          Copy IP
        </button>
      )}
      {mac && (
        <button type="button" className="button button-quiet" onClick={() => void commands.copy('MAC address', mac)}>
          Copy MAC
        </button>
      )}
    </>
  );
}
