import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { STATUS_COLORS } from './palette';
import { transitionFlowChart, type FlowRow } from './transition-flow';

/** Way Kanan 2023 → 2024, villages joined on their codes. */
const WAY_KANAN: FlowRow[] = [
	{ dari_tahun: 2023, ke_tahun: 2024, dari: 'BERKEMBANG', ke: 'BERKEMBANG', jumlah: 47 },
	{ dari_tahun: 2023, ke_tahun: 2024, dari: 'BERKEMBANG', ke: 'MAJU', jumlah: 50 },
	{ dari_tahun: 2023, ke_tahun: 2024, dari: 'BERKEMBANG', ke: 'MANDIRI', jumlah: 1 },
	{ dari_tahun: 2023, ke_tahun: 2024, dari: 'MAJU', ke: 'MAJU', jumlah: 77 },
	{ dari_tahun: 2023, ke_tahun: 2024, dari: 'MAJU', ke: 'MANDIRI', jumlah: 20 },
	{ dari_tahun: 2023, ke_tahun: 2024, dari: 'MANDIRI', ke: 'MANDIRI', jumlah: 26 }
];

function render(lang: 'id' | 'en', flows: readonly FlowRow[] = WAY_KANAN) {
	const { document } = new JSDOM('<!doctype html><body></body>').window;
	return transitionFlowChart(flows, { lang, document });
}

const links = (svg: SVGSVGElement) => [...svg.querySelectorAll('g[aria-label="link"] path')];
const nodes = (svg: SVGSVGElement) => [...svg.querySelectorAll('g[aria-label="rect"] rect')];
const numberAttr = (element: Element | undefined, name: string) => Number(element?.getAttribute(name));
const link = (svg: SVGSVGElement, label: string) =>
	links(svg).find((path) => path.getAttribute('aria-label')?.startsWith(label));
const node = (svg: SVGSVGElement, label: string) =>
	nodes(svg).find((rect) => rect.getAttribute('aria-label')?.startsWith(label));

