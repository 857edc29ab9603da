import { describe, expect, it } from 'vitest';
import type { FieldReading, PageReading } from './ocr-types.js';
import { applyRereads, DOUBTFUL, flaggedOnes } from './reading-agreement.js';

const today = new Date('2026-11-28');
const box = { x0: 400, y0: 100, x1: 700, y1: 140 };

function page(fields: [FieldReading['field'], string, number][]): PageReading {
  return {
    kind: 'member',
    labelled: fields.map(([field]) => field),
    fields: fields.map(([field, text, confidence]) => ({ field, text, ocrText: text, confidence, bbox: box })),
  };
}
const field = (reading: PageReading, name: FieldReading['field']) => reading.fields.find((f) => f.field === name)!;

describe('applyRereads', () => {
  it('keeps a value both readings agree on, as sure as the surer reading', () => {
    const out = applyRereads(page([['birth_date', '12/03/1985', 0.7]]), [{ field: 'birth_date', text: '12.03.1985', confidence: 93 }], today);
    expect(field(out, 'birth_date')).toMatchObject({ text: '12/03/1985', confidence: 0.93 });
  });

  it('sends a disagreement to review with the reading that passes the checks', () => {
    const out = applyRereads(page([['birth_date', '77/04/2027', 0.92]]), [{ field: 'birth_date', text: '11.04.2021', confidence: 81 }], today);
    expect(field(out, 'birth_date')).toMatchObject({ text: '11/04/2021', confidence: DOUBTFUL });
  });

  it('keeps the page reading when the entry\'s own fails the checks, still for review', () => {
    const out = applyRereads(page([['birth_date', '29/03/2011', 0.95]]), [{ field: 'birth_date', text: '29.073.201]', confidence: 60 }], today);
    expect(field(out, 'birth_date')).toMatchObject({ text: '29/03/2011', confidence: DOUBTFUL });
  });

  it('tells two possible dates apart by the birth year the ID holds', () => {
    const reading = page([['birth_date', '05/02/1978', 0.9], ['personal_id', '011078123456', 0.95]]);
    const agreeing = applyRereads(reading, [{ field: 'birth_date', text: '05/02/1976', confidence: 95 }, { field: 'personal_id', text: '011078123456', confidence: 95 }], today);
    expect(field(agreeing, 'birth_date').text).toBe('05/02/1978');
    expect(field(agreeing, 'birth_date').confidence).toBeLessThanOrEqual(DOUBTFUL);
    expect(field(agreeing, 'personal_id').confidence).toBe(0.95);
  });

  it('takes an ID whose province code is known over one a flagged 1 made unknown, and checks its sex against the page', () => {
    const out = applyRereads(page([['sex', 'Nam', 0.9], ['personal_id', '071088834278', 0.95]]), [{ field: 'personal_id', text: '011088834278', confidence: 90 }], today);
    expect(field(out, 'personal_id')).toMatchObject({ text: '011088834278', confidence: DOUBTFUL });
    // Digit 4 odd: a woman's ID, on a man's page.
    const wrongSex = applyRereads(page([['sex', 'Nam', 0.9], ['personal_id', '071088834278', 0.95]]), [{ field: 'personal_id', text: '011188834278', confidence: 90 }], today);
    expect(field(wrongSex, 'personal_id').text).toBe('071088834278');
  });

  it('keeps the page reading of an ID whose year differs from the date the page gives', () => {
    const year = applyRereads(page([['birth_date', '03/05/1948', 0.9], ['personal_id', '011148999995', 0.95]]), [{ field: 'personal_id', text: '011149999995', confidence: 95 }], today);
    expect(field(year, 'personal_id')).toMatchObject({ text: '011148999995', confidence: DOUBTFUL });
    // Both readings hold the same year: a misread date does not speak against either.
    const sameYear = applyRereads(page([['birth_date', '21/7/1953', 0.7], ['personal_id', '011059852834', 0.95]]), [{ field: 'personal_id', text: '011059852894', confidence: 95 }], today);
    expect(field(sameYear, 'personal_id').text).toBe('011059852894');
  });

  it('keeps the page reading of a number no check applies to', () => {
    const out = applyRereads(page([['household_book_no', '3500479', 0.91]]), [{ field: 'household_book_no', text: '35004793', confidence: 74 }], today);
    expect(field(out, 'household_book_no')).toMatchObject({ text: '3500479', confidence: DOUBTFUL });
  });

  it('takes a name read on its own unless only the page reading passes the name checks, and never trusts a name more for agreeing', () => {
    const fixed = applyRereads(page([['other_name', '1ò Thị Ín', 0.56]]), [{ field: 'other_name', text: 'Lò Thị Ín', confidence: 88 }], today);
    expect(field(fixed, 'other_name')).toMatchObject({ text: 'Lò Thị Ín', confidence: DOUBTFUL });
    const marks = applyRereads(page([['full_name', 'Đặng Thị Mấy', 0.9]]), [{ field: 'full_name', text: 'Đặng Thị Mẩy', confidence: 90 }], today);
    expect(field(marks, 'full_name')).toMatchObject({ text: 'Đặng Thị Mẩy', confidence: DOUBTFUL });
    const specks = applyRereads(page([['full_name', 'Lò Thị Ín', 0.9]]), [{ field: 'full_name', text: '1ò Thị Ín', confidence: 90 }], today);
    expect(field(specks, 'full_name')).toMatchObject({ text: 'Lò Thị Ín', confidence: DOUBTFUL });
    const same = applyRereads(page([['full_name', 'Chang Thị Mỳ', 0.4]]), [{ field: 'full_name', text: 'Chang Thị Mỳ', confidence: 95 }], today);
    expect(field(same, 'full_name').confidence).toBe(0.4);
  });

  it('leaves fields without a second reading, and pages without any, as they are', () => {
    const reading = page([['full_name', 'Lò Văn Ơn', 0.8], ['birth_date', '1980', 0.9]]);
    expect(applyRereads(reading, undefined, today)).toBe(reading);
    expect(field(applyRereads(reading, [{ field: 'birth_date', text: '1980', confidence: 95 }], today), 'full_name')).toEqual(field(reading, 'full_name'));
  });

  it('sends a word entry whose two readings differ to review, with the one that passes its field check', () => {
    const relation = applyRereads(page([['relation_to_head', 'hộ', 0.95]]), [{ field: 'relation_to_head', text: 'Chủ hộ', confidence: 90 }], today);
    expect(field(relation, 'relation_to_head')).toMatchObject({ text: 'Chủ hộ', confidence: DOUBTFUL });
    const hamlet = applyRereads(page([['hamlet', '7ổ73', 0.49]]), [{ field: 'hamlet', text: 'Tổ 13', confidence: 85 }], today);
    expect(field(hamlet, 'hamlet').text).toBe('Tổ 13');
    const district = applyRereads(page([['district', 'Mường Lay', 0.9]]), [{ field: 'district', text: 'À7/ường Lay', confidence: 60 }], today);
    expect(field(district, 'district')).toMatchObject({ text: 'Mường Lay', confidence: DOUBTFUL });
    // Both plausible and neither a usual value: the page's reading stays, for review.
    const both = applyRereads(page([['birthplace', 'Xã Nà Tòng', 0.9]]), [{ field: 'birthplace', text: 'Xã Nà Tông', confidence: 90 }], today);
    expect(field(both, 'birthplace')).toMatchObject({ text: 'Xã Nà Tòng', confidence: DOUBTFUL });
  });

  it('takes a usual occupation over a reading that lost a word, and the digits read alone in a house number', () => {
    const occupation = applyRereads(page([['occupation', 'do', 0.94]]), [{ field: 'occupation', text: 'Tự do', confidence: 91 }], today);
    expect(field(occupation, 'occupation')).toMatchObject({ text: 'Tự do', confidence: DOUBTFUL });
    const house = applyRereads(page([['address', 'Số nhà 704', 0.95]]), [{ field: 'address', text: '104', confidence: 88 }], today);
    expect(field(house, 'address')).toMatchObject({ text: 'Số nhà 104', confidence: DOUBTFUL });
  });

  it('leaves a word entry alone when both readings agree (tone placement aside) or the crop read nothing', () => {
    const same = page([['religion', 'Không', 0.7], ['address', 'Số nhà 104', 0.9], ['commune', 'Thanh Hoá', 0.9]]);
    const out = applyRereads(same, [
      { field: 'religion', text: 'Không', confidence: 95 },
      { field: 'address', text: '104', confidence: 95 },
      { field: 'commune', text: 'Thanh Hóa', confidence: 95 },
    ], today);
    expect(out.fields).toEqual(same.fields);
    expect(applyRereads(same, [{ field: 'religion', text: '', confidence: 0 }], today).fields).toEqual(same.fields);
  });

  it('puts back the 1s two readings of a number read as 7 in different places, still for review', () => {
    const id = applyRereads(page([['sex', 'Nữ', 0.9], ['personal_id', '071319109882', 0.9]]), [{ field: 'personal_id', text: '011319709882', confidence: 90 }], today);
    expect(field(id, 'personal_id')).toMatchObject({ text: '011319109882', confidence: DOUBTFUL });
    const book = applyRereads(page([['household_book_no', '487391', 0.9]]), [{ field: 'household_book_no', text: '481397', confidence: 90 }], today);
    expect(field(book, 'household_book_no').text).toBe('481391');
    expect(flaggedOnes('27/04/7963', '21/04/1963')).toBe('21/04/1963');
    expect(flaggedOnes('011218679928', '011218679926')).toBeNull();
    expect(flaggedOnes('0113', '01131')).toBeNull();
  });
});
