import type { PersonValues } from '../../normalize/person-values.js';
import { foldKey } from '../../normalize/vietnamese-text.js';
import { mulberry32 } from './em-training.js';
import { person } from './test-person.js';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Giàng', 'Lò'];
const MIDDLE_M = ['Văn', 'Đức', 'Minh', 'Quang', 'A'];
const MIDDLE_F = ['Thị', 'Thu', 'Ngọc', 'Thanh'];
const GIVEN_M = ['Hùng', 'Dũng', 'Thắng', 'Bình', 'Páo', 'Tuấn', 'Sơn', 'Hải', 'Long', 'Quyết', 'Khoa', 'Phúc'];
const GIVEN_F = ['Lan', 'Mai', 'Hoa', 'Hoà', 'Thủy', 'Nguyệt', 'Hằng', 'Dợ', 'Linh', 'Trang', 'Yến', 'Thảo'];

/**
 * A small registry of distinct people and a batch in which some are copies corrupted the way books differ
 * (diacritics dropped, year-only dates, day/month swaps, missing IDs). `truth[i]` is the registry index of
 * batch record i, or -1.
 */
export function syntheticPersons(size: number, duplicates: number, seed: number): { registry: PersonValues[]; batch: PersonValues[]; truth: number[] } {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const registry = Array.from({ length: size }, (_, i) => {
    const sex = random() < 0.5 ? 'M' : 'F';
    const year = 1940 + Math.floor(random() * 70);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const full = `${pick(FAMILY)} ${pick(sex === 'M' ? MIDDLE_M : MIDDLE_F)} ${pick(sex === 'M' ? GIVEN_M : GIVEN_F)}`;
    return person({
      full_name: full,
      sex,
      birth_date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      personal_id: random() < 0.7 ? `0010${String(year % 100).padStart(2, '0')}${String(100000 + i)}` : null,
      household_book_no: `HK${Math.floor(i / 4)}`,
      address_text: `Thôn ${1 + Math.floor(random() * 9)}, xã ${pick(['Tân Lập', 'Yên Sở', 'Mường Lói', 'Hồng Hà'])}`,
      ethnicity: pick(['Kinh', 'Kinh', 'Kinh', 'Mông', 'Thái']),
    });
  });
  const batch: PersonValues[] = [];
  const truth: number[] = [];
  for (let k = 0; k < duplicates; k++) {
    const i = Math.floor(random() * size);
    const source = registry[i];
    const copy = { ...source };
    if (random() < 0.4) copy.full_name = foldKey(source.full_name).toUpperCase();
    if (random() < 0.2) copy.birth_date = source.birth_date!.slice(0, 4);
    else if (random() < 0.1) copy.birth_date = `${source.birth_date!.slice(0, 4)}-${source.birth_date!.slice(8, 10)}-${source.birth_date!.slice(5, 7)}`;
    if (random() < 0.4) copy.personal_id = null;
    if (random() < 0.3) copy.household_book_no = null;
    batch.push(copy);
    truth.push(i);
  }
  return { registry, batch, truth };
}
