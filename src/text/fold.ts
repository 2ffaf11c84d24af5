// Folding text for search: "Nghị quyết" and "nghi quyet" must meet, as must "Đảng" and "dang".
// NFD splits a precomposed letter into base + combining marks, which we drop; đ/Đ has no
// decomposition in Unicode (it is a letter of its own, not d + a mark), so it is mapped by hand.

const RE_COMBINING = /[\u0300-\u036f]/g;
const RE_D_STROKE = /[đĐ]/g;

/** "Nghị quyết Đảng" => "nghi quyet dang". Lower-cases, strips diacritics, folds đ/Đ. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(RE_COMBINING, '').replace(RE_D_STROKE, 'd').toLowerCase();
}
