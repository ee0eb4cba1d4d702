import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { openBundledDatabase } from '../../../tests/helpers/bundled-db';
import { statusCountsByKecamatan } from '../db/area-queries';
import { rowsOf } from '../db/arrow';
import {
	kecamatanHeatmapChart,
	kecamatanSmallMultiplesChart,
	minimalMajuByKecamatan,
	type KecamatanStatusRow
} from './kecamatan-charts';
import { STATUS_COLORS } from './palette';

let rows: KecamatanStatusRow[];
beforeAll(async () => {
	const db = await openBundledDatabase();
	rows = rowsOf<KecamatanStatusRow>(await statusCountsByKecamatan(db, '1808', 'resmi'));
});

const document = () => new JSDOM('<!doctype html><body></body>').window.document;
const rounded = (svg: SVGSVGElement) => svg.outerHTML.replace(/\d+\.\d{3,}/g, (n) => Number(n).toFixed(2));

describe('Way Kanan’s 15 kecamatan side by side', () => {
	it('draws a panel per kecamatan with a bar per year split by status', () => {
		const svg = kecamatanSmallMultiplesChart(rows, { lang: 'id', document: document() });
		const bars = [...svg.querySelectorAll('rect')];
		expect(bars).toHaveLength(rows.filter((r) => r.jumlah > 0).length);
		const mandiri = bars.filter((b) => b.getAttribute('fill') === STATUS_COLORS.MANDIRI);
		expect(mandiri.length).toBeGreaterThan(0);
		expect(svg.textContent).toContain('BAHUGA');
		expect(svg.textContent).toContain('Persentase desa');
	});

	it('gives the share at least Maju per kecamatan and year, and draws it as a heatmap', () => {
		const shares = minimalMajuByKecamatan(rows);
		expect(shares).toHaveLength(30);
		const bahuga2023 = shares.find((s) => s.nama_kecamatan === 'BAHUGA' && s.tahun === 2023)!;
		const bahugaRows = rows.filter((r) => r.nama_kecamatan === 'BAHUGA' && r.tahun === 2023);
		const atLeast = bahugaRows.filter((r) => r.status === 'MAJU' || r.status === 'MANDIRI').reduce((s, r) => s + r.jumlah, 0);
		expect(bahuga2023.value).toBeCloseTo((100 * atLeast) / 11, 10);
		const svg = kecamatanHeatmapChart(shares, 'minimal-maju', { lang: 'id', document: document() });
		expect(svg.querySelectorAll('rect')).toHaveLength(30);
		expect(svg.getAttribute('aria-label')).toBe('Kecamatan menurut tahun: Persentase desa minimal Maju');
	});

	it('match their snapshots', async () => {
		await expect(rounded(kecamatanSmallMultiplesChart(rows, { lang: 'id', document: document() }))).toMatchFileSnapshot(
			'__snapshots__/kecamatan-small-multiples-way-kanan.svg'
		);
		await expect(
			rounded(kecamatanHeatmapChart(minimalMajuByKecamatan(rows), 'minimal-maju', { lang: 'en', document: document() }))
		).toMatchFileSnapshot('__snapshots__/kecamatan-heatmap-way-kanan.svg');
	});
});
