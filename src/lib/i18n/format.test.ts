import { describe, expect, it } from 'vitest';
import { formatCount, formatDecimal, formatPercent } from './format';

describe('numbers the Indonesian way, and the English way in English', () => {
	it('formats counts, scores and percentages', () => {
		expect(formatCount(17203, 'id')).toBe('17.203');
		expect(formatCount(17203, 'en')).toBe('17,203');
		expect(formatDecimal(0.7274, 4, 'id')).toBe('0,7274');
		expect(formatDecimal(0.7, 4, 'id')).toBe('0,7000');
		expect(formatPercent(66.88, 'id')).toBe('66,88%');
		expect(formatPercent(286.06, 'en')).toBe('286.06%');
	});
});
