import { describe, expect, it } from 'vitest';
import { parseTargetInput, parseTargets, targetKey } from './targets';

describe('targets a user enters', () => {
	it('are read with a decimal comma or point', () => {
		expect(parseTargetInput('23,38')).toBe(23.38);
		expect(parseTargetInput(' 243 ')).toBe(243);
		expect(parseTargetInput('0.6608')).toBe(0.6608);
		expect(parseTargetInput('23,38%')).toBe(23.38);
		expect(parseTargetInput('')).toBeNull();
		expect(parseTargetInput('abc')).toBeNull();
	});

	it('are stored per regency, indicator and year, and bad storage is ignored', () => {
		expect(targetKey('6311', 'minimal-maju', 2022)).toBe('6311|minimal-maju|2022');
		expect(parseTargets('{"6311|minimal-maju|2022":23.38,"x":"y"}')).toEqual({ '6311|minimal-maju|2022': 23.38 });
		expect(parseTargets('not json')).toEqual({});
		expect(parseTargets(null)).toEqual({});
	});
});
