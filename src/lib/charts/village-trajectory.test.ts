import type * as Plot from '@observablehq/plot';
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DATA_DIR } from '../../../tests/helpers/bundled-db';
import { classify, OFFICIAL_SCHEME, ROUNDED_SCHEME, type StatusScheme } from '../domain/schemes';
import { STATUS_RANGE } from './palette';
import { nextClassThreshold, villageTrajectoryChart, type VillageYear } from './village-trajectory';

function village(file: string, year: number, code: string): VillageYear {
	const rows = Papa.parse<Record<string, string>>(readFileSync(DATA_DIR + file, 'utf8'), {
		header: true,
		skipEmptyLines: true
	}).data;
	const row = rows.find((candidate) => candidate.KODE_DESA === code);
	if (!row) throw new Error(`${code} not in ${file}`);
	const score = (column: string) => (row[`${column}_${year}`] ? Number(row[`${column}_${year}`]) : null);
	return { tahun: year, idm: score('NILAI_IDM'), iks: score('IKS'), ike: score('IKE'), ikl: score('IKL') };
}

/** Bumi Agung Wates (Bahuga, Way Kanan): Maju in 2023, as both releases give it. */
const BUMI_AGUNG_WATES_2023 = village('idm-2023-way-kanan.csv', 2023, '1808052009');
const BUMI_AGUNG_WATES_2024 = village('idm-2024-empat-kabupaten.csv', 2024, '1808052009');

function render(rows: readonly VillageYear[], lang: 'id' | 'en' = 'id', scheme: StatusScheme = OFFICIAL_SCHEME) {
	const { document } = new JSDOM('<!doctype html><body></body>').window;
	return villageTrajectoryChart(rows, scheme, { lang, document });
}

/** The vertices of the first path of a line mark (Plot writes them as M x,y L x,y …). */
const vertices = (svg: SVGSVGElement, mark: string) =>
	(svg.querySelector(`g.${mark} path`)?.getAttribute('d') ?? '').match(/[ML]/g)?.length ?? 0;

const nextClassY = (svg: SVGSVGElement) =>
	[...svg.querySelectorAll('g.next-class line')].map((line) => Number(line.getAttribute('y1')));

describe('nextClassThreshold', () => {
	it('adds a point of the fourth decimal when the next lower bound belongs to the class below', () => {
		expect(nextClassThreshold(0.7487, OFFICIAL_SCHEME)).toEqual({ status: 'MANDIRI', idm: 0.8156 });
		expect(nextClassThreshold(0.7487, ROUNDED_SCHEME)).toEqual({ status: 'MANDIRI', idm: 0.8151 });
		expect(nextClassThreshold(0.7072, OFFICIAL_SCHEME)).toEqual({ status: 'MAJU', idm: 0.7073 });
		expect(nextClassThreshold(0.9, OFFICIAL_SCHEME)).toBeNull();
		expect(nextClassThreshold(null, OFFICIAL_SCHEME)).toBeNull();
	});
});

describe('villageTrajectoryChart', () => {
	it('reads Bumi Agung Wates from both releases', () => {
		expect(BUMI_AGUNG_WATES_2023).toEqual({ tahun: 2023, idm: 0.7487, iks: 0.8629, ike: 0.7167, ikl: 0.6667 });
		expect(BUMI_AGUNG_WATES_2024.tahun).toBe(2024);
		expect(BUMI_AGUNG_WATES_2024.idm).not.toBeNull();
	});

	it('draws the five classes as bands behind two years of lines, in either order', () => {
		const svg = render([BUMI_AGUNG_WATES_2024, BUMI_AGUNG_WATES_2023]);
		const bands = [...svg.querySelectorAll('g.bands rect')];
		expect(bands).toHaveLength(5);
		expect(bands.map((band) => band.getAttribute('fill'))).toEqual(STATUS_RANGE);
		expect(svg.querySelector('g.bands')?.getAttribute('fill-opacity')).toBe('0.15');
		// Drawn first, so that no line or dot is hidden behind them.
		const layers = [...svg.children].map((layer) => layer.getAttribute('class'));
		expect(layers.indexOf('bands')).toBeLessThan(layers.indexOf('component-lines'));
		expect(vertices(svg, 'idm-line')).toBe(2);
		expect(svg.querySelectorAll('g.component-lines path')).toHaveLength(3);
		expect(svg.querySelectorAll('g.idm-dots circle')).toHaveLength(2);
		expect(svg.querySelectorAll('g.component-dots circle')).toHaveLength(6);
		const x = (svg as unknown as Plot.Plot).scale('x')!;
		expect(x.domain).toEqual([2023, 2024]);
	});

	it('puts the next-class rule at the IDM the latest year needs', () => {
		const svg = render([BUMI_AGUNG_WATES_2023, BUMI_AGUNG_WATES_2024]);
		const latest = classify(BUMI_AGUNG_WATES_2024.idm, OFFICIAL_SCHEME);
		// 0.8898 in 2024: already Mandiri, so there is no class left to reach.
		expect(latest).toBe('MANDIRI');
		expect(nextClassY(svg)).toEqual([]);
	});

	it('shows one year as dots, with the rule at 0.8156 for a Maju village', () => {
		const svg = render([BUMI_AGUNG_WATES_2023]);
		const y = (svg as unknown as Plot.Plot).scale('y')!;
		expect(classify(BUMI_AGUNG_WATES_2023.idm, OFFICIAL_SCHEME)).toBe('MAJU');
		expect(nextClassY(svg)).toEqual([y.apply(0.8156)]);
		expect(svg.querySelector('g.next-class-label')?.textContent).toBe('IDM dibutuhkan (Mandiri): 0,8156');
		expect(svg.querySelectorAll('g.idm-dots circle')).toHaveLength(1);
		expect(svg.querySelectorAll('g.component-dots circle')).toHaveLength(3);
		expect(vertices(svg, 'idm-line')).toBeLessThan(2);
	});

	it('leaves gaps for missing components', () => {
		const svg = render([
			{ ...BUMI_AGUNG_WATES_2023, ike: null },
			{ ...BUMI_AGUNG_WATES_2024, ikl: null }
		]);
		expect(svg.querySelectorAll('g.component-dots circle')).toHaveLength(4);
		expect(vertices(svg, 'idm-line')).toBe(2);
	});

	it('labels axes and classes in the UI language', () => {
		const svg = render([BUMI_AGUNG_WATES_2023, BUMI_AGUNG_WATES_2024]);
		expect(svg.textContent).toContain('Tahun');
		expect(svg.textContent).toContain('Nilai indeks');
		expect(svg.textContent).toContain('0,8');
		expect(svg.textContent).not.toContain('2.023');
		expect(svg.querySelector('g.band-names')?.textContent).toContain('Mandiri');
		expect(render([BUMI_AGUNG_WATES_2023], 'en').querySelector('g.next-class-label')?.textContent).toBe(
			'IDM needed (Independent): 0.8156'
		);
		expect(svg.getAttribute('aria-label')).toBe('Perjalanan IDM dan komponennya');
	});

	it('matches its snapshot', async () => {
		// Rounded so the snapshot changes only when the chart does (as Plot's own tests do).
		const svg = render([BUMI_AGUNG_WATES_2023, BUMI_AGUNG_WATES_2024]).outerHTML.replace(/\d+\.\d{3,}/g, (n) =>
			Number(n).toFixed(2)
		);
		await expect(svg).toMatchFileSnapshot('__snapshots__/village-trajectory-1808052009.svg');
	});
});
