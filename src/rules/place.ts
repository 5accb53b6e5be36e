/** Where a finding on a report's text is, in words: 「第三部分 第12段（第4页）」. */
import type { Finding } from '../model/finding';

export function placeText(place: NonNullable<Finding['place']>): string {
  const parts = [place.section ? `第${place.section}部分` : '', `第${place.paragraph}段`].filter(Boolean).join(' ');
  return place.page !== undefined ? `${parts}（第${place.page}页）` : parts;
}
