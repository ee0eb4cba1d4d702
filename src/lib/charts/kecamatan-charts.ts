import * as Plot from '@observablehq/plot';
import { STATUS_ORDER, type Status } from '../domain/status';
import { formatDecimal } from '../i18n/format';
import { statusLabel, t, type Lang } from '../i18n/messages';
import { RAMP_KEY_HEIGHT, rampKey } from './inline-legend';
import { STATUS_RANGE } from './palette';

export interface KecamatanChartOptions {
	lang: Lang;
	width?: number;
	/** For rendering outside a browser (tests, build time). */
	document?: Document;
}

/** Villages of one status in one kecamatan and year (db/area-queries statusCountsByKecamatan). */
export interface KecamatanStatusRow {
	tahun: number;
	nama_kecamatan: string | null;
	status: string | null;
	jumlah: number;
}

const defaults = { width: 640, rowHeight: 18, marginLeft: 150, marginTop: 28, marginBottom: 36 };
/** The heatmap's top margin holds its colour key, 8 px from the top and 11 px above the cells. */
const heatmapMarginTop = 8 + RAMP_KEY_HEIGHT + 11;

/**
 * Small multiples: one panel per kecamatan (rows, by name), in each a bar per year split into the
 * status shares, Sangat Tertinggal left and Mandiri right, in the status colours.
 */
export function kecamatanSmallMultiplesChart(rows: readonly KecamatanStatusRow[], options: KecamatanChartOptions): SVGSVGElement {
	const { lang } = options;
	const data = rows.filter((r) => r.status !== null && r.nama_kecamatan !== null);
	const kecamatan = [...new Set(data.map((r) => r.nama_kecamatan!))].sort();
	const years = [...new Set(data.map((r) => r.tahun))].sort();
	const totals = new Map<string, number>();
	for (const r of data) totals.set(`${r.nama_kecamatan}|${r.tahun}`, (totals.get(`${r.nama_kecamatan}|${r.tahun}`) ?? 0) + r.jumlah);
	const share = (r: KecamatanStatusRow) => (100 * r.jumlah) / (totals.get(`${r.nama_kecamatan}|${r.tahun}`) ?? 1);
	return Plot.plot({
		width: options.width ?? defaults.width,
		height: defaults.marginTop + defaults.marginBottom + kecamatan.length * (years.length * defaults.rowHeight + 8),
		marginLeft: defaults.marginLeft,
		marginTop: defaults.marginTop,
		marginBottom: defaults.marginBottom,
		document: options.document,
		ariaLabel: t(lang, 'chartSmallMultiplesTitle'),
		fy: { domain: kecamatan, label: null, padding: 0.15 },
		y: { domain: years, label: null, tickFormat: (year: number) => String(year) },
		x: { label: `${t(lang, 'axisShare')} (%)`, domain: [0, 100], grid: true },
		color: { domain: STATUS_ORDER as unknown as string[], range: STATUS_RANGE as string[], tickFormat: (s: Status) => statusLabel(lang, s) },
		marks: [
			Plot.barX(
				data,
				Plot.stackX({
					x: share,
					y: 'tahun',
					fy: 'nama_kecamatan',
					fill: 'status',
					order: STATUS_ORDER as unknown as string[],
					tip: {
						format: { x: (v: number) => `${formatDecimal(v, 1, lang)}%`, fill: (s: Status) => statusLabel(lang, s), fy: true, y: (y: number) => String(y) }
					},
					channels: { [t(lang, 'villages')]: { value: 'jumlah' } }
				})
			),
			Plot.axisFy({ anchor: 'left', label: null, dx: -28 })
		]
	}) as SVGSVGElement;
}

/** One cell of the kecamatan × year heatmap. */
export interface KecamatanValueRow {
	nama_kecamatan: string;
	tahun: number;
	value: number | null;
}

/**
 * A kecamatan × year heatmap of one measure: the share of villages at least Maju (percent) or the
 * mean IDM, the value written in each cell, with a key to the colours in the top margin. The colour
 * domain is fixed (0–100%, IDM 0,5–1) so heatmaps of different regencies can be compared.
 */
export function kecamatanHeatmapChart(
	rows: readonly KecamatanValueRow[],
	measure: 'minimal-maju' | 'idm',
	options: KecamatanChartOptions
): SVGSVGElement {
	const { lang } = options;
	const kecamatan = [...new Set(rows.map((r) => r.nama_kecamatan))].sort();
	const format = (v: number) => (measure === 'idm' ? formatDecimal(v, 4, lang) : `${formatDecimal(v, 1, lang)}%`);
	const label = measure === 'idm' ? t(lang, 'meanIdm') : t(lang, 'shareMinimalMaju');
	const domain: [number, number] = measure === 'idm' ? [0.5, 1] : [0, 100];
	return Plot.plot({
		width: options.width ?? defaults.width,
		height: heatmapMarginTop + defaults.marginBottom + kecamatan.length * 24,
		marginLeft: defaults.marginLeft,
		marginTop: heatmapMarginTop,
		marginBottom: defaults.marginBottom,
		document: options.document,
		ariaLabel: `${t(lang, 'chartKecamatanHeatmapTitle')}: ${label}`,
		x: { type: 'band', label: t(lang, 'year'), tickFormat: (year: number) => String(year) },
		y: { domain: kecamatan, label: null },
		color: { scheme: 'blues', domain, label },
		marks: [
			Plot.cell(rows, {
				x: 'tahun',
				y: 'nama_kecamatan',
				fill: 'value',
				inset: 0.5,
				tip: { format: { fill: (v: number) => format(v), x: (y: number) => String(y) } }
			}),
			Plot.text(rows, {
				x: 'tahun',
				y: 'nama_kecamatan',
				text: (r: KecamatanValueRow) => (r.value === null ? '–' : format(r.value)),
				fill: (r: KecamatanValueRow) => ((r.value ?? 0) > (measure === 'idm' ? 0.8 : 60) ? 'white' : 'black')
			}),
			// Ticks written as the cells are, so a cell's number and colour can be matched to the key.
			...rampKey({ domain, label, format, dx: 0, dy: 8 - heatmapMarginTop })
		]
	}) as SVGSVGElement;
}

/**
 * Share of villages at least Maju per kecamatan and year, from the kecamatan status counts.
 * @example minimalMajuByKecamatan(rows).find((r) => r.nama_kecamatan === 'BAHUGA' && r.tahun === 2024)
 */
export function minimalMajuByKecamatan(rows: readonly KecamatanStatusRow[]): KecamatanValueRow[] {
	const cells = new Map<string, { nama_kecamatan: string; tahun: number; atLeast: number; all: number }>();
	for (const r of rows) {
		if (!r.nama_kecamatan) continue;
		const key = `${r.nama_kecamatan}|${r.tahun}`;
		const cell = cells.get(key) ?? { nama_kecamatan: r.nama_kecamatan, tahun: r.tahun, atLeast: 0, all: 0 };
		cell.all += r.jumlah;
		if (r.status === 'MAJU' || r.status === 'MANDIRI') cell.atLeast += r.jumlah;
		cells.set(key, cell);
	}
	return [...cells.values()].map((c) => ({
		nama_kecamatan: c.nama_kecamatan,
		tahun: c.tahun,
		value: c.all === 0 ? null : (100 * c.atLeast) / c.all
	}));
}
