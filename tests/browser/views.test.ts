import { describe, expect, it } from 'vitest';
import { statusCounts, useBrowser, waitForReady } from './chromium';

const browser = useBrowser();

async function chartsDrawn(names: string[]) {
	for (const name of names) {
		const svg = await browser.page.$(`[data-testid="chart-${name}"] svg`);
		expect(svg, name).not.toBeNull();
	}
}

describe('every view on the bundled data draws its charts', () => {
	it('Ringkasan: distribution over the years, IDM distribution, shares with changes, means, headline', async () => {
		const page = await browser.open('/');
		await chartsDrawn(['status-distribution', 'idm-distribution']);
		expect(await page.textContent('[data-testid="status-shares"] tr[data-year="2023"] [data-status="MANDIRI"] [data-share]')).toBe('11,76%');
		expect(await page.textContent('[data-testid="status-shares"] tr[data-year="2022"] [data-status="TERTINGGAL"] [data-share]')).toBe('0,91%');
		expect(await page.textContent('[data-testid="status-shares"] tr[data-year="2023"] [data-status="MANDIRI"] [data-change]')).toBe('(+16)');
		expect(await page.textContent('[data-testid="mean-scores"] tr[data-year="2023"] [data-index="iks"]')).toBe('0,7969');
		expect(await page.textContent('[data-testid="headline"] [data-indicator="minimal-maju"] strong')).toBe('78,73%');
	});

	it('shows a chart as a table on request, for screen readers and copying', async () => {
		const page = await browser.open('/');
		await page.click('[data-testid="toggle-table-status-distribution"]');
		const cells = await page.$$eval('[data-testid="table-status-distribution"] tbody tr', (rows) => rows.length);
		expect(cells).toBe(3);
		expect(await page.isHidden('[data-testid="chart-status-distribution"]')).toBe(true);
	});

	it('Transisi: the flow and the matrix of Way Kanan 2023 → 2024', async () => {
		await browser.open('/transisi');
		await chartsDrawn(['transition-flow', 'transition-matrix']);
		const links = await browser.page.$$eval('[data-testid="chart-transition-flow"] svg path', (paths) => paths.length);
		expect(links).toBeGreaterThanOrEqual(6);
	});

	it('Kecamatan: heatmap, small multiples and component dots, and a click through to a kecamatan', async () => {
		const page = await browser.open('/kecamatan');
		await chartsDrawn(['kecamatan-heatmap', 'kecamatan-small-multiples', 'component-dots']);
		await page.selectOption('[data-testid="measure"]', 'idm');
		await page.waitForURL(/ukuran=idm/);
		await waitForReady(page);
		expect(await page.getAttribute('[data-testid="chart-kecamatan-heatmap"] svg', 'aria-label')).toContain('Rata-rata IDM');
		await page.click('[data-testid="kecamatan-links"] a:has-text("BAHUGA")');
		await page.waitForURL(/kab=180805/);
		await waitForReady(page);
		const bahuga = await statusCounts(page);
		expect(Object.keys(bahuga)).toEqual(['2023', '2024']);
	});

	it('Desa: search, then a village page with its trajectory and its gap to the next class', async () => {
		const page = await browser.open('/desa?kab=1808&tahun=2023');
		await page.fill('[data-testid="village-search"]', 'bumi agung wates');
		const rows = await page.$$eval('[data-testid="villages"] tbody tr', (trs) => trs.map((tr) => tr.querySelector('[data-column="kode_desa"]')?.textContent?.trim()));
		expect(rows).toEqual(['1808052009']);
		await page.click('[data-testid="villages"] tbody a');
		await page.waitForURL(/desa=1808052009/);
		await page.waitForSelector('[data-testid="chart-village-trajectory"] svg');
		expect(await page.textContent('[data-testid="village-gap"]')).toContain('IDM 0,8898');
	});

	it('Kualitas data: the one contradicted status, and what the rounded thresholds change', async () => {
		const page = await browser.open('/kualitas?kab=6213');
		expect(await page.getAttribute('[data-testid="quality-summary"] [data-check="status"]', 'data-count')).toBe('1');
		expect(await page.textContent('[data-testid="quality-flags"] tbody')).toContain('6213062003');
		await browser.open('/kualitas?kab=1607');
		expect(await page.getAttribute('[data-testid="quality-summary"] [data-check="schemes"]', 'data-count')).toBe('7');
	});
});

describe('behaviour', () => {
	it('restores a view from its URL, and says a transition needs two years', async () => {
		const page = await browser.open('/transisi?kab=6213&skema=bulat&lang=en');
		expect(await page.inputValue('[data-testid="scheme"]')).toBe('bulat');
		expect(await page.inputValue('[data-testid="regency"]')).toBe('6213');
		expect(await page.textContent('[data-testid="transition-unavailable"]')).toContain('two years');
	});

	it('fits a 360 px phone without sideways scrolling on every view', async () => {
		const page = browser.page;
		await page.setViewportSize({ width: 360, height: 740 });
		try {
			for (const path of ['/', '/transisi', '/kecamatan', '/kinerja', '/desa', '/ambang', '/kualitas', '/data']) {
				await browser.open(path);
				const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
				expect(overflow, path).toBeLessThanOrEqual(0);
			}
		} finally {
			await page.setViewportSize({ width: 1280, height: 900 });
		}
	});

	it('loads the national 2024 release on demand: 17.203 / 23.064 / 24.531 / 6.100 / 4.363', async () => {
		const page = await browser.open('/?kab=nasional');
		await page.click('[data-testid="load-national"]');
		await page.waitForSelector('[data-testid="load-national"]', { state: 'detached', timeout: 60_000 });
		await waitForReady(page);
		expect((await statusCounts(page))['2024']).toBe('17.203 / 23.064 / 24.531 / 6.100 / 4.363');
		await chartsDrawn(['status-distribution', 'idm-distribution']);
	});

	it('walks the views on the national data, in the same visit', async () => {
		const page = browser.page;
		const go = async (label: string, path: string) => {
			await page.click(`nav.views a:has-text("${label}")`);
			await page.waitForURL((url) => url.pathname.endsWith(path));
			await waitForReady(page);
		};
		await go('Kualitas data', '/kualitas');
		expect(await page.getAttribute('[data-testid="quality-summary"] [data-check="status"]', 'data-count')).toBe('1');
		expect(await page.getAttribute('[data-testid="quality-summary"] [data-check="schemes"]', 'data-count')).toBe('321');
		await go('Kecamatan', '/kecamatan');
		await page.selectOption('[data-testid="regency"]', '1101');
		await page.waitForURL(/kab=1101/);
		await waitForReady(page);
		await chartsDrawn(['kecamatan-heatmap', 'kecamatan-small-multiples', 'component-dots']);
		await go('Desa', '/desa');
		// Aceh Selatan has 260 villages; a long list draws 200 and offers the rest.
		expect(await page.$$eval('[data-testid="villages"] tbody tr[data-key]', (rows) => rows.length)).toBe(200);
		expect(await page.textContent('[data-testid="show-more"]')).toContain('260');
		await go('Transisi', '/transisi');
		expect(await page.textContent('[data-testid="transition-unavailable"]')).toContain('2024');
	});
});
