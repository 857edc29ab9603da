import type { RawField } from './source-record.js';
import { memoize } from '../normalize/memoize.js';
import { foldHeader, foldHeaderCore } from './header-fold.js';

/**
 * What one header cell says on its own, before its neighbours are looked at.
 *
 * Most labels name a raw field. A few only make sense in context:
 * - `day` / `month` / `nam`: "Ngày", "Tháng", "Năm" (or unaccented "Nam", which may be the year or "male");
 * - `female`: "Nữ" (a sex-split year column, or a mark column under "Giới tính");
 * - `number`: a bare "Số" under a parent such as "CMND";
 * - `head_or_relation`: a bare "Chủ hộ", decided later by the column's values;
 * - `ignore`: labels that look like a field but are not (e.g. "Ngày cấp CCCD", "Họ tên cha").
 */
export type HeaderCue =
  | RawField
  | 'day'
  | 'month'
  | 'nam'
  | 'female'
  | 'number'
  | 'head_or_relation'
  | 'ignore';

const HAMLET_WORDS = new Set(['thon', 'ban', 'to', 'xom', 'ap', 'khoi', 'khu', 'pho', 'dan', 'buon', 'bon', 'lang',
  'khom', 'tdp', 'dp', 'plei', 'soc', 'cum']);
const HAMLET_FIRST = new Set(['thon', 'ban', 'to', 'xom', 'ap', 'khoi', 'khu', 'buon', 'bon', 'lang', 'khom', 'tdp',
  'plei', 'soc', 'cum']);

/** True when every word names a kind of hamlet-level unit ("Thôn, bản", "Tổ dân phố", "Thôn/Xóm/Ấp"). */
function isHamletLabel(key: string): boolean {
  const words = key.split(' ');
  return HAMLET_FIRST.has(words[0]) && words.every((w) => HAMLET_WORDS.has(w));
}

/**
 * The vocabulary, in order: the first rule whose pattern matches the folded label wins, so the more
 * specific wordings ("Họ tên chủ hộ", "Ngày cấp CCCD", "Tên gọi khác") come before the general ones.
 */
