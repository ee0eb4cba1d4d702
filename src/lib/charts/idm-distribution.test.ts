import type * as Plot from '@observablehq/plot';
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DATA_DIR } from '../../../tests/helpers/bundled-db';
import { classify, OFFICIAL_SCHEME, ROUNDED_SCHEME, type StatusScheme } from '../domain/schemes';
import { countScores } from '../domain/score-counts';
import { binScores, idmDistributionChart } from './idm-distribution';
import { STATUS_COLORS } from './palette';

/** Way Kanan's 221 scores of the 2024 release: 47 Mandiri, 127 Maju, 47 Berkembang. */
const WAY_KANAN_2024 = Papa.parse<Record<string, string>>(
	readFileSync(DATA_DIR + 'idm-2024-empat-kabupaten.csv', 'utf8'),
	{ header: true, skipEmptyLines: true }
)
	.data.filter((row) => row.KODE_KAB === '1808')
	.map((row) => Number(row.NILAI_IDM_2024));
const WAY_KANAN_2024_COUNTED = countScores(WAY_KANAN_2024);

function render(lang: 'id' | 'en', scheme: StatusScheme = OFFICIAL_SCHEME) {
	const { document } = new JSDOM('<!doctype html><body></body>').window;
	return idmDistributionChart(WAY_KANAN_2024_COUNTED, scheme, { lang, document });
}

/** Plot's figure carries its scales, which turn pixels back into villages and scores. */
function scale(svg: SVGSVGElement, name: 'x' | 'y') {
	return (svg as unknown as Plot.Plot).scale(name)!;
}

function bars(svg: SVGSVGElement) {
	const y = scale(svg, 'y');
	const villagesPerPixel = 1 / (y.apply(0) - y.apply(1));
	return [...svg.querySelectorAll('g.idm-bins rect')].map((rect) => ({
		x: Number(rect.getAttribute('x')),
		fill: rect.getAttribute('fill'),
		villages: Number(rect.getAttribute('height')) * villagesPerPixel
	}));
}

function rules(svg: SVGSVGElement) {
	return [...svg.querySelectorAll('g.cutoffs line')].map((line) => Number(line.getAttribute('x1')));
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

describe('binScores', () => {
	it('puts a score on a cut-off on the side of its class', () => {
		expect(binScores(countScores([0.8155, 0.8156, 0.7072]), OFFICIAL_SCHEME)).toEqual([
			{ x1: 0.7, x2: 0.7072, status: 'BERKEMBANG', count: 1 },
			{ x1: 0.81, x2: 0.8155, status: 'MAJU', count: 1 },
			{ x1: 0.8155, x2: 0.82, status: 'MANDIRI', count: 1 }
		]);
	});

	it('never lets a bin straddle a cut-off', () => {
		for (const scheme of [OFFICIAL_SCHEME, ROUNDED_SCHEME]) {
			const bins = binScores(WAY_KANAN_2024_COUNTED, scheme);
			expect(sum(bins.map((bin) => bin.count))).toBe(221);
			for (const bin of bins) expect(classify((bin.x1 + bin.x2) / 2, scheme)).toBe(bin.status);
		}
	});
});

describe('idmDistributionChart', () => {
	it('counts every Way Kanan village of 2024 once', () => {
		expect(sum(bars(render('id')).map((bar) => bar.villages))).toBeCloseTo(221, 6);
	});

	it('colours the bars right of 0.8155 Mandiri blue, 47 villages, and no bar left of it', () => {
		const svg = render('id');
		const cutoff = scale(svg, 'x').apply(0.8155);
		const right = bars(svg).filter((bar) => bar.x >= cutoff - 0.01);
		const left = bars(svg).filter((bar) => bar.x < cutoff - 0.01);
		expect(new Set(right.map((bar) => bar.fill))).toEqual(new Set([STATUS_COLORS.MANDIRI]));
		expect(sum(right.map((bar) => bar.villages))).toBeCloseTo(47, 6);
		expect(left.some((bar) => bar.fill === STATUS_COLORS.MANDIRI)).toBe(false);
		expect(new Set(left.map((bar) => bar.fill))).toEqual(new Set([STATUS_COLORS.MAJU, STATUS_COLORS.BERKEMBANG]));
	});

	it('draws the four official cut-offs as rules, labelled as the UI writes numbers', () => {
		const svg = render('id');
		const x = scale(svg, 'x');
		expect(rules(svg)).toEqual([0.4907, 0.5989, 0.7072, 0.8155].map((cutoff) => x.apply(cutoff)));
		const labels = [...svg.querySelectorAll('g.cutoff-labels text')].map((text) => text.textContent);
		expect(labels).toEqual(['0,4907', '0,5989', '0,7072', '0,8155']);
		expect([...render('en').querySelectorAll('g.cutoff-labels text')][2]?.textContent).toBe('0.7072');
	});

	it('moves the rules with the scheme', () => {
		const official = rules(render('id'));
		const rounded = render('id', ROUNDED_SCHEME);
		const x = scale(rounded, 'x');
		expect(rules(rounded)).toEqual([0.491, 0.599, 0.707, 0.815].map((cutoff) => x.apply(cutoff)));
		rules(rounded).forEach((position, i) => expect(position).not.toBe(official[i]));
		expect(rounded.querySelector('g.cutoff-labels')?.textContent).toContain('0,815');
	});

	it('names the statuses over their bands and labels axes in the UI language', () => {
		const names = (lang: 'id' | 'en') =>
			[...render(lang).querySelectorAll('g.status-names text')].map((text) => text.textContent);
		// The x axis starts at 0.45: too little of Sangat Tertinggal's band shows to name it.
		expect(names('id')).toEqual(['Tertinggal', 'Berkembang', 'Maju', 'Mandiri']);
		expect(names('en')).toEqual(['Underdeveloped', 'Developing', 'Advanced', 'Independent']);
		expect(render('id').textContent).toContain('Nilai IDM');
		expect(render('id').textContent).toContain('Jumlah desa');
		expect(render('en').textContent).toContain('IDM score');
		expect(render('id').getAttribute('aria-label')).toBe('Sebaran nilai IDM dengan ambang status');
	});

	it('matches its snapshot', async () => {
		// Rounded so the snapshot changes only when the chart does (as Plot's own tests do).
		const svg = render('id').outerHTML.replace(/\d+\.\d{3,}/g, (n) => Number(n).toFixed(2));
		await expect(svg).toMatchFileSnapshot('__snapshots__/idm-distribution-way-kanan-2024.svg');
	});
});
