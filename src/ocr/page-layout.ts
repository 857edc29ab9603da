import type { RawField } from '../ingest/source-record.js';
import { foldKey } from '../normalize/vietnamese-text.js';
import { correctField } from './field-correction.js';
import { findLabels } from './label-match.js';
import { joinRows } from './layout-rows.js';
import { linePieces, unionBox, type LinePiece } from './layout-pieces.js';
import type { FieldReading, OcrLine, OcrPage, PageKind, PageReading } from './ocr-types.js';
import { HOUSEHOLD_TITLE_RE, type PageLabel } from './page-labels.js';

/** One label's entry, possibly continued over following lines. */
interface Entry {
  label: PageLabel;
  pieces: LinePiece[];
}

/** Fields whose entries are parts of one address: several of them are joined, not the first one kept. */
const JOINED_FIELDS: ReadonlySet<RawField> = new Set(['address', 'hamlet', 'commune', 'district', 'province']);
/** A continuation line may sit at most this many line heights below the line it continues. */
const MAX_CONTINUATION_GAP = 2;
/** Member pages show at least this many distinct member labels. */
const MIN_MEMBER_LABELS = 3;
const MIN_HOUSEHOLD_EVIDENCE = 2;

/**
 * Reads one OCR'd household-book page: finds the printed labels in its lines (fuzzily: OCR mangles diacritics,
 * splits words, reads dotted leaders as anything), takes each label's entry up to the next label, and says
 * which kind of page it is. Positions are never used to find a field, only to return the entry's box.
 *
 * @example
 * readPage(page);
 * // { kind: 'member', fields: [{ field: 'full_name', text: 'Nguyễn Thị Hường', ocrText: '....Nguyễn Thị Hường....',
 * //   confidence: 0.9, bbox: { x0: 402, y0: 210, x1: 933, y1: 251 } }, …] }
 */
export function readPage(page: OcrPage): PageReading {
  const entries: Entry[] = [];
  let open = null as { entry: Entry; line: OcrLine } | null;
  let title = false;
  for (const line of joinRows(page.lines ?? [])) {
    const folded = foldKey(line.text ?? '').replace(/[^a-z0-9]+/g, ' ').trim();
    if (HOUSEHOLD_TITLE_RE.test(folded)) {
      title = true;
      open = null;
      continue;
    }
    if (isRegistrationDate(folded)) {
      open = null;
      continue;
    }
    const pieces = linePieces(line);
    const hits = findLabels(pieces);
    const lead = pieces.slice(0, hits.length > 0 ? hits[0].start : pieces.length);
    if (open !== null && continues(open.line, line) && lead.some((p) => p.kind === 'text')) open.entry.pieces.push(...lead);
    open = null;
    for (const [i, hit] of hits.entries()) {
      const entry: Entry = { label: hit.label, pieces: pieces.slice(hit.entryStart, hits[i + 1]?.start ?? pieces.length) };
      entries.push(entry);
      if (i === hits.length - 1 && hit.label.continues === true) open = { entry, line };
    }
  }
  const labelled = [...new Set(entries.flatMap((e) => (e.label.field === null ? [] : [e.label.field])))];
  return { kind: classify(entries, title), fields: fieldsOf(entries), labelled };
}

/** "Ngày 15 tháng 6 năm 2005", "Điện Biên, ngày … tháng … năm …": the registration date, not a birth date. */
function isRegistrationDate(folded: string): boolean {
  return /\bngay\b.*\bthang\b.*\bnam\b/.test(folded) && !/\bsinh\b/.test(folded);
}

/**
 * A line continues the one above when it follows closely below it (an address wrapped onto the next line); not a
 * line read after it that is printed above it (a heading tesseract read after the labels' block).
 */
function continues(previous: OcrLine, line: OcrLine): boolean {
  const height = Math.max(1, previous.bbox.y1 - previous.bbox.y0);
  const gap = line.bbox.y0 - previous.bbox.y1;
  return gap >= -0.5 * height && gap <= MAX_CONTINUATION_GAP * height;
}

function classify(entries: readonly Entry[], title: boolean): PageKind {
  const member = new Set(entries.filter((e) => e.label.page === 'member').map((e) => e.label.id)).size;
  const household = new Set(
    entries.filter((e) => e.label.page === 'household').map((e) => (e.label.field === 'household_head' ? 'head' : e.label.id === 'book_no' ? 'book' : 'address')),
  ).size + (title ? 1 : 0);
  if (member >= MIN_MEMBER_LABELS && member >= household) return 'member';
  if (household >= MIN_HOUSEHOLD_EVIDENCE) return 'household';
  return member >= MIN_MEMBER_LABELS ? 'member' : 'other';
}

