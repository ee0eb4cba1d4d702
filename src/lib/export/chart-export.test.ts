import { tableFromArrays } from 'apache-arrow';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { statusDistributionChart } from '../charts/status-distribution';
import { STATUS_COLORS } from '../charts/palette';
import { CHART_FONT, pngSize, standaloneSvg, withResolution, wrapText } from './chart-export';

const STATUSES = ['MANDIRI', 'MAJU', 'BERKEMBANG', 'TERTINGGAL', 'SANGAT TERTINGGAL'];
/** Seed 002: Balangan 2017–2022, villages per status. */
const BALANGAN = [
	[0, 0, 18, 109, 27],
	[0, 3, 51, 92, 7],
	[0, 9, 116, 28, 0],
	[0, 12, 127, 14, 1],
	[0, 26, 126, 1, 1],
	[7, 96, 50, 0, 1]
];

function balanganChart() {
	const window = new JSDOM('<!doctype html><body></body>', { url: 'http://localhost/' }).window;
	const counts = tableFromArrays({
		tahun: Int32Array.from(BALANGAN.flatMap((_, i) => STATUSES.map(() => 2017 + i))),
		status: BALANGAN.flatMap(() => STATUSES),
		jumlah: Int32Array.from(BALANGAN.flat())
	});
	return { window, chart: statusDistributionChart(counts, { lang: 'id', document: window.document }) };
}

describe('standaloneSvg', () => {
	const { window, chart } = balanganChart();
	Object.assign(globalThis, { XMLSerializer: window.XMLSerializer });
	const svg = standaloneSvg(chart, {
		title: 'Jumlah desa per status, Kabupaten Balangan 2017–2022 <&>',
		subtitle: 'Ambang resmi (Permendesa 2/2016)',
		source: 'Sumber: IDM 2017–2022, Kemendes PDTT',
		legend: STATUSES.map((s) => ({ label: s, color: STATUS_COLORS[s as keyof typeof STATUS_COLORS] }))
	});
	const doc = new window.DOMParser().parseFromString(svg, 'image/svg+xml');

	it('parses as XML with its title, subtitle, legend and source', () => {
		expect(doc.querySelector('parsererror')).toBeNull();
		const root = doc.documentElement;
		expect(root.namespaceURI).toBe('http://www.w3.org/2000/svg');
		expect(root.querySelector('title')?.textContent).toBe('Jumlah desa per status, Kabupaten Balangan 2017–2022 <&>');
		const texts = [...root.querySelectorAll(':scope > text')].map((t) => t.textContent);
		expect(texts).toContain('Sumber: IDM 2017–2022, Kemendes PDTT');
		expect(texts).toContain('SANGAT TERTINGGAL');
		expect(root.querySelectorAll(':scope > rect').length).toBe(1 + STATUSES.length);
	});

	it('holds no HTML and one font everywhere', () => {
		expect(svg).not.toMatch(/<(div|span|p|foreignObject|html)\b/i);
		expect(doc.documentElement.getAttribute('font-family')).toBe(CHART_FONT);
		expect(doc.querySelector('svg svg')?.getAttribute('font-family')).toBe(CHART_FONT);
	});

	it('keeps every bar of the chart: one segment per non-zero count (22)', () => {
		expect(BALANGAN.flat().filter((n) => n > 0)).toHaveLength(22);
		expect(doc.querySelectorAll('svg svg rect')).toHaveLength(22);
	});

	it('grows to fit the frame: chart height 360 plus title, legend and source', () => {
		const height = Number(doc.documentElement.getAttribute('height'));
		expect(height).toBeGreaterThan(360 + 60);
		expect(height).toBeLessThan(360 + 160);
	});
});

describe('PNG', () => {
	it('is the chosen width times the scale, in proportion', () => {
		expect(pngSize(640, 480, 640, 3)).toEqual({ width: 1920, height: 1440 });
		expect(pngSize(640, 480, 320, 2)).toEqual({ width: 640, height: 480 });
	});

	it('writes the resolution after IHDR with a valid CRC', () => {
		// A 1×1 PNG's signature and IHDR, then IEND.
		const png = Uint8Array.from(
			Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c489' + '0000000049454e44ae426082', 'hex')
		);
		const out = withResolution(png, 288);
		const chunk = Buffer.from(out.subarray(33, 54));
		expect(chunk.subarray(4, 8).toString('latin1')).toBe('pHYs');
		expect(chunk.readUInt32BE(8)).toBe(11339); // 288 dpi in pixels per metre
		// The same CRC zlib computes for these bytes.
		const { crc32 } = require('node:zlib') as { crc32?: (data: Uint8Array) => number };
		if (crc32) expect(chunk.readUInt32BE(17)).toBe(crc32(chunk.subarray(4, 17)));
		expect(Buffer.from(out.subarray(54)).toString('hex')).toBe('0000000049454e44ae426082');
	});
});

it('wraps long titles by words', () => {
	expect(wrapText('Jumlah desa per status per kecamatan di Kabupaten Way Kanan', 200, 15)).toEqual([
		'Jumlah desa per status',
		'per kecamatan di',
		'Kabupaten Way Kanan'
	]);
});
