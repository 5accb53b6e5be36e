/**
 * How a finding names what stood in a cell (readingText): the number, the number with the text
 * it was read from, the text that is not a number, 空白, 未找到, or a total resting on an
 * unreadable cell, said in words. Expected wording written by hand.
 */
import { readingText } from '../../src/rules/messages';

test('readingText says what stood in the cell, in words where there was no number', () => {
  expect(readingText(undefined)).toBe('（未找到）');
  expect(readingText({ value: null, status: 'invalid', raw: '', dependsOn: ['proactive.fees.amount'] })).toBe('（依赖的单元格无法读取）');
  expect(readingText({ value: null, status: 'invalid', raw: '若干' })).toBe('“若干”');
  expect(readingText({ value: null, status: 'blank' })).toBe('（空白）');
  expect(readingText({ value: 12, status: 'number' })).toBe('12');
  expect(readingText({ value: 12, status: 'normalised', raw: '12件', understood: '12' })).toBe('12（写作“12件”）');
});
