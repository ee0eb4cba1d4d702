import { describe, expect, it } from 'vitest';
import { captionNumber, DEFAULT_FILTERS, filtersQuery, readFilters, reportItems, toggleReportItem } from './filters';

describe('filters in the URL', () => {
	it('reads what a shared link carries', () => {
		expect(readFilters(new URLSearchParams('kab=6311&skema=bulat&lang=en&dari=2023&ke=2024&skala=lan-239-2003&pembulatan=truncate'))).toEqual({
			...DEFAULT_FILTERS,
			kab: '6311',
			skema: 'bulat',
			lang: 'en',
			dari: 2023,
			ke: 2024,
			skala: 'lan-239-2003',
			pembulatan: 'truncate'
		});
	});

	it('carries the nation and a province as areas', () => {
		expect(readFilters(new URLSearchParams('kab=nasional')).kab).toBe('');
		expect(filtersQuery({ ...DEFAULT_FILTERS, kab: '' })).toBe('?kab=nasional');
		expect(readFilters(new URLSearchParams('kab=63')).kab).toBe('63');
	});

	it('carries a user-defined scheme and a kecamatan', () => {
		const filters = readFilters(new URLSearchParams('skema=0.5),0.6],0.7],0.8]&kab=180805'));
		expect(filters.skema).toBe('0.5),0.6],0.7],0.8]');
		expect(filters.kab).toBe('180805');
	});

	it('carries a grade scale of the user’s own', () => {
		const text = '≥ 85 Sangat Berhasil | ≥ 70 Berhasil | > 55 Cukup Berhasil | Tidak Berhasil';
		const query = filtersQuery({ ...DEFAULT_FILTERS, skala: `k:${text}` });
		expect(readFilters(new URLSearchParams(query)).skala).toBe(`k:${text}`);
	});

	it('carries the addresses of shared data files, http(s) only', () => {
		const params = new URLSearchParams('data=https://example.org/a.csv&data=javascript:alert(1)&data=http://127.0.0.1:8080/b.xlsx');
		const filters = readFilters(params);
		expect(filters.data).toEqual(['https://example.org/a.csv', 'http://127.0.0.1:8080/b.xlsx']);
		expect(readFilters(new URLSearchParams(filtersQuery(filters))).data).toEqual(filters.data);
	});

	it('falls back to the defaults for anything it does not know', () => {
		expect(readFilters(new URLSearchParams('kab=<script>&skema=x&lang=fr&dari=1e3&skala=?&pembulatan=up'))).toEqual(DEFAULT_FILTERS);
		expect(DEFAULT_FILTERS).toMatchObject({ kab: '1808', skema: 'resmi', banding: 'terbit', lang: 'id', skala: 'permendagri-86-2017' });
	});

	it('writes only what differs from the defaults, and reads back what it wrote', () => {
		expect(filtersQuery(DEFAULT_FILTERS)).toBe('?');
		const filters = { ...DEFAULT_FILTERS, kab: '6213', skema: 'bulat', lang: 'en' as const, dari: 2023 };
		expect(filtersQuery(filters)).toBe('?kab=6213&skema=bulat&dari=2023&lang=en');
		expect(readFilters(new URLSearchParams(filtersQuery(filters)))).toEqual(filters);
	});
});

describe('report items', () => {
	it("holds seed 002's chart and table until the user picks", () => {
		const filters = readFilters(new URLSearchParams('kab=6311'));
		expect(reportItems(filters)).toEqual(['gambar:status-distribution', 'tabel:status-counts']);
		const pilih = toggleReportItem(filters, 'tabel:status-shares');
		expect(filtersQuery({ ...filters, pilih })).toBe('?kab=6311&pilih=gambar%3Astatus-distribution&pilih=tabel%3Astatus-counts&pilih=tabel%3Astatus-shares');
	});
	it('can hold nothing, and ignores what is not an item', () => {
		let filters = readFilters(new URLSearchParams('pilih=gambar:status-distribution&pilih=<script>'));
		expect(reportItems(filters)).toEqual(['gambar:status-distribution']);
		filters = { ...filters, pilih: toggleReportItem(filters, 'gambar:status-distribution') };
		expect(reportItems(filters)).toEqual([]);
		expect(reportItems(readFilters(new URLSearchParams(filtersQuery(filters).slice(1))))).toEqual([]);
	});
});

it('numbers figures and tables apart, in page order, counting only the chosen', () => {
	const order = ['gambar:status-distribution', 'tabel:status-counts', 'gambar:idm-distribution', 'tabel:status-shares', 'gambar:transition-flow'];
	const chosen = ['tabel:status-shares', 'gambar:transition-flow', 'tabel:status-counts', 'gambar:status-distribution'];
	expect(order.map((item) => captionNumber(item, order, chosen))).toEqual([1, 1, null, 2, 2]);
});
