import * as Plot from '@observablehq/plot';
import { classify, type StatusBand, type StatusScheme } from '../domain/schemes';
import type { Status } from '../domain/status';
import { formatDecimal } from '../i18n/format';
import { statusLabel, t, type Lang } from '../i18n/messages';
import { inlineLegend } from './inline-legend';
import { COMPONENT_COLORS, STATUS_COLORS } from './palette';

export interface VillageTrajectoryOptions {
	lang: Lang;
	width?: number;
	/** For rendering outside a browser (tests, build time). */
	document?: Document;
}

/** One year of one village; null where the year's file has no value. */
export interface VillageYear {
	tahun: number;
	idm: number | null;
	iks: number | null;
	ike: number | null;
	ikl: number | null;
}

const defaults = {
	width: 640,
	height: 380,
	marginTop: 40,
	marginLeft: 44,
	/** Room for the status names, wrapped to two lines at `nameWidth` ems. */
	marginRight: 100,
	nameWidth: 8,
	bandOpacity: 0.15,
	idmColor: '#000000'
};

const SERIES = ['IDM', 'IKS', 'IKE', 'IKL'] as const;
type Series = (typeof SERIES)[number];
const SERIES_COLORS: Readonly<Record<Series, string>> = { IDM: defaults.idmColor, ...COMPONENT_COLORS };

interface Point {
	tahun: number;
	series: Series;
	value: number | null;
}

/**
 * The IDM a village needs to reach the class above `idm`: the next band's lower bound, or the
 * first 4-decimal score above it when the bound itself belongs to the class below (officially
 * 0.8156 for Mandiri). Null for a village already in the top class or without a score.
 */
export function nextClassThreshold(
	idm: number | null,
	scheme: StatusScheme
): { status: Status; idm: number } | null {
	const status = classify(idm, scheme);
	const index = scheme.bands.findIndex((band) => band.status === status);
	const next: StatusBand | undefined = index < 0 ? undefined : scheme.bands[index + 1];
	if (!next) return null;
	const needed = next.lowerInclusive ? next.lower : next.lower + 0.0001;
	return { status: next.status, idm: Math.round(needed * 10_000) / 10_000 };
}

/**
 * One village's IDM (thick line and dots) and its IKS, IKE and IKL (thin lines) over the years,
 * over the scheme's classes as faint horizontal bands, with a dashed rule at the IDM its latest
 * score needs for the next class. A single year shows as dots; a missing value leaves a gap.
 */
export function villageTrajectoryChart(
	rows: readonly VillageYear[],
	scheme: StatusScheme,
	options: VillageTrajectoryOptions
): SVGSVGElement {
	const { lang } = options;
	const decimal = (value: number) => formatDecimal(value, 4, lang);
	const label = (status: Status) => statusLabel(lang, status);
	const years = [...rows].sort((a, b) => a.tahun - b.tahun);
	const points = (series: readonly Series[]): Point[] =>
		years.flatMap((row) =>
			series.map((name) => {
				const value = row[name.toLowerCase() as 'idm' | 'iks' | 'ike' | 'ikl'];
				return { tahun: row.tahun, series: name, value: value !== null && Number.isFinite(value) ? value : null };
			})
		);
	const idm = points(['IDM']);
	const components = points(['IKS', 'IKE', 'IKL']);
	const latest = idm.findLast((point) => point.value !== null);
	const next = nextClassThreshold(latest?.value ?? null, scheme);
	const tip = (point: Point) => {
		const status = point.series === 'IDM' ? classify(point.value, scheme) : null;
		const value = `${point.series}: ${decimal(point.value!)}`;
		return `${point.tahun}\n${status ? `${value} (${label(status)})` : value}`;
	};
	const stroke = (point: Point) => SERIES_COLORS[point.series];
	const present = (point: Point) => point.value !== null;
	return Plot.plot({
		width: options.width ?? defaults.width,
		height: defaults.height,
		marginTop: defaults.marginTop,
		marginLeft: defaults.marginLeft,
		marginRight: defaults.marginRight,
		document: options.document,
		ariaLabel: t(lang, 'chartTrajectoryTitle'),
		x: {
			type: 'point',
			domain: years.map((row) => row.tahun),
			label: t(lang, 'year'),
			labelAnchor: 'center',
			labelArrow: 'none',
			tickFormat: (year: number) => String(year)
		},
		y: {
			domain: [0, 1],
			label: t(lang, 'axisValue'),
			labelArrow: 'none',
			tickFormat: (value: number) => formatDecimal(value, 1, lang)
		},
		marks: [
			// Bands first, so that everything else is drawn over them.
			Plot.rectY(scheme.bands, {
				y1: 'lower',
				y2: 'upper',
				fill: (band: StatusBand) => STATUS_COLORS[band.status],
				fillOpacity: defaults.bandOpacity,
				className: 'bands'
			}),
			Plot.text(scheme.bands, {
				y: (band: StatusBand) => (band.lower + band.upper) / 2,
				text: (band: StatusBand) => label(band.status),
				frameAnchor: 'right',
				textAnchor: 'start',
				dx: 6,
				lineWidth: defaults.nameWidth,
				className: 'band-names'
			}),
			...(next
				? [
						Plot.ruleY([next.idm], { strokeDasharray: '5,4', className: 'next-class' }),
						Plot.text([next.idm], {
							y: (value: number) => value,
							text: (value: number) => `${t(lang, 'needed')} (${label(next.status)}): ${decimal(value)}`,
							frameAnchor: 'left',
							textAnchor: 'start',
							dx: 4,
							dy: -7,
							fill: 'currentColor',
							stroke: 'white',
							strokeWidth: 3,
							paintOrder: 'stroke',
							className: 'next-class-label'
						})
					]
				: []),
			...inlineLegend(SERIES.map((name) => ({ label: name, color: SERIES_COLORS[name] }))),
			Plot.line(components, {
				x: 'tahun',
				y: 'value',
				z: 'series',
				stroke,
				strokeWidth: 1.5,
				className: 'component-lines'
			}),
			Plot.dot(components, {
				filter: present,
				x: 'tahun',
				y: 'value',
				r: 3,
				fill: stroke,
				className: 'component-dots',
				title: tip,
				tip: true
			}),
			Plot.line(idm, { x: 'tahun', y: 'value', stroke, strokeWidth: 3, className: 'idm-line' }),
			Plot.dot(idm, {
				filter: present,
				x: 'tahun',
				y: 'value',
				r: 5,
				fill: stroke,
				stroke: 'white',
				strokeWidth: 1.5,
				className: 'idm-dots',
				title: tip,
				tip: true
			})
		]
	}) as SVGSVGElement;
}
