import { describe, expect, it } from 'vitest';
import { countScores } from './score-counts';

describe('countScores', () => {
	it('counts each distinct score once, ascending', () => {
		// Three Way Kanan scores of 2024, one of them twice.
		expect(countScores([0.7487, 0.6712, 0.7487, 0.8156])).toEqual({ values: [0.6712, 0.7487, 0.8156], counts: [1, 2, 1] });
		expect(countScores([])).toEqual({ values: [], counts: [] });
	});
});
