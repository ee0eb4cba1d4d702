import { describe, expect, it } from 'vitest';
import {
	classify,
	encodeScheme,
	findScheme,
	OFFICIAL_SCHEME,
	parseScheme,
	ROUNDED_SCHEME,
	validateScheme,
	type StatusScheme
} from './schemes';

describe('the official scheme (4 decimals, upper bound inclusive)', () => {
	it('puts each cut-off in the class below it', () => {
		expect(classify(0.4907, OFFICIAL_SCHEME)).toBe('SANGAT TERTINGGAL');
		expect(classify(0.4908, OFFICIAL_SCHEME)).toBe('TERTINGGAL');
		expect(classify(0.5989, OFFICIAL_SCHEME)).toBe('TERTINGGAL');
		expect(classify(0.599, OFFICIAL_SCHEME)).toBe('BERKEMBANG');
		expect(classify(0.7072, OFFICIAL_SCHEME)).toBe('BERKEMBANG');
		expect(classify(0.7073, OFFICIAL_SCHEME)).toBe('MAJU');
		expect(classify(0.8155, OFFICIAL_SCHEME)).toBe('MAJU');
		expect(classify(0.8156, OFFICIAL_SCHEME)).toBe('MANDIRI');
	});

	it('covers 0 and 1 and nothing outside', () => {
		expect(classify(0, OFFICIAL_SCHEME)).toBe('SANGAT TERTINGGAL');
		expect(classify(1, OFFICIAL_SCHEME)).toBe('MANDIRI');
		expect(classify(1.2, OFFICIAL_SCHEME)).toBeNull();
		expect(classify(-0.1, OFFICIAL_SCHEME)).toBeNull();
		expect(classify(null, OFFICIAL_SCHEME)).toBeNull();
		expect(classify(Number.NaN, OFFICIAL_SCHEME)).toBeNull();
	});

	it('classes Kupang Bersih (6213062003, IDM 0.741) Maju, though the 2024 release says Berkembang', () => {
		expect(classify(0.741, OFFICIAL_SCHEME)).toBe('MAJU');
	});
});

describe('the rounded scheme the reports print (0.491 / 0.599 / 0.707 / 0.815)', () => {
	it('moves Banyuasin villages of the 2024 release across a class', () => {
		// Mukti Jaya and Siju (0.7071) are officially Berkembang; Pulau Parang (0.599) officially Berkembang.
		expect(classify(0.7071, OFFICIAL_SCHEME)).toBe('BERKEMBANG');
		expect(classify(0.7071, ROUNDED_SCHEME)).toBe('MAJU');
		expect(classify(0.599, OFFICIAL_SCHEME)).toBe('BERKEMBANG');
		expect(classify(0.599, ROUNDED_SCHEME)).toBe('TERTINGGAL');
	});
});

describe('validateScheme', () => {
	it('accepts both built-in schemes', () => {
		expect(validateScheme(OFFICIAL_SCHEME)).toEqual([]);
		expect(validateScheme(ROUNDED_SCHEME)).toEqual([]);
	});

	it('names gaps, overlaps, double-counted edges and missing ends', () => {
		const [st, t, ...rest] = OFFICIAL_SCHEME.bands;
		const broken = (bands: StatusScheme['bands']): StatusScheme => ({ ...OFFICIAL_SCHEME, bands });
		expect(validateScheme(broken([st!, { ...t!, lower: 0.5 }, ...rest]))).toEqual([
			'SANGAT TERTINGGAL → TERTINGGAL: bounds must meet'
		]);
		expect(validateScheme(broken([st!, { ...t!, lowerInclusive: true }, ...rest]))).toEqual([
			'SANGAT TERTINGGAL → TERTINGGAL: the edge 0.4907 must belong to exactly one class'
		]);
		expect(validateScheme(broken([st!, t!, ...rest.slice(0, -1)]))).toEqual([
			'the highest class must end at 1, inclusive'
		]);
		expect(validateScheme(broken([]))).toEqual(['the scheme has no classes']);
	});
});

describe('user-defined schemes', () => {
	it('write and read back the built-in ones', () => {
		expect(encodeScheme(OFFICIAL_SCHEME)).toBe('0.4907],0.5989],0.7072],0.8155]');
		expect(parseScheme(encodeScheme(OFFICIAL_SCHEME))?.bands).toEqual(OFFICIAL_SCHEME.bands);
		expect(parseScheme(encodeScheme(ROUNDED_SCHEME))?.bands).toEqual(ROUNDED_SCHEME.bands);
	});

	it('put an edge marked ")" in the class above', () => {
		const scheme = parseScheme('0.5),0.6],0.7],0.8)')!;
		expect(classify(0.5, scheme)).toBe('TERTINGGAL');
		expect(classify(0.6, scheme)).toBe('TERTINGGAL');
		expect(classify(0.8, scheme)).toBe('MANDIRI');
		expect(validateScheme(scheme)).toEqual([]);
		expect(findScheme('0.5),0.6],0.7],0.8)')).toEqual(scheme);
	});

	it('refuse cut-offs out of order, out of [0, 1], too few or malformed', () => {
		expect(parseScheme('0.6],0.5],0.7],0.8]')).toBeNull();
		expect(parseScheme('0.5],0.6],0.7]')).toBeNull();
		expect(parseScheme('0.5],0.6],0.7],1.2]')).toBeNull();
		expect(parseScheme("0.5],0.6],0.7],0.8]'; DROP TABLE x")).toBeNull();
		expect(findScheme('0.6],0.5],0.7],0.8]')).toBe(OFFICIAL_SCHEME);
	});
});

describe('findScheme', () => {
	it('finds a scheme by the id the URL carries, else the official one', () => {
		expect(findScheme('bulat')).toBe(ROUNDED_SCHEME);
		expect(findScheme('nope')).toBe(OFFICIAL_SCHEME);
		expect(findScheme(null)).toBe(OFFICIAL_SCHEME);
	});
});
