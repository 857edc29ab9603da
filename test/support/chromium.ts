import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium, installed by .ci/run (playwright's own browser download cannot reach the network here). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Launches headless Chromium as root in this sandbox, with background networking off (the machine has no network).
 *
 * @example
 * const browser = await launchChromium(); try { … } finally { await browser.close(); }
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}
