import type * as Plot from '@observablehq/plot';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { openBundledDatabase } from '../../../tests/helpers/bundled-db';
import { statusCountsByKecamatan } from '../db/area-queries';
import { rowsOf } from '../db/arrow';
import { meanScores } from '../db/indicator-queries';
import {
	kecamatanHeatmapChart,
	kecamatanSmallMultiplesChart,
	minimalMajuByKecamatan,
	type KecamatanStatusRow,
	type KecamatanValueRow
} from './kecamatan-charts';
import { STATUS_COLORS } from './palette';

let rows: KecamatanStatusRow[];
/** Each kecamatan's mean IDM per year, as KecamatanView gives the heatmap. */
let means: KecamatanValueRow[];
beforeAll(async () => {
	const db = await openBundledDatabase();
	rows = rowsOf<KecamatanStatusRow>(await statusCountsByKecamatan(db, '1808', 'resmi'));
	means = rowsOf<{ nama: string; tahun: number; idm: number }>(await meanScores(db, '1808', 'kecamatan')).map((m) => ({
		nama_kecamatan: m.nama,
		tahun: m.tahun,
		value: m.idm
	}));
});

const document = () => new JSDOM('<!doctype html><body></body>').window.document;
/** The heatmap's cells, not the swatches of its colour key. */
const cells = (svg: SVGSVGElement) => [...svg.querySelectorAll('g[aria-label="cell"] rect')];
const swatches = (svg: SVGSVGElement) => [...svg.querySelectorAll('g.color-key rect')].map((rect) => rect.getAttribute('fill'));
const keyTexts = (svg: SVGSVGElement) => [...svg.querySelectorAll('g.color-key text')].map((text) => text.textContent);
/** How light a Plot colour `rgb(r, g, b)` is: the blues get darker in every channel. */
const lightness = (color: string | null | undefined) => (color?.match(/\d+/g) ?? []).reduce((sum, channel) => sum + Number(channel), 0);
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
		expect(cells(svg)).toHaveLength(30);
		expect(svg.getAttribute('aria-label')).toBe('Kecamatan menurut tahun: Persentase desa minimal Maju');
	});

	it('keys the heatmap’s colours in its top margin, on the scale of the cells', () => {
		const shares = minimalMajuByKecamatan(rows);
		const svg = kecamatanHeatmapChart(shares, 'minimal-maju', { lang: 'id', document: document() });
		// Label, then ticks at the domain's ends and middle, written as the cells are.
		expect(keyTexts(svg)).toEqual(['Persentase desa minimal Maju', '0,0%', '50,0%', '100,0%']);
		const key = swatches(svg);
		expect(key).toHaveLength(5);
		const fill = (value: number) => cells(svg)[shares.findIndex((s) => s.value === value)]?.getAttribute('fill');
		const values = shares.map((s) => s.value!);
		// The highest share, 100% (BANJIT, BARADATU … in 2024), is the key's dark end.
		expect(Math.max(...values)).toBe(100);
		expect(fill(100)).toBe(key.at(-1));
		// The lowest, 23,1% (UMPU SEMENGUK 2023), is above the domain's 0%: between the first two swatches (0% and 25%).
		const lowest = Math.min(...values);
		expect(lowest).toBeCloseTo(23.08, 2);
		expect(lightness(fill(lowest))).toBeLessThan(lightness(key[0]!));
		expect(lightness(fill(lowest))).toBeGreaterThan(lightness(key[1]!));
		// The key's light end is the colour the chart gives 0%.
		expect(key[0]).toBe((svg as unknown as Plot.Plot).scale('color')!.apply(0));
	});

	it('keys the mean IDM on its own domain, 0,5 to 1, in Indonesian decimals', () => {
		const svg = kecamatanHeatmapChart(means, 'idm', { lang: 'id', document: document() });
		expect(keyTexts(svg)).toEqual(['Rata-rata IDM', '0,5000', '0,7500', '1,0000']);
		const key = swatches(svg);
		const plot = svg as unknown as Plot.Plot;
		expect([key[0], key.at(-1)]).toEqual([plot.scale('color')!.apply(0.5), plot.scale('color')!.apply(1)]);
		// Way Kanan's kecamatan lie between 0,7082 (NEGARA BATIN 2023) and 0,8028 (REBANG TANGKAS 2024):
		// lighter than the key's dark end and darker than its light end.
		const fills = cells(svg).map((cell) => lightness(cell.getAttribute('fill')));
		expect(Math.max(...fills)).toBeLessThan(lightness(key[0]!));
		expect(Math.min(...fills)).toBeGreaterThan(lightness(key.at(-1)!));
		const negaraBatin2023 = means.findIndex((m) => m.nama_kecamatan === 'NEGARA BATIN' && m.tahun === 2023);
		expect(Math.max(...fills)).toBe(lightness(cells(svg)[negaraBatin2023]!.getAttribute('fill')));
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
