import type * as Plot from '@observablehq/plot';
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DATA_DIR } from '../../../tests/helpers/bundled-db';
import { componentDotChart, type KecamatanComponents } from './component-dots';
import { COMPONENT_COLORS, STATUS_RANGE } from './palette';

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;
const mean = (values: number[]) => values.reduce((total, value) => total + value, 0) / values.length;

/** Way Kanan 2023: each kecamatan's mean IKS, IKE and IKL over its villages, rounded as the app shows them. */
const WAY_KANAN_2023: KecamatanComponents[] = (() => {
	const villages = Papa.parse<Record<string, string>>(readFileSync(DATA_DIR + 'idm-2023-way-kanan.csv', 'utf8'), {
		header: true,
		skipEmptyLines: true
	}).data;
	const byKecamatan = new Map<string, Record<string, string>[]>();
	for (const village of villages) {
		const nama = village.NAMA_KECAMATAN!;
		byKecamatan.set(nama, [...(byKecamatan.get(nama) ?? []), village]);
	}
	return [...byKecamatan].map(([nama, rows]) => ({
		nama,
		iks: round4(mean(rows.map((row) => Number(row.IKS_2023)))),
		ike: round4(mean(rows.map((row) => Number(row.IKE_2023)))),
		ikl: round4(mean(rows.map((row) => Number(row.IKL_2023))))
	}));
})();

function render(rows: readonly KecamatanComponents[], lang: 'id' | 'en' = 'id') {
	const { document } = new JSDOM('<!doctype html><body></body>').window;
	return componentDotChart(rows, { lang, document });
}

const dots = (svg: SVGSVGElement) => [...svg.querySelectorAll('g.components circle')];
const yDomain = (svg: SVGSVGElement) => (svg as unknown as Plot.Plot).scale('y')!.domain as string[];

describe('componentDotChart', () => {
	it('reads the 15 kecamatan of Way Kanan 2023', () => {
		expect(WAY_KANAN_2023).toHaveLength(15);
		expect(WAY_KANAN_2023.find((row) => row.nama === 'BAHUGA')?.iks).toBe(0.8244);
	});

	it('draws three dots per kecamatan, one row each, in the component colours', () => {
		const svg = render(WAY_KANAN_2023);
		expect(dots(svg)).toHaveLength(45);
		expect(yDomain(svg)).toHaveLength(15);
		for (const color of Object.values(COMPONENT_COLORS)) {
			expect(dots(svg).filter((dot) => dot.getAttribute('fill') === color)).toHaveLength(15);
			expect(STATUS_RANGE).not.toContain(color);
		}
		expect(svg.querySelectorAll('g.spans line')).toHaveLength(15);
	});

	it('places each dot at its value: Bahuga’s IKS at 0.8244', () => {
		const svg = render(WAY_KANAN_2023);
		const { x, y } = { x: (svg as unknown as Plot.Plot).scale('x')!, y: (svg as unknown as Plot.Plot).scale('y')! };
		const bahugaIks = dots(svg).find(
			(dot) => dot.getAttribute('fill') === COMPONENT_COLORS.IKS && Number(dot.getAttribute('cy')) === y.apply('BAHUGA')
		);
		expect(Number(bahugaIks?.getAttribute('cx'))).toBeCloseTo(x.apply(0.8244), 6);
	});

	it('sorts kecamatan by the mean of their three components, highest on top', () => {
		const expected = [...WAY_KANAN_2023]
			.sort((a, b) => mean([b.iks!, b.ike!, b.ikl!]) - mean([a.iks!, a.ike!, a.ikl!]))
			.map((row) => row.nama);
		expect(yDomain(render(WAY_KANAN_2023))).toEqual(expected);
	});

	it('keeps its colour key inside the one SVG', () => {
		const svg = render(WAY_KANAN_2023);
		expect(svg.querySelectorAll('g.legend circle')).toHaveLength(3);
		expect([...svg.querySelectorAll('g.legend text')].map((text) => text.textContent)).toEqual(['IKS', 'IKE', 'IKL']);
	});

	it('leaves out missing components, and kecamatan without any', () => {
		const svg = render([
			{ nama: 'A', iks: 0.8, ike: 0.6, ikl: null },
			{ nama: 'B', iks: null, ike: null, ikl: null },
			{ nama: 'C', iks: 0.7, ike: null, ikl: null }
		]);
		expect(dots(svg)).toHaveLength(3);
		expect(yDomain(svg)).toEqual(['A', 'C']);
		expect(svg.querySelectorAll('g.spans line')).toHaveLength(1);
	});

	it('labels axes in the UI language', () => {
		expect(render(WAY_KANAN_2023).textContent).toContain('Nilai indeks');
		expect(render(WAY_KANAN_2023, 'en').textContent).toContain('Index value');
		expect(render(WAY_KANAN_2023).textContent).toContain('0,80');
		expect(render(WAY_KANAN_2023).getAttribute('aria-label')).toBe('IKS, IKE dan IKL per kecamatan');
	});

	it('matches its snapshot', async () => {
		// Rounded so the snapshot changes only when the chart does (as Plot's own tests do).
		const svg = render(WAY_KANAN_2023).outerHTML.replace(/\d+\.\d{3,}/g, (n) => Number(n).toFixed(2));
		await expect(svg).toMatchFileSnapshot('__snapshots__/component-dots-way-kanan-2023.svg');
	});
});