const RULES: ReadonlyArray<readonly [HeaderCue, RegExp | ((key: string) => boolean)]> = [
  // Dates and places of issue of an ID are not the ID; parents' names are not the person's name.
  ['ignore', /(^| )(ngay|noi|nam) (cap|het han)( |$)|(^| )cap ngay( |$)/],
  ['ignore', /^ho (va )?ten (cua )?(cha|me|bo|vo|chong|vo chong|cha me|nguoi (giam ho|khai|dai dien|lap|ky|bao tin))( |$)/],
  // The head's own ID, birth year or ethnicity written on every member's row ("Số ĐDCN chủ hộ"): taking it
  // as the member's would give the whole household one ID, and exact-ID matching would merge them.
  ['ignore', /^(?!.*(quan he|qh))(so |ma )?(dinh danh|ddcn|cccd|can cuoc|cmnd|chung minh|cmt|ngay sinh|nam sinh|ngay thang nam sinh|gioi tinh|dan toc|ton giao|nghe nghiep|so dien thoai|sdt|dien thoai)( .*)? (cua )?(chu ho|ch)$/],
  ['seq', /^(s ?tt|tt|so tt|so thu tu|thu tu|stt nk|so tt nk)$/],
  ['other_name', /(ten goi khac|bi danh|ten khac|ten thuong goi|ten goi thuong|ten thuong dung)/],
  ['household_head', /^(ho )?(va )?ten (cua )?(chu ho|ch)( .*)?$|^chu ho ho (va )?ten$|^ho ten ch$/],
  ['head_or_relation', /^(chu ho|ch|la chu ho|chu ho x)$/],
  ['relation_to_head', /(^| )(quan he|qh|qhch|qhvch|qhvch|quanhe)( |$)/],
  ['id_any', /(cccd|dinh danh|can cuoc|ddcn|cc).*(cmnd|chung minh|cmt)|(cmnd|chung minh|cmt).*(cccd|dinh danh|can cuoc|ddcn|cc)( |$)/],
  ['id_any', /^(so )?(giay to tuy than|gttt|giay to)$/],
  ['personal_id', /(dinh danh|ddcn|cccd|can cuoc|^so dd$|^ma dd$|^sddcn$)/],
  ['old_id', /(cmnd|chung minh|cmtnd|^cmt$|^so cmt$)/],
  ['household_book_no', /^(so |ma )?(so |ho so |dang ky )?(ho khau|hk|shk)( so)?$/],
  ['household_book_no', /^(ma|so|ma so) ho( gia dinh)?$|^so so$|^so so ho$|^ma so ho khau$/],
  // "Số hộ khẩu gia đình", "Số sổ hộ khẩu thường trú", "Mã hộ GĐ", "Hộ số": the book, not the address.
  ['household_book_no', /^(so |ma |ma so )(so )?(ho khau|hk|shk) (gia dinh|gd|thuong tru|ho gia dinh)$|^(ma|so|ma so) ho (gd|hgd)$|^ho so$|^so ho so$/],
  ['full_name', /^ho (va )?(chu dem |ten dem |dem |chu lot |ten lot |lot )?(va )?ten( (khai sinh|day du|nhan khau|cong dan|thanh vien|nguoi|chu in hoa|viet hoa|khai sinh day du))*$/],
  ['full_name', /^(hoten|hovaten|ten day du|ho ten day du|ten nhan khau|ten cong dan)$/],
  // "Họ tên người trong hộ", "Họ và tên thành viên hộ", "Tên thành viên": a member's own name.
  ['full_name', /^(ho (va )?ten|ten) (nguoi trong ho|thanh vien( (trong )?ho( gia dinh)?)?|nhan khau trong ho)$/],
  ['family_middle', /^(ho|ho va chu dem|ho chu dem|ho va ten dem|ho ten dem|ho dem|ho va dem|chu dem|ho lot|ho va ten lot|ho va chu lot|ho chu lot)$/],
  ['given_name', /^(ten|ten goi|ten rieng|ten chinh)$/],
  // "Năm sinh Nam" | "Năm sinh Nữ", "NS (nữ)": the sex-split years written in one header row.
  ['birth_year_male', /^(nam sinh|ns|ngay sinh|ngay thang nam sinh) (cua )?(nam|nam gioi)$|^nam (nam sinh|ns)$/],
  ['birth_year_female', /^(nam sinh|ns|ngay sinh|ngay thang nam sinh) (cua )?(nu|nu gioi)$|^nu (nam sinh|ns)$/],
  ['birth_date', /^(ngay |ngay thang |thang |ngay thang nam |nam |thang nam )?sinh( ngay)?$/],
  ['birth_date', /^(ns|n s|dob|ngaysinh|namsinh)$|^(ngay thang nam sinh|ngay sinh|nam sinh|thang nam sinh)( |$)/],
  ['birth_date', /^sinh (nam|ngay thang nam|thang nam)$/],
  ['day', /^(ngay|ng)$/],
  ['month', /^(thang|th)$/],
  ['nam', /^(nam|nam gioi|gioi nam)$/],
  ['female', /^(nu|nu gioi|gioi nu)$/],
  ['sex', /^(gioi tinh|gioi|gt|phai|nam nu|nu nam|nam hay nu|nam hoac nu)$|^gioi tinh( |$)/],
  ['ethnicity', /^(dan toc|dt)( |$)/],
  ['religion', /^(ton giao|tg)( |$)/],
  ['nationality', /^(quoc tich|qt)( |$)/],
  // "Nơi ĐKKS", "Nơi ĐK khai sinh", "Nơi đăng ký KS": where the birth was registered.
  ['birthplace', /^(noi sinh|noi (dang ky|dk) (khai sinh|ks)|noi dkks|sinh quan|sinh tai)( |$)/],
  ['native_place', /^(nguyen quan|que quan|que|que goc)( |$)/],
  ['occupation', /^(nghe nghiep|nghe|cong viec|viec lam|noi lam viec|chuc vu)( |$)/],
  ['address', /^(dia chi|noi thuong tru|thuong tru|noi o|cho o|noi cu tru|cu tru|noi dang ky (ho khau )?thuong tru|ho khau thuong tru|dktt|hktt|tru quan|so nha|duong pho|so nha duong pho|duong)( |$)/],
  ['hamlet', isHamletLabel],
  ['commune', /^(xa|phuong|thi tran|tt)( (xa|phuong|thi tran|tt|dac khu))*$/],
  ['district', /^(huyen|quan)( (huyen|quan|thi xa|thanh pho|tx|tp|thi))*$|^(thi xa|tx)( (huyen|quan|tp|thanh pho))*$/],
  ['province', /^tinh( |$)|^(tp|thanh pho) tinh$/],
  ['note', /^(ghi chu|gc|chu thich|ghichu)( |$)/],
  ['number', /^(so|so hieu|ma so|ma)$/],
];

