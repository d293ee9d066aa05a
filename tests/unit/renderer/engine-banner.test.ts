import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EngineNotice, engineReason } from '../../../renderer/src/components/Banners';
import type { EngineStatus } from '../../../shared/ipc-contract';

const render = (engine: EngineStatus, acknowledged = 0) =>
  renderToStaticMarkup(createElement(EngineNotice, { engine, acknowledged, onAcknowledge: () => {} }));

describe('EngineNotice', () => {
  it('tells the technician the engine was restarted, with the reason, until dismissed', () => {
    const status: EngineStatus = { state: 'ready', restarts: 1, lastError: 'The scan engine stopped unexpectedly (killed by SIGKILL).' };
    const html = render(status);
    expect(html).toContain('The scan engine stopped unexpectedly and was restarted.');
    expect(html).toContain('Reason: killed by SIGKILL.');
    expect(html).toContain('role="alert"');
    expect(render(status, 1)).toBe('');
  });

  it('says the engine stopped while it is down', () => {
    expect(render({ state: 'crashed', restarts: 0, lastError: 'exit code 1' })).toContain('The scan engine stopped unexpectedly.');
  });

  it('stays silent for a healthy engine and before its first (lazy) start', () => {
    expect(render({ state: 'ready', restarts: 0 })).toBe('');
    expect(render({ state: 'stopped', restarts: 0 })).toBe('');
  });

  it('keeps the cause and any advice from the host message, not the repeated headline', () => {
    expect(engineReason('The scan engine stopped unexpectedly (killed by SIGTERM).')).toBe('Reason: killed by SIGTERM.');
    expect(engineReason('The scan engine failed to start (exited with code 1). It crashed 6 times in a row; automatic restarts stopped.')).toBe(
      'Reason: exited with code 1. It crashed 6 times in a row; automatic restarts stopped.',
    );
    expect(engineReason('spawn ip ENOENT')).toBe('spawn ip ENOENT');
  });
});
