import type { AddressCodeColumns } from '../db/schema.js';
import type { SourceRecord } from '../ingest/source-record.js';
import { codeAddress, type AddressInput } from '../normalize/address/code-address.js';
import type { GazetteerIndex } from '../normalize/address/gazetteer-index.js';
import { outcomeOf, type NormalizedRecord } from '../normalize/normalize-record.js';

/** The gazetteer a run codes with: its index (built once per worker) and its version, stored with every code. */
export interface RunGazetteer {
  index: GazetteerIndex;
  version: string;
  /** The pipeline's province: assumed when an address names none. */
  defaultProvinceCode: string;
}

const ADDRESS_FIELDS = ['address', 'hamlet', 'commune', 'district', 'province'] as const;

/**
 * Codes a normalized record's address (one column or split into thôn/xã/huyện/tỉnh) to administrative units, before
 * and after the 2025 reorganisation. An ambiguous or unmatched address adds a review issue with its candidates, and
 * the record goes to review: a household is never coded with a guess presented as certain. Returns the codes, or
 * null when the record has no address (or is rejected anyway).
 *
 * @example
 * const address = codeRecordAddress(source, normalized, gazetteer); // normalized.issues/outcome updated in place
 */
export function codeRecordAddress(source: SourceRecord, normalized: NormalizedRecord, gazetteer: RunGazetteer): AddressCodeColumns | null {
  if (normalized.outcome === 'reject' || !normalized.values) return null;
  const input: AddressInput = {};
  for (const field of ADDRESS_FIELDS) {
    const value = source.raw[field];
    if (value) input[field === 'address' ? 'text' : field] = value;
  }
  if (Object.keys(input).length === 0) return null;

  const coding = codeAddress(input, gazetteer.index, { defaultProvinceCode: gazetteer.defaultProvinceCode });
  if (coding.hamlet && !normalized.values.hamlet) normalized.values.hamlet = coding.hamlet;
  if (coding.issues.length > 0) {
    normalized.issues.push(...coding.issues);
    normalized.outcome = outcomeOf(normalized.issues);
  }
  return {
    legacy_province_code: coding.legacy?.provinceCode ?? null,
    legacy_district_code: coding.legacy?.districtCode ?? null,
    legacy_commune_code: coding.legacy?.communeCode ?? null,
    province_code: coding.current?.provinceCode ?? null,
    commune_code: coding.current?.communeCode ?? null,
    address_status: coding.status,
    address_confidence: coding.confidence,
    gazetteer_version: gazetteer.version,
  };
}
