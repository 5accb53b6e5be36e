/** Where a finding on a report's text is, as the CLI and the pane print it. */
import { placeText } from '../../src/rules/place';

test.each([
  [{ section: '三', paragraph: 12, page: 4 }, '第三部分 第12段（第4页）'],
  [{ section: '五', paragraph: 22 }, '第五部分 第22段'],
  [{ paragraph: 3 }, '第3段'],
  [{ paragraph: 1, page: 1 }, '第1段（第1页）'],
  // Page 0 is still a page given (a form feed before any text).
  [{ paragraph: 2, page: 0 }, '第2段（第0页）'],
])('%j → %s', (place, text) => {
  expect(placeText(place)).toBe(text);
});
