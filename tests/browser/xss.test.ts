import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowser, waitForReady } from './chromium';
import { chartFiles, download, parseCsv, parseSvg, parseXlsx } from './downloads';

const browser = useBrowser();
const bad = (name: string) => fileURLToPath(new URL(`../fixtures/bad/${name}`, import.meta.url));

/** Every dialog the page opens; a payload that runs opens one or sets window.__xss. */
const dialogs: string[] = [];

/** Elements only a payload could have put in the page. */
const INJECTED = 'main iframe, main img[src="x"], main [onerror], main [onload], main math, main a[href^="javascript:"], main script';

describe('village and kecamatan names carrying HTML, SVG and script', () => {
	beforeAll(async () => {
		browser.page.on('dialog', async (dialog) => {
			dialogs.push(dialog.message());
			await dialog.dismiss();
		});
		const page = await browser.open('/data');
		await page.setInputFiles('[data-testid="file-input"]', [bad('hostile-names.csv'), bad('hostile-names-without-codes.csv')]);
		await page.waitForSelector('[data-testid="datasets"] tr[data-source="hostile-names-without-codes.csv"]', { timeout: 30_000 });
		await waitForReady(page);
	});

	it.each([
		'/?kab=1809',
		'/?kab=180901',
		'/transisi?kab=1809',
		'/kecamatan?kab=1809',
		'/kecamatan?kab=1809&ukuran=idm',
		'/kinerja?kab=1809',
		'/desa?kab=1809',
		'/desa?kab=1809&desa=1809012007',
		'/kualitas?kab=1809',
		'/ambang?kab=1809',
		'/data?kab=1809',
		'/desa?kab=1809&lang=en'
	])('%s shows them as text and runs none', async (path) => {
		const page = await browser.open(path);
		// Hovering a chart's marks draws its tooltips, where a name could be markup too.
		for (const mark of (await page.$$('[data-testid^="chart-"] svg [aria-label], [data-testid^="chart-"] svg rect')).slice(0, 5)) {
			await mark.hover({ force: true, timeout: 2_000 }).catch(() => undefined);
		}
		expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
		expect(await page.$$eval(INJECTED, (nodes) => nodes.map((n) => n.outerHTML))).toEqual([]);
		// Observable Plot writes its own <style> into each chart; any other is a payload.
		expect(await page.$$eval('main style', (nodes) => nodes.filter((n) => !n.textContent?.startsWith(':where(.plot-')).length)).toBe(0);
		expect(dialogs).toEqual([]);
	});

	it('exports them as inert text: SVG, PNG, CSV and XLSX', async () => {
		const page = await browser.open('/kecamatan?kab=1809');
		const texts: string[] = [];
		for (const chart of ['kecamatan-heatmap', 'kecamatan-small-multiples', 'component-dots']) {
			const { svg } = await chartFiles(page, chart, 640, 1);
			const { root } = parseSvg(svg.bytes);
			// The payloads are text of <text> elements, never elements or handlers of their own.
			expect(root.querySelectorAll('script, img, iframe, foreignObject, a, [onload], [onerror]'), chart).toHaveLength(0);
			texts.push(root.textContent ?? '');
		}
		// Kecamatan 180901 carries a different payload per row; a chart names it by one of them.
		expect(texts.join(' ')).toMatch(/<svg onload=|<a href="javascript:|"><iframe src=|'\); DELETE FROM/);
		const villages = await browser.open('/desa?kab=1809');
		const csv = parseCsv((await download(villages, 'download-csv-villages')).bytes);
		const xlsx = await parseXlsx((await download(villages, 'download-xlsx-villages')).bytes);
		const names = csv.map((row) => row[csv[0]!.indexOf('Desa')]);
		expect(names).toContain('<img src=x onerror="window.__xss=1;alert(1)">');
		expect(names).toContain('</script><script>window.__xss=1</script>');
		expect(xlsx.flat()).toContain("O'Brien \"Quoted\" ; DROP TABLE village_year; --");
		expect(await villages.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
		expect(dialogs).toEqual([]);
	});

	it('the embed route shows them as text and runs none', async () => {
		const page = browser.page;
		for (const chart of ['kecamatan-small-multiples', 'component-dots', 'village-trajectory']) {
			await page.goto(`${browser.baseUrl}/embed/${chart}?kab=1809&desa=1809012007`);
			await page.waitForSelector('main[data-ready="true"]', { timeout: 45_000 });
			expect(await page.$$eval(INJECTED, (nodes) => nodes.map((n) => n.outerHTML)), chart).toEqual([]);
			expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), chart).toBeUndefined();
		}
		expect(await page.textContent('[data-embed-target] figcaption')).toContain('<img src=x onerror="window.__xss=1;alert(1)">');
		expect(dialogs).toEqual([]);
	});

	it('prints the payloads as the names they are', async () => {
		const page = await browser.open('/desa?kab=1809');
		const text = (await page.textContent('main')) ?? '';
		expect(text).toContain('<img src=x onerror="window.__xss=1;alert(1)">');
		expect(text).toContain("O'Brien \"Quoted\" ; DROP TABLE village_year; --");
		// Alone, the code-less file's names match no village: they are listed to resolve, payloads and all.
		const data = await browser.open('/data');
		await data.click('[data-testid="clear-data"]');
		await data.waitForSelector('[data-testid="datasets"] tr[data-source="hostile-names.csv"]', { state: 'detached' });
		await data.setInputFiles('[data-testid="file-input"]', bad('hostile-names-without-codes.csv'));
		const unresolved = await data.waitForSelector('[data-testid="unresolved-names"]', { timeout: 30_000 });
		await waitForReady(data);
		expect(await unresolved.textContent()).toContain('</script><script>window.__xss=1</script>');
		expect(await data.$$eval(INJECTED, (nodes) => nodes.length)).toBe(0);
		expect(await data.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
		await data.click('[data-testid="clear-data"]');
		await data.waitForSelector('[data-testid="datasets"] tr[data-source="hostile-names-without-codes.csv"]', { state: 'detached' });
		expect(dialogs).toEqual([]);
	});
});
