import { describe, expect, it } from 'vitest';
import type { Status } from './status';
import { MOVEMENT_COLUMNS, movementOf, movementTotals, referenceTransitions, transitionGrid, transitionsAlongPaths, type CodeMove } from './transitions';

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

describe('transitionsAlongPaths', () => {
	// The villages of the test above as paths over 2023 and 2024: code 0 absent, 4 present without a class.
	const classOf: Record<number, Status | null> = { 1: 'BERKEMBANG', 2: 'MAJU', 3: 'TERTINGGAL', 4: null };
	const codes = [0, 1, 2, 3, 4];
	// Every pair of codes but absent-absent, as db/transition-queries.ts reads them from code_move.
	const moves: CodeMove[] = codes.flatMap((a) =>
		codes
			.filter((b) => a !== 0 || b !== 0)
			.map((b) => {
				const dari = a === 0 ? null : classOf[a]!;
				const ke = b === 0 ? null : classOf[b]!;
				const gerak = movementOf(a === 0 ? undefined : dari, b === 0 ? undefined : ke);
				const flags = Object.fromEntries(MOVEMENT_COLUMNS.map((column) => [column, column === gerak ? 1 : 0]));
				return { a, b, dari, ke, ada_dari: a !== 0, ada_ke: b !== 0, gerak, ...flags, menjadi_mandiri: 0 } as CodeMove;
			})
	);
	const places = [
		{ kode: '180805', nama: 'BLAMBANGAN UMPU', codes: [1, 2, 2, 2] },
		{ kode: '631101', nama: 'HALONG', codes: [4, 4] },
		{ kode: '920101', nama: null, codes: [3, 0] },
		{ kode: '960101', nama: 'WAROPEN ATAS', codes: [0, 3] }
	];
	const years = [2023, 2024];

	it('gives the matrix the reference gives for the same villages', () => {
		const from = new Map([['1808052024', 'BERKEMBANG'], ['1808052009', 'MAJU'], ['6311012020', null], ['9201010001', 'TERTINGGAL']] as const);
		const to = new Map([['1808052024', 'MAJU'], ['1808052009', 'MAJU'], ['6311012020', null], ['9601010001', 'TERTINGGAL']] as const);
		expect(transitionsAlongPaths(places, years, moves, 2023, 2024, '').matrix).toEqual(referenceTransitions(from, to));
	});

	it('counts each kecamatan in the order given, and the area as their sum', () => {
		const { kecamatan, wilayah } = transitionsAlongPaths(places, years, moves, 2023, 2024, '');
		const none = { naik: 0, tetap: 0, turun: 0, baru: 0, hilang: 0, tanpa_nilai: 0, menjadi_mandiri: 0 };
		expect(kecamatan).toEqual([
			{ ...none, kode: '180805', nama: 'BLAMBANGAN UMPU', naik: 1, tetap: 1 },
			{ ...none, kode: '631101', nama: 'HALONG', tanpa_nilai: 1 },
			{ ...none, kode: '920101', nama: null, hilang: 1 },
			{ ...none, kode: '960101', nama: 'WAROPEN ATAS', baru: 1 }
		]);
		expect(wilayah).toEqual([{ kode: '', nama: '', naik: 1, tetap: 1, turun: 0, baru: 1, hilang: 1, tanpa_nilai: 1, menjadi_mandiri: 0 }]);
	});

	it('reads a year the paths do not have as every village absent, and leaves out kecamatan with no village in either year', () => {
		const { matrix, kecamatan } = transitionsAlongPaths(places, years, moves, 2024, 2025, '');
		expect(movementTotals(matrix)).toMatchObject({ hilang: 4, naik: 0, tetap: 0 });
		// 920101's one village is gone by 2024: absent from both years, it counts nowhere.
		expect(kecamatan.map((row) => row.kode)).toEqual(['180805', '631101', '960101']);
		expect(transitionsAlongPaths(places, years, moves, 2025, 2026, '')).toEqual({ matrix: [], kecamatan: [], wilayah: [] });
	});
});
