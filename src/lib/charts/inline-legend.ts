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
