/**
 * A person's canonical values after normalization: what the registry stores and `export persons` prints.
 */
export interface PersonValues {
  full_name: string;
  family_name: string | null;
  middle_name: string | null;
  given_name: string | null;
  /** Comparison key of the full name: independent of case, tone-mark placement and đ look-alikes. */
  name_key: string;
  other_name: string | null;
  /** ISO with its precision: `1968`, `1968-03`, `1968-03-12`. */
  birth_date: string | null;
  sex: 'M' | 'F' | null;
  /** Common name of one of the 54 groups (Mông, Thái, Kinh…), or the value as written when unknown. */
  ethnicity: string | null;
  /** Code in the list named by ethnicity_code_list. */
  ethnicity_code: string | null;
  /** Which official list the code is from: 'QD121-1979' (also used by the health-insurance standard). */
  ethnicity_code_list: string | null;
  religion: string | null;
  nationality: string | null;
  /** 12-digit số định danh cá nhân, digits only. */
  personal_id: string | null;
  /** 9-digit CMND (or 12-digit CMND form) kept as text: leading zeros matter. */
  old_id: string | null;
  birthplace: string | null;
  native_place: string | null;
  occupation: string | null;
  household_book_no: string | null;
  /** Canonical relation: Chủ hộ, Vợ, Chồng, Con, Con đẻ, Con nuôi, Cháu, Bố, Mẹ… */
  relation_to_head: string | null;
  /** Address as one line, joined from the parts that were given. */
  address_text: string | null;
  hamlet: string | null;
}
