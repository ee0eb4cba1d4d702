import { describe, expect, it } from 'vitest';
import { statusCounts, useBrowser, waitForReady } from './chromium';

const browser = useBrowser();
const baseUrl = browser.baseUrl;

async function open(query = '') {
	return statusCounts(await browser.open(`/${query}`));
}

describe('home page on the bundled data, in Chromium', () => {
	it('opens on Way Kanan with its chart and the counts of the releases', async () => {
		const counts = await open();
		expect(counts).toEqual({
			'2022': '10 / 53 / 154 / 2 / 0',
			'2023': '26 / 97 / 98 / 0 / 0',
			'2024': '47 / 127 / 47 / 0 / 0'
		});
		const bars = await browser.page.$$('[data-testid="chart-status-distribution"] svg rect');
		expect(bars.length).toBe(10);
		expect(await browser.page.textContent('h1')).toBe('Dasbor Indeks Desa Membangun');
	});

	it('shows Balangan 2022 from the status lists and 2024 from the release', async () => {
		const counts = await open('?kab=6311');
		expect(counts['2022']).toBe('7 / 96 / 50 / 0 / 1');
		expect(counts['2024']).toBe('68 / 83 / 2 / 0 / 0');
		expect(await browser.page.textContent('tr[data-year="2024"] [data-status="TANPA NILAI"]')).toBe('1');
		expect(Object.keys(counts)).toEqual(['2017', '2018', '2019', '2020', '2021', '2022', '2024']);
	});

	it('shows Banyuasin and Barito Timur 2024 as the release gives them, computed from scores', async () => {
		expect((await open('?kab=1607'))['2024']).toBe('11 / 106 / 171 / 0 / 0');
		expect((await open('?kab=6213'))['2024']).toBe('5 / 49 / 45 / 1 / 0');
		// The release publishes 5 / 48 / 46 / 1 / 0: one village's status contradicts its score.
		expect(await browser.page.getAttribute('tr[data-year="2024"] [data-disagreements]', 'data-disagreements')).toBe('1');
	});

	it('switches regency and scheme from the controls, in the URL, and back again', async () => {
		await open();
		const { page } = browser;
		await page.selectOption('[data-testid="regency"]', '1607');
		await page.waitForURL(/kab=1607/);
		await waitForReady(page);
		expect((await statusCounts(page))['2024']).toBe('11 / 106 / 171 / 0 / 0');
		await page.selectOption('[data-testid="scheme"]', 'bulat');
		await page.waitForURL(/skema=bulat/);
		await waitForReady(page);
		expect((await statusCounts(page))['2024']).toBe('14 / 106 / 167 / 1 / 0');
		await page.goBack();
		await page.waitForURL((url) => !url.search.includes('skema'));
		await waitForReady(page);
		expect((await statusCounts(page))['2024']).toBe('11 / 106 / 171 / 0 / 0');
	});

	it('speaks English on request', async () => {
		await open('?lang=en&kab=6311');
		const { page } = browser;
		expect(await page.textContent('h1')).toBe('Village Development Index Dashboard');
		expect(await page.textContent('[data-testid="chart-status-distribution"]')).toContain('Villages');
		expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
	});

	it('asks nothing of any other origin and logs no errors', async () => {
		await open();
		const origin = new URL(baseUrl).origin;
		const foreign = browser.session.requests.filter((url) => !url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:'));
		expect(foreign).toEqual([]);
		expect(browser.session.pageErrors).toEqual([]);
		const wasm = browser.session.requests.filter((url) => url.endsWith('.wasm'));
		expect(new Set(wasm).size).toBe(1);
	});
});
