/**
 * Stored credentials the keyring cannot open at this start are kept, and the
 * technician is told in Settings and on New scan (no scan traffic here).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridgeApp, type BridgeApp } from '../../electron/bridge/bridge-app';
import { createCredentialVault, createMemoryVaultStore, type SecretCipher } from '../../electron/host/credential-vault';
import { launchChromium, openPage, screenshot, watchPageErrors, chromiumMissing } from './browser';

const WAIT = { timeout: 20_000, interval: 100 };

/** Base64 "sealing", and a keyring that cannot open profiles sealed before this start. */
const seal = (plain: string) => Buffer.from(plain).toString('base64');
const keyringAfterReset: SecretCipher = {
  isAvailable: () => true,
  encrypt: (plain) => seal(`new:${plain}`),
  decrypt: (sealed) => {
    const plain = Buffer.from(sealed, 'base64').toString('utf8');
    if (!plain.startsWith('new:')) throw new Error('cannot decrypt');
    return plain.slice(4);
  },
};

describe.skipIf(chromiumMissing())('credentials the keyring cannot open, in Settings and New scan', () => {
  let app: BridgeApp;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  const problems: string[] = [];

  beforeAll(async () => {
    const store = createMemoryVaultStore({
      version: 1,
      profiles: [{ id: 'old', name: 'Head office (2025)', sealed: seal(JSON.stringify({ communities: ['s3cret'], v3Users: [] })) }],
    });
    const vault = createCredentialVault({ cipher: keyringAfterReset, store, onProblem: (p) => problems.push(p) });
    vault.save({ id: 'lab', name: 'Lab', credentials: { communities: ['public'], v3Users: [] } });
    app = await startBridgeApp({ port: 0, engineStdio: 'inherit', vault, storageProblems: () => [...problems] });
    browser = await launchChromium();
    page = await openPage(browser);
    pageErrors = watchPageErrors(page);
    await page.goto(app.server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('Settings lists the locked profile, says why and what to do, and names the problem', async () => {
    await page.getByRole('button', { name: 'Settings' }).click();
    const locked = page.locator('.profile-list li[data-locked]');
    await locked.waitFor(WAIT);
    expect(await locked.textContent()).toMatch(/^Head office \(2025\)Locked: stored, but the system keyring could not decrypt it/);
    expect(await page.locator('.profile-list li').count()).toBe(2);
    expect(await page.getByTestId('storage-problems').textContent()).toContain('Credential profile "Head office (2025)" could not be decrypted: it is kept, locked, until the keyring opens again.');
    await screenshot(page, 'settings-storage-problems');
    await locked.scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-locked-credentials');
  });

  it('New scan offers the locked profile but cannot use it, and selects the others', async () => {
    await page.getByRole('button', { name: 'New scan' }).click();
    const oldProfile = page.getByRole('checkbox', { name: /Head office \(2025\)/ });
    await oldProfile.waitFor(WAIT);
    expect(await oldProfile.isDisabled()).toBe(true);
    expect(await oldProfile.isChecked()).toBe(false);
    expect(await page.getByRole('checkbox', { name: /^Lab/ }).isChecked()).toBe(true);
  });

  it('Settings keeps the update feed (https only) and says the browser bridge has nothing to update', async () => {
    await page.getByRole('button', { name: 'Settings' }).click();
    const feed = page.getByLabel('Update feed');
    await feed.fill('http://updates.example.com/forewarn/');
    expect(await page.getByRole('alert').filter({ hasText: 'The update feed must be an https:// address.' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Save update feed' }).isDisabled()).toBe(true);
    await feed.fill('https://updates.example.com/forewarn/');
    await page.getByRole('button', { name: 'Save update feed' }).click();
    await expect.poll(() => page.getByTestId('updates-status').textContent(), WAIT).toBe('Saved.');
    type Settings = { updates?: { feedUrl?: string } };
    const saved = await page.evaluate(() => (globalThis as unknown as { forewarn: { invoke(c: string): Promise<Settings> } }).forewarn.invoke('settings:get'));
    expect(saved.updates?.feedUrl).toBe('https://updates.example.com/forewarn/');
    await page.getByRole('button', { name: 'Check now' }).click();
    await expect.poll(() => page.getByTestId('updates-status').textContent(), WAIT).toBe('Updates are checked by the desktop app.');
    await page.getByLabel('Update feed').scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-updates');
  });

  it('finished with no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
