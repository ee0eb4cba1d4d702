import * as Plot from '@observablehq/plot';
import type { Table } from 'apache-arrow';
import { STATUS_ORDER, type Status } from '../domain/status';
import { formatCount } from '../i18n/format';
import { statusLabel, t, type Lang } from '../i18n/messages';
import { STATUS_RANGE } from './palette';

export interface StatusDistributionOptions {
	lang: Lang;
	width?: number;
	/** The years to draw, first and last (a report's period); all the table has by default. */
	years?: { from: number | null; to: number | null };
	/** For rendering outside a browser (tests, build time). */
	document?: Document;
}

const defaults = { width: 640, height: 360, marginLeft: 56 };

/**
 * Villages per status per year as stacked bars, Sangat Tertinggal at the bottom, Mandiri on top.
 * `counts` has columns `tahun`, `status`, `jumlah` (the status-count query); rows without a status
 * (unscored villages) and empty statuses are left out of the bars.
 */
export function statusDistributionChart(counts: Table, options: StatusDistributionOptions): SVGSVGElement {
	const { lang } = options;
	const { from = null, to = null } = options.years ?? {};
	const label = (status: Status) => statusLabel(lang, status);
	const bars = Plot.stackY({
		x: 'tahun',
		y: 'jumlah',
		fill: 'status',
		filter: (row: { tahun: number; status: string | null; jumlah: number }) =>
			row.status !== null && row.jumlah > 0 && (from === null || row.tahun >= from) && (to === null || row.tahun <= to),
		order: STATUS_ORDER as unknown as string[]
	});
	return Plot.plot({
		width: options.width ?? defaults.width,
		height: defaults.height,
		marginLeft: defaults.marginLeft,
		document: options.document,
		ariaLabel: t(lang, 'chartTitle'),
		x: { type: 'band', label: t(lang, 'year'), tickFormat: (year: number) => String(year) },
		y: { label: t(lang, 'villages'), grid: true, nice: true, tickFormat: (n: number) => formatCount(n, lang) },
		color: { domain: STATUS_ORDER as unknown as string[], range: STATUS_RANGE as string[], tickFormat: label },
		marks: [
			Plot.barY(counts, {
				...bars,
				tip: {
					format: {
						x: (year: number) => String(year),
						y: (n: number) => formatCount(n, lang),
						fill: label
					}
				}
			}),
			Plot.ruleY([0])
		]
	}) as SVGSVGElement;
}
