import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';

/** image and pdf are scanned book pages (read by OCR); the others are spreadsheets. */
export type InputKind = 'csv' | 'xlsx' | 'xls' | 'image' | 'pdf' | 'unsupported';

export interface DiscoveredFile {
  path: string;
  name: string;
  kind: InputKind;
  sizeBytes: number;
}

const KIND_BY_EXTENSION: Record<string, InputKind> = {
  '.csv': 'csv',
  '.tsv': 'csv',
  '.txt': 'csv',
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsx',
  '.xls': 'xls',
  '.png': 'image',
  '.jpg': 'image',
  '.jpeg': 'image',
  '.tif': 'image',
  '.tiff': 'image',
  '.pdf': 'pdf',
};

/** Scanned pages go to OCR; everything else to the spreadsheet readers. */
export function isScan(kind: InputKind): boolean {
  return kind === 'image' || kind === 'pdf';
}

/** Files that are never input: OS and editor litter. Anything else unknown is reported, not dropped. */
function isLitter(name: string): boolean {
  return name === '.DS_Store' || name === 'Thumbs.db' || name === 'desktop.ini' || name.startsWith('~$') || name.startsWith('.~lock.');
}

/**
 * Walks files and folders (recursively), in a stable order. A path that does not exist is a usage error.
 *
 * @example
 * await discoverFiles(['/srv/hokhau/inbox']) // → [{ path, name: 'xa-muong-phang.xlsx', kind: 'xlsx', sizeBytes }]
 */
export async function discoverFiles(paths: readonly string[]): Promise<DiscoveredFile[]> {
  const found = new Map<string, DiscoveredFile>();
  for (const input of paths) {
    const absolute = resolve(input);
    const info = await stat(absolute).catch(() => null);
    if (!info) throw new UsageError(`Không tìm thấy đường dẫn: ${input} (path not found)`);
    await walk(absolute, info.isDirectory(), found);
  }
  return [...found.values()].sort((a, b) => a.path.localeCompare(b.path));
}

async function walk(path: string, isDirectory: boolean, found: Map<string, DiscoveredFile>): Promise<void> {
  if (!isDirectory) {
    const name = basename(path);
    if (isLitter(name)) return;
    const { size } = await stat(path);
    found.set(path, { path, name, kind: KIND_BY_EXTENSION[extname(name).toLowerCase()] ?? 'unsupported', sizeBytes: size });
    return;
  }
  const entries = await readdir(path, { withFileTypes: true });
  for (const entry of entries) {
    if (entry.isDirectory() || entry.isFile()) await walk(join(path, entry.name), entry.isDirectory(), found);
  }
}

/** Reads a file and its sha256 (the identity that makes reruns skip what was loaded). */
export async function readWithHash(path: string): Promise<{ bytes: Buffer; sha256: string }> {
  const bytes = await readFile(path);
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}
