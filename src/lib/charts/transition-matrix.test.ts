import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { transitionMatrixChart, type MatrixCellRow } from './transition-matrix';

/** Way Kanan 2023 → 2024, villages joined on their codes. */
const WAY_KANAN: MatrixCellRow[] = [
	{ dari: 'BERKEMBANG', ke: 'BERKEMBANG', jumlah: 47 },
	{ dari: 'BERKEMBANG', ke: 'MAJU', jumlah: 50 },
	{ dari: 'BERKEMBANG', ke: 'MANDIRI', jumlah: 1 },
	{ dari: 'MAJU', ke: 'MAJU', jumlah: 77 },
	{ dari: 'MAJU', ke: 'MANDIRI', jumlah: 20 },
	{ dari: 'MANDIRI', ke: 'MANDIRI', jumlah: 26 }
];

function render(lang: 'id' | 'en', cells: readonly MatrixCellRow[] = WAY_KANAN) {
	const { document } = new JSDOM('<!doctype html><body></body>').window;
	return transitionMatrixChart(cells, { lang, document });
}

/** The heatmap's own cells, not the up/down outlines drawn over some of them. */
const cells = (svg: SVGSVGElement) => [...(svg.querySelector('g[aria-label="cell"]')?.querySelectorAll('rect') ?? [])];
/** The counts and the up/down key, not the colour key's label and ticks. */
const texts = (svg: SVGSVGElement) => [...svg.querySelectorAll('g[aria-label="text"]:not(.color-key) text')];
const swatches = (svg: SVGSVGElement) => [...svg.querySelectorAll('g.color-key rect')].map((rect) => rect.getAttribute('fill'));
const keyTexts = (svg: SVGSVGElement) => [...svg.querySelectorAll('g.color-key text')].map((text) => text.textContent);
const centre = (element: Element | undefined) => {
	const x = Number(element?.getAttribute('x'));
	const y = Number(element?.getAttribute('y'));
	return [x + Number(element?.getAttribute('width')) / 2, y + Number(element?.getAttribute('height')) / 2];
};

describe('transitionMatrixChart', () => {
	it('draws all 25 status pairs, empty ones included', () => {
		expect(cells(render('id'))).toHaveLength(25);
		expect(cells(render('id', []))).toHaveLength(25);
	});

	it('writes each count in its cell', () => {
		const svg = render('id');
		const cell = cells(svg).find((rect) => rect.getAttribute('aria-label')?.startsWith('Berkembang → Maju:'));
		expect(cell?.getAttribute('aria-label')).toBe('Berkembang → Maju: 50 desa (naik)');
		const [x, y] = centre(cell);
		// Plot centres text in the bands with a transform on the group, added to each text's own.
		const translate = (element: Element | null | undefined) =>
			(/translate\((-?[\d.]+),(-?[\d.]+)\)/.exec(element?.getAttribute('transform') ?? '') ?? [])
				.slice(1)
				.map(Number);
		const text = texts(svg).find((element) => {
			const [gx = 0, gy = 0] = translate(element.parentElement);
			const [tx = NaN, ty = NaN] = translate(element);
			return Math.abs(gx + tx - (x ?? NaN)) < 0.01 && Math.abs(gy + ty - (y ?? NaN)) < 0.01;
		});
		expect(text?.textContent).toBe('50');
		expect(texts(svg).filter((element) => element.textContent === '0')).toHaveLength(19);
	});

	it('puts Mandiri on top and Sangat Tertinggal at the bottom, and outlines moves up and down', () => {
		const svg = render('id');
		const y = (label: string) =>
			Number(cells(svg).find((rect) => rect.getAttribute('aria-label')?.startsWith(label))?.getAttribute('y'));
		expect(y('Mandiri → Mandiri')).toBeLessThan(y('Sangat Tertinggal → Mandiri'));
		const outlines = [...(svg.querySelectorAll('g[aria-label="cell"]')[1]?.querySelectorAll('rect') ?? [])];
		// Berkembang → Maju, Berkembang → Mandiri, Maju → Mandiri: all up, none down in Way Kanan.
		expect(outlines.map((rect) => rect.getAttribute('stroke'))).toEqual(['#0072B2', '#0072B2', '#0072B2']);
		const down = render('id', [{ dari: 'MAJU', ke: 'BERKEMBANG', jumlah: 2 }]);
		const downOutlines = [...(down.querySelectorAll('g[aria-label="cell"]')[1]?.querySelectorAll('rect') ?? [])];
		expect(downOutlines.map((rect) => rect.getAttribute('stroke'))).toEqual(['#D55E00']);
	});

	it('keys the colours in the top margin, from the emptiest cell to the fullest', () => {
		const svg = render('id');
		// Label, then the domain's ends (0 and the largest count) and the middle, rounded to a whole village.
		expect(keyTexts(svg)).toEqual(['Jumlah desa', '0', '39', '77']);
		const key = swatches(svg);
		expect(key).toHaveLength(5);
		const fill = (label: string) =>
			cells(svg)
				.find((rect) => rect.getAttribute('aria-label')?.startsWith(label))
				?.getAttribute('fill');
		// 0 villages stayed Sangat Tertinggal; 77, the most, stayed Maju.
		expect(fill('Sangat Tertinggal → Sangat Tertinggal: 0 desa')).toBe(key[0]);
		expect(fill('Maju → Maju: 77 desa')).toBe(key.at(-1));
		// Above the frame, clear of the cells.
		const top = Math.min(...cells(svg).map((rect) => Number(rect.getAttribute('y'))));
		const keyBottom = Math.max(
			...[...svg.querySelectorAll('g.color-key rect')].map((rect) => Number(rect.getAttribute('y')) + Number(rect.getAttribute('height')))
		);
		expect(keyBottom).toBeLessThan(top);
		expect(keyTexts(render('en'))[0]).toBe('Villages');
	});

	it('leaves out villages absent or unscored in one of the years', () => {
		const svg = render('id', [...WAY_KANAN, { dari: null, ke: 'MAJU', jumlah: 3 }, { dari: 'MAJU', ke: null, jumlah: 2 }]);
		expect(cells(svg)).toHaveLength(25);
		expect(svg.outerHTML).toBe(render('id').outerHTML);
	});

	it('labels in the UI language', () => {
		const id = render('id');
		expect(id.getAttribute('aria-label')).toBe('Matriks perpindahan status');
		expect(id.textContent).toContain('Status awal');
		expect(id.textContent).toContain('Status akhir');
		expect(id.textContent).toContain('Berkembang');
		const en = render('en');
		expect(en.getAttribute('aria-label')).toBe('Status transition matrix');
		expect(en.textContent).toContain('Status before');
		expect(en.textContent).toContain('Developing');
	});

	it('matches its snapshot', async () => {
		// Rounded so the snapshot changes only when the chart does (as Plot's own tests do).
		const svg = render('id').outerHTML.replace(/\d+\.\d{3,}/g, (n) => Number(n).toFixed(2));
		await expect(svg).toMatchFileSnapshot('__snapshots__/transition-matrix-way-kanan.svg');
	});
});
