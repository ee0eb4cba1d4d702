import * as Plot from '@observablehq/plot';
import { t, type Lang } from '../i18n/messages';
import { FLOW_COLORS, FLOW_LABELS, type FlowDirection } from './palette';

/** Roughly how wide a character of the legend's 10 px system font is, to space the items. */
const CHAR_WIDTH = 6.2;

/**
 * A colour key drawn by Plot marks in the top margin rather than by a separate legend, so the
 * chart stays one SVG that can be saved or printed as it is.
 */
export function inlineLegend(items: readonly { label: string; color: string }[]): Plot.Markish[] {
	let dx = 0;
	return items.flatMap((item) => {
		const at = dx;
		dx += item.label.length * CHAR_WIDTH + 28;
		return [
			// A pixel lower than the text, whose middle sits below its nominal line in most fonts.
			Plot.dot([item], { frameAnchor: 'top-left', dx: at + 5, dy: -21, r: 4.5, fill: item.color, className: 'legend' }),
			Plot.text([item], {
				frameAnchor: 'top-left',
				dx: at + 13,
				dy: -22,
				text: 'label',
				textAnchor: 'start',
				className: 'legend'
			})
		];
	});
}

/**
 * One item of the movement key (naik / turun / tetap) in the top margin, coloured as the marks
 * it explains: `symbol` is the shape those marks have (▬ a ribbon, □ an outline).
 */
export function flowKey(
	lang: Lang,
	movement: FlowDirection,
	place: { symbol: string; frameAnchor: 'top-left' | 'top-right'; dx: number; dy: number }
): Plot.Markish {
	return Plot.text([`${place.symbol} ${t(lang, FLOW_LABELS[movement])}`], {
		text: (text: string) => text,
		frameAnchor: place.frameAnchor,
		dx: place.dx,
		dy: place.dy,
		fill: FLOW_COLORS[movement],
		fontWeight: 'bold'
	});
}

/** One swatch of a ramp key, in px. */
const SWATCH = { width: 30, height: 10 };

/** How far below the top of its label a ramp key's tick labels end, in px: its height in a margin. */
export const RAMP_KEY_HEIGHT = 37;

/**
 * A key to a continuous colour scale drawn by Plot marks in a margin, like Plot's own ramp legend
 * but inside the SVG: the label, under it a ramp of `swatches` adjacent swatches at evenly spaced
 * values from the domain's start to its end, and under the ramp the `ticks` (by default the
 * domain's ends and middle) written with `format`. The swatches are filled through the chart's own
 * colour scale, so the end ones are exactly the colours of the domain's ends, and a cell can be read
 * back against them. `dx`, `dy` place the label's top-left corner from the frame's (a negative `dy`:
 * in the top margin, which needs RAMP_KEY_HEIGHT px and a gap).
 * @example rampKey({ domain: [0, 100], label: 'Persentase desa minimal Maju', format: (v) => `${v}%`, dx: 0, dy: -48 })
 */
export function rampKey(key: {
	domain: readonly [number, number];
	label: string;
	format: (value: number) => string;
	ticks?: readonly number[];
	swatches?: number;
	dx: number;
	dy: number;
}): Plot.Markish[] {
	const [lo, hi] = key.domain;
	const count = key.swatches ?? 5;
	const values = Array.from({ length: count }, (_, i) => lo + ((hi - lo) * i) / (count - 1));
	const rampTop = key.dy + 14;
	// A value's place on the ramp: the middle of a swatch is the value it shows.
	const at = (value: number) => key.dx + SWATCH.width / 2 + ((value - lo) / (hi - lo || 1)) * (count - 1) * SWATCH.width;
	const ticks = [...new Set(key.ticks ?? [lo, (lo + hi) / 2, hi])];
	return [
		Plot.text([key.label], {
			text: (label: string) => label,
			frameAnchor: 'top-left',
			dx: key.dx,
			dy: key.dy,
			lineAnchor: 'top',
			textAnchor: 'start',
			className: 'color-key'
		}),
		// A rect mark without position channels spans the frame; the render transform then moves each
		// swatch to its place, keeping the fill Plot gave it from the colour scale, and outlines the
		// ramp (a path, so the rects are the swatches only), whose lightest end is near white.
		Plot.rect(values, {
			fill: (value: number) => value,
			className: 'color-key',
			render(index, scales, channels, dimensions, context, next) {
				const g = next!(index, scales, channels, dimensions, context)!;
				const swatches = g.querySelectorAll('rect');
				index.forEach((i, k) => {
					const swatch = swatches[k]!;
					swatch.setAttribute('x', String(dimensions.marginLeft + key.dx + i * SWATCH.width));
					swatch.setAttribute('y', String(dimensions.marginTop + rampTop));
					swatch.setAttribute('width', String(SWATCH.width));
					swatch.setAttribute('height', String(SWATCH.height));
				});
				const outline = context.document.createElementNS('http://www.w3.org/2000/svg', 'path');
				const [x, y] = [dimensions.marginLeft + key.dx, dimensions.marginTop + rampTop];
				outline.setAttribute('d', `M${x},${y}h${count * SWATCH.width}v${SWATCH.height}h${-count * SWATCH.width}Z`);
				outline.setAttribute('fill', 'none');
				outline.setAttribute('stroke', '#999999');
				outline.setAttribute('stroke-width', '0.5');
				g.append(outline);
				return g;
			}
		}),
		...ticks.map((value) =>
			Plot.text([value], {
				text: (v: number) => key.format(v),
				frameAnchor: 'top-left',
				dx: at(value),
				dy: rampTop + SWATCH.height + 3,
				lineAnchor: 'top',
				// Centred on its value: a top-left frame anchor would otherwise make it start there.
				textAnchor: 'middle',
				className: 'color-key'
			})
		)
	];
}