function fieldsOf(entries: readonly Entry[]): FieldReading[] {
  const byField = new Map<RawField, FieldReading>();
  for (const entry of entries) {
    const field = entry.label.field;
    if (field === null) continue;
    const reading = readEntry(field, entry);
    if (reading === null) continue;
    const earlier = byField.get(field);
    if (earlier === undefined) byField.set(field, reading);
    else if (JOINED_FIELDS.has(field)) byField.set(field, join(earlier, reading));
  }
  return [...byField.values()];
}

/** The entry's text (leaders and stray marks dropped), corrected for its field; null when it is empty. */
function readEntry(field: RawField, entry: Entry): FieldReading | null {
  const { kept, withSpecks } = keptPieces(entry.pieces);
  if (kept.length === 0) return null;
  const corrected = correctField(field, joinPieces(kept));
  if (corrected === '') return null;
  const prefix = entry.label.prefix;
  const text = prefix !== undefined && !foldKey(corrected).startsWith(foldKey(prefix)) ? `${prefix} ${corrected}` : corrected;
  const confidences = kept.filter((p) => p.kind === 'text').map((p) => p.confidence);
  return {
    field,
    text,
    ocrText: joinPieces(trimmed(entry.pieces)),
    confidence: confidences.length > 0 ? Math.min(...confidences) / 100 : 0,
    bbox: unionBox(kept.filter((p) => p.kind === 'text').map((p) => p.bbox)),
    spanBox: unionBox(withSpecks.filter((p) => p.kind === 'text').map((p) => p.bbox)),
  };
}

/**
 * The entry's pieces without leaders, and without a stray mark that a leader separates from the real entry
 * ("1……Quàng Văn Dũng……": the "1" is a speck, not part of the name). A lone short entry ("Số nhà ……5……") is kept.
 */
function keptPieces(pieces: readonly LinePiece[]): { kept: LinePiece[]; withSpecks: LinePiece[] } {
  const segments: LinePiece[][] = [[]];
  for (const p of pieces) {
    if (p.kind === 'leader' || p.kind === 'colon') segments.push([]);
    else segments[segments.length - 1].push(p);
  }
  const withText = segments.filter((s) => s.some((p) => p.kind === 'text'));
  const substantial = withText.filter((s) => s.map((p) => p.text).join('').replace(/[^\p{L}\p{N}]/gu, '').length > 1);
  const kept = (substantial.length > 0 ? substantial : withText).flat();
  // Remnants of a leader or a box line at the entry's ends ("Thái m“—"): one or two characters read with
  // almost no confidence. Only at the ends: a short word inside an entry is part of it.
  let start = 0;
  let end = kept.length;
  while (end - start > 1 && isSpeck(kept[end - 1])) end--;
  while (end - start > 1 && isSpeck(kept[start])) start++;
  return { kept: kept.slice(start, end), withSpecks: kept };
}

const SPECK_CONFIDENCE = 40;

function isSpeck(piece: LinePiece): boolean {
  if (piece.kind !== 'text' || piece.confidence >= SPECK_CONFIDENCE) return false;
  const alnum = piece.text.replace(/[^\p{L}\p{N}]/gu, '');
  // One character, or one or two mixed with marks no entry has ("m“—"); "HK" of "HK 04512" stays.
  return alnum.length <= 1 || (alnum.length <= 2 && /[^\p{L}\p{N}\s.,/-]/u.test(piece.text));
}

function trimmed(pieces: readonly LinePiece[]): LinePiece[] {
  let start = 0;
  let end = pieces.length;
  while (start < end && pieces[start].kind !== 'text') start++;
  while (end > start && pieces[end - 1].kind !== 'text') end--;
  return pieces.slice(start, end);
}

/** Pieces of one OCR word are glued back together; pieces of different words get a space. */
function joinPieces(pieces: readonly LinePiece[]): string {
  let out = '';
  pieces.forEach((p, i) => {
    const sameWord = i > 0 && pieces[i - 1].word === p.word && pieces[i - 1].seq === p.seq - 1;
    out += (i > 0 && !sameWord ? ' ' : '') + p.text;
  });
  return out;
}

function join(a: FieldReading, b: FieldReading): FieldReading {
  return {
    field: a.field,
    text: `${a.text}, ${b.text}`,
    ocrText: `${a.ocrText} ${b.ocrText}`,
    confidence: Math.min(a.confidence, b.confidence),
    bbox: unionBox([a.bbox, b.bbox].filter((x): x is NonNullable<typeof x> => x !== null)),
    spanBox: unionBox([a.spanBox ?? a.bbox, b.spanBox ?? b.bbox].filter((x): x is NonNullable<typeof x> => x != null)),
  };
}
