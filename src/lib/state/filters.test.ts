import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, filtersQuery, readFilters } from './filters';

describe('filters in the URL', () => {
	it('reads what a shared link carries', () => {
		expect(readFilters(new URLSearchParams('kab=6311&skema=bulat&lang=en'))).toEqual({
			kab: '6311',
			skema: 'bulat',
			lang: 'en'
		});
	});

	it('falls back to the defaults for anything it does not know', () => {
		expect(readFilters(new URLSearchParams('kab=<script>&skema=x&lang=fr'))).toEqual(DEFAULT_FILTERS);
		expect(DEFAULT_FILTERS).toEqual({ kab: '1808', skema: 'resmi', lang: 'id' });
	});

	it('writes only what differs from the defaults, and reads back what it wrote', () => {
		expect(filtersQuery(DEFAULT_FILTERS)).toBe('?');
		const filters = { kab: '6213', skema: 'bulat', lang: 'en' as const };
		expect(filtersQuery(filters)).toBe('?kab=6213&skema=bulat&lang=en');
		expect(readFilters(new URLSearchParams(filtersQuery(filters)))).toEqual(filters);
	});
});