describe('transitionFlowChart', () => {
	it('draws one ribbon per flow and one node per year and status', () => {
		const svg = render('id');
		expect(links(svg)).toHaveLength(6);
		expect(nodes(svg)).toHaveLength(6);
		const xs = nodes(svg).map((rect) => numberAttr(rect, 'x'));
		expect(new Set(xs).size).toBe(2);
		expect(xs.filter((x) => x === Math.min(...xs))).toHaveLength(3);
		const fills = new Set(nodes(svg).map((rect) => rect.getAttribute('fill')));
		expect(fills).toEqual(new Set([STATUS_COLORS.BERKEMBANG, STATUS_COLORS.MAJU, STATUS_COLORS.MANDIRI]));
	});

	it('colours ribbons by movement and says it in the tooltip', () => {
		const svg = render('id');
		const up = link(svg, 'Berkembang 2023 → Maju 2024');
		expect(up?.getAttribute('aria-label')).toBe('Berkembang 2023 → Maju 2024: 50 desa (naik)');
		expect(up?.getAttribute('stroke')).toBe('#0072B2');
		expect(link(svg, 'Maju 2023 → Maju 2024')?.getAttribute('stroke')).toBe('#999999');
		expect(links(svg).filter((path) => path.getAttribute('stroke') === '#0072B2')).toHaveLength(3);
		expect(links(svg).filter((path) => path.getAttribute('stroke') === '#999999')).toHaveLength(3);
	});

	it('makes ribbons and nodes exactly proportional to villages, on one scale', () => {
		const svg = render('id');
		const width = (label: string) => numberAttr(link(svg, label), 'stroke-width');
		const height = (label: string) => numberAttr(node(svg, label), 'height');
		expect(width('Berkembang 2023 → Maju 2024') / width('Berkembang 2023 → Mandiri 2024')).toBeCloseTo(50, 6);
		expect(height('Berkembang 2023') / height('Mandiri 2023')).toBeCloseTo(98 / 26, 6);
		expect(height('Maju 2024') / height('Berkembang 2024')).toBeCloseTo(127 / 47, 6);
		// All of Mandiri 2023 stayed Mandiri: its ribbon is as thick as its node is tall.
		expect(width('Mandiri 2023 → Mandiri 2024')).toBeCloseTo(height('Mandiri 2023'), 6);
	});

	it('stacks Sangat Tertinggal to Mandiri bottom to top', () => {
		const svg = render('id');
		const y = (label: string) => numberAttr(node(svg, label), 'y');
		expect(y('Mandiri 2024')).toBeLessThan(y('Maju 2024'));
		expect(y('Maju 2024')).toBeLessThan(y('Berkembang 2024'));
	});

	it('starts and ends every ribbon inside its nodes', () => {
		const svg = render('id');
		const rects = nodes(svg).map((rect) => ({
			x: numberAttr(rect, 'x'),
			width: numberAttr(rect, 'width'),
			top: numberAttr(rect, 'y'),
			bottom: numberAttr(rect, 'y') + numberAttr(rect, 'height')
		}));
		for (const path of links(svg)) {
			const numbers = (path.getAttribute('d')?.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
			const half = numberAttr(path, 'stroke-width') / 2;
			const ends = [numbers.slice(0, 2), numbers.slice(-2)];
			for (const [x = NaN, y = NaN] of ends) {
				const rect = rects.find((r) => r.x <= x && x <= r.x + r.width && r.top <= y && y <= r.bottom);
				expect(rect, path.getAttribute('aria-label') ?? '').toBeDefined();
				expect(y - half).toBeGreaterThanOrEqual((rect?.top ?? NaN) - 0.01);
				expect(y + half).toBeLessThanOrEqual((rect?.bottom ?? NaN) + 0.01);
			}
		}
	});

	it('labels in the UI language', () => {
		const id = render('id');
		expect(id.getAttribute('aria-label')).toBe('Aliran status desa antartahun');
		expect(id.textContent).toContain('Tahun');
		expect(id.textContent).toContain('Berkembang 98');
		const en = render('en');
		expect(en.getAttribute('aria-label')).toBe('Flow of village statuses between years');
		expect(en.textContent).toContain('Year');
		expect(en.textContent).toContain('Advanced 127');
		expect(link(en, 'Developing 2023 → Advanced 2024')?.getAttribute('aria-label')).toBe(
			'Developing 2023 → Advanced 2024: 50 villages (up)'
		);
	});

	it('draws no ribbon for villages absent or unscored in one of the years', () => {
		const svg = render('id', [
			...WAY_KANAN,
			{ dari_tahun: 2023, ke_tahun: 2024, dari: null, ke: 'MAJU', jumlah: 3 },
			{ dari_tahun: 2023, ke_tahun: 2024, dari: 'MAJU', ke: null, jumlah: 2 },
			{ dari_tahun: 2023, ke_tahun: 2024, dari: null, ke: null, jumlah: 4 }
		]);
		expect(links(svg)).toHaveLength(6);
		expect(nodes(svg)).toHaveLength(6);
		expect(svg.outerHTML).not.toContain('NaN');
	});

	it('returns an empty chart for no flows', () => {
		const svg = render('id', []);
		expect(svg.tagName.toLowerCase()).toBe('svg');
		expect(links(svg)).toHaveLength(0);
		expect(nodes(svg)).toHaveLength(0);
		expect(svg.outerHTML).not.toContain('NaN');
	});

	it('matches its snapshot', async () => {
		// Rounded so the snapshot changes only when the chart does (as Plot's own tests do).
		const svg = render('id').outerHTML.replace(/\d+\.\d{3,}/g, (n) => Number(n).toFixed(2));
		await expect(svg).toMatchFileSnapshot('__snapshots__/transition-flow-way-kanan.svg');
	});
});
