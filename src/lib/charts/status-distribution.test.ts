import { tableFromArrays } from 'apache-arrow';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { STATUS_COLORS } from './palette';
import { statusDistributionChart } from './status-distribution';

/** Way Kanan as the bundled data gives it: 2022 from the report's recap, 2023 and 2024 from the releases. */
const WAY_KANAN = tableFromArrays({
	tahun: Int32Array.from([2022, 2022, 2022, 2022, 2022, 2023, 2023, 2023, 2024, 2024, 2024]),
	status: ['MANDIRI', 'MAJU', 'BERKEMBANG', 'TERTINGGAL', 'SANGAT TERTINGGAL', 'MANDIRI', 'MAJU', 'BERKEMBANG', 'MANDIRI', 'MAJU', 'BERKEMBANG'],
	jumlah: Int32Array.from([10, 53, 154, 2, 0, 26, 97, 98, 47, 127, 47])
});

function render(lang: 'id' | 'en') {
	const { document } = new JSDOM('<!doctype html><body></body>').window;
	return statusDistributionChart(WAY_KANAN, { lang, document });
}

describe('statusDistributionChart', () => {
	it('draws one bar segment per year and status with villages, in the status colours', () => {
		const svg = render('id');
		const rects = [...svg.querySelectorAll('rect')];
		expect(rects).toHaveLength(10);
		const fills = new Set(rects.map((rect) => rect.getAttribute('fill')));
		expect(fills).toEqual(
			new Set([STATUS_COLORS.MANDIRI, STATUS_COLORS.MAJU, STATUS_COLORS.BERKEMBANG, STATUS_COLORS.TERTINGGAL])
		);
	});

	it('stacks Sangat Tertinggal to Mandiri bottom to top, heights proportional to counts', () => {
		const svg = render('id');
		const bar = (color: string) =>
			[...svg.querySelectorAll('rect')].filter((rect) => rect.getAttribute('fill') === color);
		const [berkembang2022] = bar(STATUS_COLORS.BERKEMBANG);
		const [maju2022] = bar(STATUS_COLORS.MAJU);
		const y = (rect: Element | undefined) => Number(rect?.getAttribute('y'));
		const height = (rect: Element | undefined) => Number(rect?.getAttribute('height'));
		expect(y(maju2022)).toBeLessThan(y(berkembang2022));
		expect(height(berkembang2022) / height(maju2022)).toBeCloseTo(154 / 53, 1);
	});

	it('labels axes in the UI language', () => {
		expect(render('id').textContent).toContain('Jumlah desa');
		expect(render('en').textContent).toContain('Villages');
		expect(render('id').getAttribute('aria-label')).toBe('Sebaran status desa per tahun');
	});

	it('matches its snapshot', async () => {
		// Rounded so the snapshot changes only when the chart does (as Plot's own tests do).
		const svg = render('id').outerHTML.replace(/\d+\.\d{3,}/g, (n) => Number(n).toFixed(2));
		await expect(svg).toMatchFileSnapshot('__snapshots__/status-distribution-way-kanan.svg');
	});
});
