import { describe, expect, it } from 'vitest';
import { movementOf, movementTotals, referenceTransitions, transitionGrid } from './transitions';

describe('movementOf', () => {
	it('names rises, falls, stays, arrivals, departures and unclassed villages', () => {
		expect(movementOf('BERKEMBANG', 'MAJU')).toBe('naik');
		expect(movementOf('MANDIRI', 'MAJU')).toBe('turun');
		expect(movementOf('MAJU', 'MAJU')).toBe('tetap');
		expect(movementOf(undefined, 'MAJU')).toBe('baru');
		expect(movementOf('MAJU', undefined)).toBe('hilang');
		expect(movementOf(null, 'MAJU')).toBe('tanpa_nilai');
	});
});

describe('referenceTransitions and transitionGrid', () => {
	const from = new Map([
		['1808052024', 'BERKEMBANG'],
		['1808052009', 'MAJU'],
		['6311012020', null],
		['9201010001', 'TERTINGGAL']
	] as const);
	const to = new Map([
		['1808052024', 'MAJU'],
		['1808052009', 'MAJU'],
		['6311012020', null],
		['9601010001', 'TERTINGGAL']
	] as const);

	it('counts renumbered villages as one gone and one new, not dropped', () => {
		const cells = referenceTransitions(from, to);
		expect(movementTotals(cells)).toEqual({ naik: 1, tetap: 1, turun: 0, baru: 1, hilang: 1, tanpa_nilai: 1 });
		const grid = transitionGrid(cells);
		expect(grid.BERKEMBANG.MAJU).toBe(1);
		expect(grid.TERTINGGAL['TIDAK ADA']).toBe(1);
		expect(grid['TIDAK ADA'].TERTINGGAL).toBe(1);
		expect(grid['TANPA NILAI']['TANPA NILAI']).toBe(1);
		expect(grid.MANDIRI.MANDIRI).toBe(0);
	});
});
