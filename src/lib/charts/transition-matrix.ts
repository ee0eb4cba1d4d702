import * as Plot from '@observablehq/plot';
import { STATUS_ORDER, isStatus, type Status } from '../domain/status';
import { formatCount } from '../i18n/format';
import { statusLabel, t, type Lang } from '../i18n/messages';
import { RAMP_KEY_HEIGHT, flowKey, rampKey } from './inline-legend';
import { FLOW_COLORS, FLOW_LABELS, flowDirection, type FlowDirection } from './palette';

/** Villages per from-status and to-status between two years; a null status is a village absent or unscored. */
export interface MatrixCellRow {
	dari: string | null;
	ke: string | null;
	jumlah: number;
}

export interface TransitionMatrixOptions {
	lang: Lang;
	width?: number;
	/** For rendering outside a browser (tests, build time). */
	document?: Document;
}

/** The top margin holds the colour key (left) and the up/down key (right), 8 px from the top. */
const marginTop = 8 + RAMP_KEY_HEIGHT + 11;

const defaults = {
	width: 640,
	// The cells keep the size they had in 400 px with a 32 px top margin, before the colour key.
	height: 400 - 32 + marginTop,
	marginTop,
	marginRight: 16,
	marginBottom: 56,
	marginLeft: 120,
	/** Share of the largest count from which a cell is dark enough for white text. */
	darkShare: 0.5
};


interface MatrixCell {
	dari: Status;
	ke: Status;
	jumlah: number;
	movement: FlowDirection;
}

/**
 * Heatmap of villages by status before (rows, Mandiri on top) and after (columns), darker for more villages,
 * with the count in each cell and a key to the colours in the top margin; cells of villages that moved up are
 * outlined blue, down vermillion. All five statuses are shown even when empty, so matrices of different
 * regencies line up. Rows with a null status are left out.
 */
export function transitionMatrixChart(cells: readonly MatrixCellRow[], options: TransitionMatrixOptions): SVGSVGElement {
	const { lang } = options;
	const label = (status: Status) => statusLabel(lang, status);
	const grid = fullGrid(cells);
	const max = Math.max(0, ...grid.map((cell) => cell.jumlah));
	const domain: [number, number] = [0, Math.max(1, max)];
	const title = (cell: MatrixCell) =>
		`${label(cell.dari)} → ${label(cell.ke)}: ${formatCount(cell.jumlah, lang)} ${t(lang, 'villagesCount')}` +
		` (${t(lang, FLOW_LABELS[cell.movement])})`;
	const position = { x: 'ke', y: 'dari' } as const;
	// Two-word labels on two lines: five columns leave about 100 px for 'Very underdeveloped'.
	const columnLabel = (status: Status) => label(status).replace(/ (?=\S{6,})/, '\n');
	const key = (movement: FlowDirection, dx: number) =>
		flowKey(lang, movement, { symbol: '□', frameAnchor: 'top-right', dx, dy: -defaults.marginTop + 8 });
	return Plot.plot({
		width: options.width ?? defaults.width,
		height: defaults.height,
		marginTop: defaults.marginTop,
		marginRight: defaults.marginRight,
		marginBottom: defaults.marginBottom,
		marginLeft: defaults.marginLeft,
		document: options.document,
		ariaLabel: t(lang, 'chartMatrixTitle'),
		x: { domain: STATUS_ORDER as unknown as string[], label: t(lang, 'axisTo'), tickFormat: columnLabel },
		y: { domain: [...STATUS_ORDER].reverse(), label: t(lang, 'axisFrom'), tickFormat: label },
		// The colour key is drawn by marks (rampKey): `legend: true` would make Plot return a <figure> instead of an SVG.
		color: { type: 'linear', scheme: 'blues', domain },
		marks: [
			Plot.cell(grid, {
				...position,
				fill: 'jumlah',
				// The gutter this leaves is where the up/down outlines go, against white rather than the fill.
				inset: 3,
				ariaLabel: title,
				title,
				tip: true
			}),
			// No tips on the outlines, counts and key: the cell under them has one, and several would stack.
			// Only cells with villages are outlined: on empty ones the colour would only add noise.
			Plot.cell(
				grid.filter((cell) => cell.movement !== 'same' && cell.jumlah > 0),
				{
					...position,
					fill: 'none',
					stroke: { value: (cell: MatrixCell) => FLOW_COLORS[cell.movement], scale: null },
					strokeWidth: 2,
					inset: 1
				}
			),
			Plot.text(grid, {
				...position,
				text: (cell: MatrixCell) => formatCount(cell.jumlah, lang),
				fill: {
					value: (cell: MatrixCell) =>
						cell.jumlah === 0 ? '#999999' : cell.jumlah >= max * defaults.darkShare ? 'white' : 'black',
					scale: null
				},
				fontSize: 12
			}),
			key('up', -64),
			key('down', 0),
			// Whole numbers as ticks: the middle one rounded, and placed where its own value falls.
			...rampKey({
				domain,
				label: t(lang, 'villages'),
				format: (count) => formatCount(count, lang),
				ticks: [0, Math.round(domain[1] / 2), domain[1]],
				dx: 0,
				dy: 8 - defaults.marginTop
			})
		]
	}) as SVGSVGElement;
}

/** Every from/to pair of statuses, zeros included, from-status outer, both lowest first. */
function fullGrid(cells: readonly MatrixCellRow[]): MatrixCell[] {
	const counts = new Map<string, number>();
	for (const row of cells) {
		if (row.dari === null || row.ke === null || !isStatus(row.dari) || !isStatus(row.ke)) continue;
		const key = `${row.dari}|${row.ke}`;
		counts.set(key, (counts.get(key) ?? 0) + row.jumlah);
	}
	return STATUS_ORDER.flatMap((dari) =>
		STATUS_ORDER.map((ke) => ({ dari, ke, jumlah: counts.get(`${dari}|${ke}`) ?? 0, movement: flowDirection(dari, ke) }))
	);
}
