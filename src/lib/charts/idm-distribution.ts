import * as Plot from '@observablehq/plot';
import { classify, type StatusBand, type StatusScheme } from '../domain/schemes';
import type { ScoreCounts } from '../domain/score-counts';
import { STATUS_ORDER, type Status } from '../domain/status';
import { formatCount, formatDecimal } from '../i18n/format';
import { statusLabel, t, type Lang } from '../i18n/messages';
import { STATUS_RANGE } from './palette';

export interface IdmDistributionOptions {
	lang: Lang;
	width?: number;
	/** For rendering outside a browser (tests, build time). */
	document?: Document;
	/** binScores(scores, scheme), where the caller has them already (for the chart's table). */
	bins?: IdmBin[];
}

const defaults = {
	width: 640,
	height: 360,
	marginTop: 44,
	marginLeft: 48,
	marginRight: 20,
	/** Bin width between cut-offs. */
	step: 0.01,
	/** Room left around the data and the cut-offs, then rounded out to a multiple of `round`. */
	pad: 0.02,
	round: 0.05,
	/** Rough width of a character of the 10px labels, to leave out names that do not fit their band. */
	charWidth: 6
};

/** One bar of the histogram: the villages of one status whose scores fall in [x1, x2). */
export interface IdmBin {
	x1: number;
	x2: number;
	status: Status;
	count: number;
}

// Decimal steps computed as k / 100 rather than by adding 0.01, so that 0.7 stays 0.7.
function stepsBetween(lower: number, upper: number): number[] {
	const perUnit = Math.round(1 / defaults.step);
	const edges = [lower];
	for (let k = Math.floor(lower * perUnit) + 1; k / perUnit < upper; k++) {
		const edge = k / perUnit;
		if (edge > lower) edges.push(edge);
	}
	edges.push(upper);
	return edges;
}

/**
 * Counts scores in bins of 0.01 whose edges include the scheme's cut-offs, so that every bin
 * holds one status only. A score on a cut-off goes to the side its class is on (0.8155 officially
 * to the Maju bin below it), which a plain [x1, x2) binning would get wrong. Each distinct score
 * is placed once, with its count; non-finite scores are left out.
 */
export function binScores({ values, counts }: ScoreCounts, scheme: StatusScheme): IdmBin[] {
	const bins = new Map<string, IdmBin>();
	const edgesOf = new Map<StatusBand, number[]>();
	const place = (score: number): IdmBin | null => {
		const status = classify(score, scheme);
		const band = scheme.bands.find((candidate) => candidate.status === status);
		if (!status || !band) return null;
		let edges = edgesOf.get(band);
		if (!edges) edgesOf.set(band, (edges = stepsBetween(band.lower, band.upper)));
		let i = edges.findLastIndex((edge) => edge <= score);
		i = Math.min(Math.max(i, 0), edges.length - 2);
		const x1 = edges[i]!;
		const x2 = edges[i + 1]!;
		const key = `${x1}|${status}`;
		let bin = bins.get(key);
		if (!bin) bins.set(key, (bin = { x1, x2, status, count: 0 }));
		return bin;
	};
	for (let i = 0; i < values.length; i++) {
		const bin = Number.isFinite(values[i]) ? place(values[i]!) : null;
		if (bin) bin.count += counts[i]!;
	}
	return [...bins.values()].sort((a, b) => a.x1 - b.x1);
}

/** Cut-offs as a scheme states them: 0,7072 officially, 0,707 rounded, not padded to one width. */
function formatCutoff(value: number, lang: Lang): string {
	return formatDecimal(value, (String(value).split('.')[1] ?? '').length, lang);
}

/**
 * The x extent: the finite scores and every cut-off with some room, so that the thresholds of two
 * schemes or two regencies can be compared at a glance.
 */
function xDomain(scores: readonly number[], cutoffs: readonly number[]): [number, number] {
	let min = Infinity;
	let max = -Infinity;
	for (const values of [scores, cutoffs]) {
		for (const value of values) {
			if (!Number.isFinite(value)) continue;
			if (value < min) min = value;
			if (value > max) max = value;
		}
	}
	if (min > max) return [0, 1];
	const { pad, round } = defaults;
	const lower = Math.floor((min - pad) / round) * round;
	const upper = Math.ceil((max + pad) / round) * round;
	return [Math.max(0, Number(lower.toFixed(2))), Math.min(1, Number(upper.toFixed(2)))];
}

/**
 * Histogram of village IDM scores, each bar in the colour of its status, with the scheme's
 * cut-offs as vertical rules labelled in the UI's number format and the status names over their
 * bands. Non-finite scores are left out.
 */
export function idmDistributionChart(
	scores: ScoreCounts,
	scheme: StatusScheme,
	options: IdmDistributionOptions
): SVGSVGElement {
	const { lang } = options;
	const width = options.width ?? defaults.width;
	const label = (status: Status) => statusLabel(lang, status);
	const decimal = (value: number) => formatDecimal(value, 4, lang);
	const cutoffs = scheme.bands.slice(0, -1).map((band) => band.upper);
	const [from, to] = xDomain(scores.values, cutoffs);
	const pixelsPerUnit = (width - defaults.marginLeft - defaults.marginRight) / (to - from);
	const names = scheme.bands
		.map((band) => ({ status: band.status, lower: Math.max(band.lower, from), upper: Math.min(band.upper, to) }))
		.filter(
			(span) => (span.upper - span.lower) * pixelsPerUnit >= label(span.status).length * defaults.charWidth
		);
	return Plot.plot({
		width,
		height: defaults.height,
		marginTop: defaults.marginTop,
		marginLeft: defaults.marginLeft,
		marginRight: defaults.marginRight,
		document: options.document,
		ariaLabel: t(lang, 'chartDistributionTitle'),
		x: {
			domain: [from, to],
			label: t(lang, 'axisIdm'),
			labelAnchor: 'center',
			labelArrow: 'none',
			tickFormat: (value: number) => formatDecimal(value, 2, lang)
		},
		y: {
			label: t(lang, 'villages'),
			labelArrow: 'none',
			grid: true,
			nice: true,
			tickFormat: (n: number) => formatCount(n, lang)
		},
		color: { domain: STATUS_ORDER as unknown as string[], range: STATUS_RANGE as string[], tickFormat: label },
		marks: [
			Plot.rectY(options.bins ?? binScores(scores, scheme), {
				x1: 'x1',
				x2: 'x2',
				y: 'count',
				fill: 'status',
				insetLeft: 0.5,
				insetRight: 0.5,
				className: 'idm-bins',
				tip: {
					format: {
						x1: decimal,
						x2: decimal,
						y: (n: number) => formatCount(n, lang),
						fill: label
					}
				}
			}),
			Plot.ruleY([0]),
			Plot.ruleX(cutoffs, { x: (cutoff: number) => cutoff, strokeDasharray: '3,2', className: 'cutoffs' }),
			Plot.text(cutoffs, {
				x: (cutoff: number) => cutoff,
				text: (cutoff: number) => formatCutoff(cutoff, lang),
				frameAnchor: 'top',
				dy: -8,
				className: 'cutoff-labels'
			}),
			Plot.text(names, {
				x: (span: { lower: number; upper: number }) => (span.lower + span.upper) / 2,
				text: (span: { status: Status }) => label(span.status),
				frameAnchor: 'top',
				dy: -28,
				fontWeight: 'bold',
				className: 'status-names'
			})
		]
	}) as SVGSVGElement;
}
