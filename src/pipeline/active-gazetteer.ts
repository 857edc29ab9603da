import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { latestGazetteer } from '../db/gazetteer-store.js';
import type { Registry } from '../db/open-registry.js';
import type { GazetteerData } from '../normalize/address/gazetteer-data.js';

/** The gazetteer shipped with hokhau (built by scripts/build-gazetteer.ts; sources in data/gazetteer/README.md). */
export const BUNDLED_GAZETTEER = fileURLToPath(new URL('../../data/gazetteer/vn-2025.json', import.meta.url));

/**
 * The gazetteer a run codes addresses with: the newest one loaded into this registry with `hokhau gazetteer load`,
 * else the bundled list.
 *
 * @example
 * const gazetteer = await activeGazetteer(registry);
 * gazetteer.version // 'gso-2025-07+thanglequoc-v2.4.1'
 */
export async function activeGazetteer(registry: Pick<Registry, 'db'>): Promise<GazetteerData> {
  const stored = await latestGazetteer(registry.db);
  const json = stored ? stored.dataJson : await readFile(BUNDLED_GAZETTEER, 'utf8');
  return JSON.parse(json) as GazetteerData;
}
