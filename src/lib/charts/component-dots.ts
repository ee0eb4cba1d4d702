import * as Plot from '@observablehq/plot';
import { formatDecimal } from '../i18n/format';
import { t, type Lang } from '../i18n/messages';
import { inlineLegend } from './inline-legend';
import { COMPONENTS, COMPONENT_COLORS, type Component } from './palette';

export interface ComponentDotOptions {
	lang: Lang;
	width?: number;
	/** For rendering outside a browser (tests, build time). */
	document?: Document;
}

/** A kecamatan's mean of each component; null where none of its villages has that component. */
export interface KecamatanComponents {
	nama: string;
	iks: number | null;
	ike: number | null;
	ikl: number | null;
}

const defaults = {
	width: 640,
	rowHeight: 22,
	marginTop: 40,
	marginBottom: 36,
	marginRight: 20,
	/** Rough width of a character of 10px text: names are in capitals, hence the wider one. */
	capitalWidth: 7.2,
	/** Room left around the values, then rounded out to a multiple of `round`. */
	pad: 0.02,
	round: 0.05
};


const FIELDS: Readonly<Record<Component, 'iks' | 'ike' | 'ikl'>> = { IKS: 'iks', IKE: 'ike', IKL: 'ikl' };

interface Dot {
	nama: string;
	component: Component;
	value: number;
}

function dotsOf(row: KecamatanComponents): Dot[] {
	return COMPONENTS.flatMap((component) => {
		const value = row[FIELDS[component]];
		return value !== null && Number.isFinite(value) ? [{ nama: row.nama, component, value }] : [];
	});
}

const mean = (numbers: number[]) => numbers.reduce((total, n) => total + n, 0) / numbers.length;

/** The values with some room, rounded out to `defaults.round` so the ticks fall on the edges. */
function xDomain(values: readonly number[]): [number, number] {
	if (values.length === 0) return [0, 1];
	const { pad, round } = defaults;
	const lower = Math.floor((Math.min(...values) - pad) / round) * round;
	const upper = Math.ceil((Math.max(...values) + pad) / round) * round;
	return [Math.max(0, Number(lower.toFixed(2))), Math.min(1, Number(upper.toFixed(2)))];
}

/**
 * The three component means of each kecamatan as dots on one row, joined by a rule from the lowest
 * to the highest so the spread between components reads at a glance. Rows are sorted by the mean
 * of the three components (the kecamatan's IDM, roughly), highest on top; a kecamatan without any
 * component is left out.
 */
export function componentDotChart(rows: readonly KecamatanComponents[], options: ComponentDotOptions): SVGSVGElement {
	const { lang } = options;
	const decimal = (value: number) => formatDecimal(value, 4, lang);
	const kecamatan = rows.map((row) => ({ nama: row.nama, dots: dotsOf(row) })).filter((row) => row.dots.length > 0);
	const order = kecamatan
		.map(({ nama, dots }) => ({ nama, mean: mean(dots.map((dot) => dot.value)) }))
		.sort((a, b) => b.mean - a.mean || a.nama.localeCompare(b.nama))
		.map((row) => row.nama);
	const dots = kecamatan.flatMap((row) => row.dots);
	const spans = kecamatan
		.filter((row) => row.dots.length > 1)
		.map(({ nama, dots }) => {
			const values = dots.map((dot) => dot.value);
			return { nama, min: Math.min(...values), max: Math.max(...values) };
		});
	const longest = Math.max(0, ...order.map((nama) => nama.length));
	return Plot.plot({
		width: options.width ?? defaults.width,
		height: defaults.marginTop + defaults.marginBottom + Math.max(order.length, 1) * defaults.rowHeight,
		marginTop: defaults.marginTop,
		marginBottom: defaults.marginBottom,
		marginRight: defaults.marginRight,
		marginLeft: Math.ceil(longest * defaults.capitalWidth) + 14,
		document: options.document,
		ariaLabel: t(lang, 'chartComponentsTitle'),
		x: {
			domain: xDomain(dots.map((dot) => dot.value)),
			label: t(lang, 'axisValue'),
			labelAnchor: 'center',
			labelArrow: 'none',
			grid: true,
			tickFormat: (value: number) => formatDecimal(value, 2, lang)
		},
		y: { domain: order, label: null },
		color: {
			domain: COMPONENTS as unknown as string[],
			range: COMPONENTS.map((component) => COMPONENT_COLORS[component])
		},
		marks: [
			...inlineLegend(COMPONENTS.map((component) => ({ label: component, color: COMPONENT_COLORS[component] }))),
			Plot.ruleY(spans, { y: 'nama', x1: 'min', x2: 'max', stroke: '#999', strokeWidth: 1.5, className: 'spans' }),
			Plot.dot(dots, {
				x: 'value',
				y: 'nama',
				fill: 'component',
				r: 4.5,
				stroke: 'white',
				strokeWidth: 0.75,
				className: 'components',
				// One line per dot reads better than Plot's channel list, which would say "fill: IKS".
				title: (dot: Dot) => `${dot.nama}\n${dot.component}: ${decimal(dot.value)}`,
				tip: true
			})
		]
	}) as SVGSVGElement;
}
