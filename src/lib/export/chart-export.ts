/**
 * A chart as a file for a report: one standalone SVG document (title, subtitle, the chart, its
 * legend and source line; no HTML inside) and a PNG rasterised from that same document.
 */

export interface LegendItem {
	label: string;
	color: string;
}

export interface ChartFrame {
	title: string;
	subtitle?: string;
	/** "Sumber: IDM 2024, Kemendes PDTT". */
	source: string;
	legend?: readonly LegendItem[];
}

/**
 * Metric-compatible faces (Arial, Liberation Sans and Arimo share widths), so text set in the
 * export lines up the same on another computer; the screen uses the same stack.
 */
export const CHART_FONT = 'Arial, "Liberation Sans", Arimo, Helvetica, sans-serif';

const SVG_NS = 'http://www.w3.org/2000/svg';
const PAD = 16;
const TITLE_SIZE = 15;
const TEXT_SIZE = 11;
/** Average advance of a character as a share of the font size, to wrap lines without a canvas. */
const CHAR_WIDTH = 0.56;

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeXml = (text: string) => text.replace(/[&<>"]/g, (c) => XML_ESCAPES[c] ?? c);

/** Splits text into lines that fit `width` at `size` px. */
export function wrapText(text: string, width: number, size: number): string[] {
	const perLine = Math.max(10, Math.floor(width / (size * CHAR_WIDTH)));
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		if (line && line.length + 1 + word.length > perLine) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(line);
	return lines;
}

function chartSize(chart: SVGSVGElement): { width: number; height: number } {
	const viewBox = chart.getAttribute('viewBox')?.split(/[\s,]+/).map(Number);
	const width = Number(chart.getAttribute('width')) || viewBox?.[2] || 640;
	const height = Number(chart.getAttribute('height')) || viewBox?.[3] || 400;
	return { width, height };
}

function textLines(lines: readonly string[], y: number, size: number, attributes: string): { svg: string; bottom: number } {
	const lineHeight = Math.round(size * 1.3);
	const svg = lines
		.map((line, i) => `<text x="${PAD}" y="${y + i * lineHeight}" font-size="${size}" ${attributes}>${escapeXml(line)}</text>`)
		.join('');
	return { svg, bottom: y + (lines.length - 1) * lineHeight };
}

function legendRows(items: readonly LegendItem[], y: number, width: number): { svg: string; bottom: number } {
	const parts: string[] = [];
	let x = PAD;
	let row = y;
	for (const item of items) {
		const advance = 14 + item.label.length * TEXT_SIZE * CHAR_WIDTH + 16;
		if (x > PAD && x + advance > width - PAD) {
			x = PAD;
			row += 18;
		}
		parts.push(
			`<rect x="${x}" y="${row - 9}" width="10" height="10" fill="${escapeXml(item.color)}"/>`,
			`<text x="${x + 14}" y="${row}" font-size="${TEXT_SIZE}">${escapeXml(item.label)}</text>`
		);
		x += advance;
	}
	return { svg: parts.join(''), bottom: row };
}

/** The chart with its frame as one SVG document, ready to save as `.svg`. */
export function standaloneSvg(chart: SVGSVGElement, frame: ChartFrame): string {
	const { width, height } = chartSize(chart);
	const inner = chart.cloneNode(true) as SVGSVGElement;
	inner.setAttribute('font-family', CHART_FONT);
	inner.setAttribute('width', String(width));
	inner.setAttribute('height', String(height));
	inner.removeAttribute('style');

	const title = textLines(wrapText(frame.title, width - 2 * PAD, TITLE_SIZE), PAD + TITLE_SIZE, TITLE_SIZE, 'font-weight="bold"');
	let top = title.bottom;
	let subtitle = '';
	if (frame.subtitle) {
		const lines = textLines(wrapText(frame.subtitle, width - 2 * PAD, TEXT_SIZE + 1), top + 20, TEXT_SIZE + 1, 'fill="#444"');
		subtitle = lines.svg;
		top = lines.bottom;
	}
	const chartTop = top + 12;
	inner.setAttribute('x', '0');
	inner.setAttribute('y', String(chartTop));
	let bottom = chartTop + height;
	let legend = '';
	if (frame.legend?.length) {
		const rows = legendRows(frame.legend, bottom + 16, width);
		legend = rows.svg;
		bottom = rows.bottom;
	}
	const source = textLines(wrapText(frame.source, width - 2 * PAD, TEXT_SIZE - 1), bottom + 22, TEXT_SIZE - 1, 'fill="#555"');
	const total = Math.ceil(source.bottom + PAD);
	const serialized = new XMLSerializer().serializeToString(inner);
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<svg xmlns="${SVG_NS}" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" font-family="${escapeXml(CHART_FONT)}" color="#1a1a1a" fill="#1a1a1a">`,
		`<title>${escapeXml(frame.title)}</title>`,
		`<desc>${escapeXml([frame.subtitle, frame.source].filter(Boolean).join(' · '))}</desc>`,
		`<rect width="100%" height="100%" fill="#fff"/>`,
		title.svg,
		subtitle,
		serialized,
		legend,
		source.svg,
		'</svg>'
	].join('');
}

/** The pixel size of a PNG of an SVG drawn `width` CSS px wide at `scale`. */
export function pngSize(svgWidth: number, svgHeight: number, width: number, scale: number): { width: number; height: number } {
	return { width: Math.round(width * scale), height: Math.round((svgHeight * width * scale) / svgWidth) };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
	let c = 0xffffffff;
	for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

/**
 * Writes the resolution into a PNG (a pHYs chunk after IHDR), so Word and LibreOffice place an
 * image drawn at 3× at its intended size: 630 px × 3 at 288 dpi is 16 cm, the text width of A4.
 */
export function withResolution(png: Uint8Array, dpi: number): Uint8Array {
	const ihdrEnd = 8 + 8 + 13 + 4;
	const perMetre = Math.round(dpi / 0.0254);
	const chunk = new Uint8Array(21);
	const view = new DataView(chunk.buffer);
	view.setUint32(0, 9);
	chunk.set([0x70, 0x48, 0x59, 0x73], 4); // "pHYs"
	view.setUint32(8, perMetre);
	view.setUint32(12, perMetre);
	chunk[16] = 1; // unit: metre
	view.setUint32(17, crc32(chunk.subarray(4, 17)));
	const out = new Uint8Array(png.length + chunk.length);
	out.set(png.subarray(0, ihdrEnd));
	out.set(chunk, ihdrEnd);
	out.set(png.subarray(ihdrEnd), ihdrEnd + chunk.length);
	return out;
}

/** Rasterises a standalone SVG document in the browser: `width` CSS px at `scale` device px each. */
export async function svgToPng(svg: string, width: number, scale: number): Promise<Blob> {
	const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
	try {
		const image = new Image();
		image.src = url;
		await image.decode();
		const size = pngSize(image.naturalWidth || width, image.naturalHeight || width, width, scale);
		const canvas = document.createElement('canvas');
		canvas.width = size.width;
		canvas.height = size.height;
		const context = canvas.getContext('2d');
		if (!context) throw new Error('canvas 2d is not available');
		context.drawImage(image, 0, 0, size.width, size.height);
		const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
		if (!blob) throw new Error('the canvas gave no PNG');
		const bytes = withResolution(new Uint8Array(await blob.arrayBuffer()), 96 * scale);
		return new Blob([bytes as BlobPart], { type: 'image/png' });
	} finally {
		URL.revokeObjectURL(url);
	}
}
