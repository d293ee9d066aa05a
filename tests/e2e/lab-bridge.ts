/** The bridge app with its engine inside the technician's lab namespace, as the lab E2E tests start it. */
import { startBridgeApp, type BridgeApp } from '../../electron/bridge/bridge-app';
import { truth } from '../lab/truth';

const TECH_NAMESPACE_PREFIX = ['ip', 'netns', 'exec', truth.technician.namespace];

/**
 * Network safety: the engine must see the lab LAN and nothing else before a
 * test lets it scan; otherwise the app is closed again and the start fails.
 */
export async function startLabBridgeApp(options: { dataDir?: string; saveRetryBaseMs?: number } = {}): Promise<BridgeApp> {
  const app = await startBridgeApp({ port: 0, engineStdio: 'inherit', engineCommandPrefix: TECH_NAMESPACE_PREFIX, ...options });
  const detected = await app.engine.detectTargets().catch(async (error: unknown) => {
    await app.close();
    throw error;
  });
  if (JSON.stringify(detected) !== JSON.stringify([truth.lanCidr])) {
    await app.close();
    throw new Error(`engine is not inside ${truth.technician.namespace}: it detected ${detected.join(', ')}`);
  }
  return app;
}