/** Cues whose meaning lives in the remark: "Số CMND (CCCD)", "Năm sinh (Nữ)", "Ngày cấp (CCCD)". */
const WHOLE_LABEL_CUES = new Set<HeaderCue>(['id_any', 'ignore', 'birth_year_male', 'birth_year_female']);

function matchKey(key: string): HeaderCue | null {
  if (key === '') return null;
  for (const [cue, test] of RULES) {
    if (typeof test === 'function' ? test(key) : test.test(key)) return cue;
  }
  // "1. Họ và tên", "a) Ngày sinh": a numbered header.
  const unnumbered = key.replace(/^(\d{1,2}|[a-z]) /, '');
  return unnumbered !== key ? matchKey(unnumbered) : null;
}

/**
 * Reads one header cell against the vocabulary. The label without its parenthesised remark is tried
 * first ("Họ và tên (chữ in hoa)"), except that an ID label naming both kinds ("CMND (CCCD)") is an `id_any`.
 *
 * @example
 * cueOf('HỌ VÀ TÊN');           // 'full_name'
 * cueOf('Quan hệ với CH');       // 'relation_to_head'
 * cueOf('Số CMND/CCCD');         // 'id_any'
 * cueOf('Nơi đăng ký khai sinh'); // 'birthplace'
 * cueOf('Trình độ văn hoá');     // null (unknown columns are ignored)
 */
export const cueOf: (label: string) => HeaderCue | null = memoize(computeCue);

function computeCue(label: string): HeaderCue | null {
  const full = foldHeader(label);
  if (full === '') return null;
  const fullCue = matchKey(full);
  if (fullCue !== null && WHOLE_LABEL_CUES.has(fullCue)) return fullCue;
  const core = foldHeaderCore(label);
  const coreCue = core !== full ? matchKey(core) : null;
  if (coreCue !== null) return coreCue;
  if (fullCue !== null) return fullCue;
  // "Họvà tên", "Ngàysinh", "Giớitính": words run together when a header was retyped.
  return COMPACT.get(full.replace(/ /g, '')) ?? null;
}

/** Common labels by their space-free key, for headers whose words ran together. */
const COMPACT = new Map<string, HeaderCue>(
  (
    [
      ['ho va ten', 'full_name'], ['ho ten', 'full_name'], ['ho chu dem va ten', 'full_name'],
      ['ho va chu dem', 'family_middle'], ['ten goi khac', 'other_name'], ['ngay sinh', 'birth_date'],
      ['ngay thang nam sinh', 'birth_date'], ['nam sinh', 'birth_date'], ['gioi tinh', 'sex'],
      ['dan toc', 'ethnicity'], ['ton giao', 'religion'], ['quoc tich', 'nationality'],
      ['noi sinh', 'birthplace'], ['que quan', 'native_place'], ['nguyen quan', 'native_place'],
      ['nghe nghiep', 'occupation'], ['dia chi', 'address'], ['noi thuong tru', 'address'],
      ['cho o hien nay', 'address'], ['ghi chu', 'note'], ['quan he voi chu ho', 'relation_to_head'],
      ['so ho khau', 'household_book_no'], ['so so ho khau', 'household_book_no'],
      ['ho ten chu ho', 'household_head'], ['ho va ten chu ho', 'household_head'],
      ['so dinh danh', 'personal_id'], ['so dinh danh ca nhan', 'personal_id'], ['to dan pho', 'hamlet'],
    ] as const
  ).map(([label, cue]) => [label.replace(/ /g, ''), cue]),
);
