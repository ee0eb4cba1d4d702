import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countCalls } from './call-count';
import { openSession, statusCounts, useBrowser, waitForReady } from './chromium';

const browser = useBrowser();
const FIXTURES = fileURLToPath(new URL('../fixtures/browser/', import.meta.url));
const fixture = (name: string) => FIXTURES + name;

/** Another origin serving data files, as a regency's own site would (with CORS). */
let files: Server;
let filesUrl: string;
beforeAll(async () => {
	files = createServer(async (request, response) => {
		const name = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname.slice(1));
		try {
			const body = await readFile(FIXTURES + name.replace(/[/\\]/g, ''));
			response.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'text/csv' }).end(body);
		} catch {
			response.writeHead(404, { 'access-control-allow-origin': '*' }).end('not found');
		}
	});
	await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
	filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
});
afterAll(async () => {
	await new Promise((resolve) => files.close(resolve));
});

async function datasetLoaded(source: string) {
	await browser.page.waitForSelector(`[data-testid="datasets"] tr[data-source="${source}"]`, { timeout: 30_000 });
	await waitForReady(browser.page);
}

describe('loading a user’s files through the page', () => {
	it('takes a release CSV, an Indonesian-Excel export (; and decimal commas) and a workbook at once', async () => {
		const page = await browser.open('/data');
		await page.setInputFiles('[data-testid="file-input"]', [
			fixture('idm-2024-lampung-barat.csv'),
			fixture('idm-2023-lampung-barat-titik-koma.csv'),
			fixture('idm-2024-tanggamus.xlsx')
		]);
		await datasetLoaded('idm-2024-lampung-barat.csv');
		await datasetLoaded('idm-2023-lampung-barat-titik-koma.csv');
		await datasetLoaded('idm-2024-tanggamus.xlsx › IDM 2024');
		const report = page.locator('[data-testid="load-report"]');
		await expect.poll(() => report.getAttribute('data-source')).toBe('idm-2024-tanggamus.xlsx › IDM 2024');
		const loaded = await page.textContent('[data-testid="datasets"] tr[data-source="idm-2024-tanggamus.xlsx › IDM 2024"] td:nth-of-type(5)');
		expect(loaded).toBe('299');
	});

	it('asks for the year and regency of a status list without codes, then loads it', async () => {
		const page = browser.page;
		// Named so that neither the year nor the regency can be read from the name.
		const buffer = await readFile(fixture('status-desa-tanggamus-2023.csv'));
		await page.setInputFiles('[data-testid="file-input"]', { name: 'daftar-status.csv', mimeType: 'text/csv', buffer });
		await page.waitForSelector('[data-testid="pending-table"]');
		expect(await page.isDisabled('[data-testid="load-table"]')).toBe(true);
		await page.fill('[data-testid="default-year"]', '2023');
		await page.fill('[data-testid="default-regency"]', '1806');
		await page.click('[data-testid="load-table"]');
		await datasetLoaded('daftar-status.csv');
	});

	it('shows the loaded regencies’ counts on the summary, and keeps them across a reload', async () => {
		expect(await statusCounts(await browser.open('/?kab=1804'))).toEqual({
			'2023': '51 / 64 / 16 / 0 / 0',
			'2024': '63 / 57 / 11 / 0 / 0'
		});
		const tanggamus = {
			'2023': '2 / 108 / 189 / 0 / 0',
			'2024': '11 / 141 / 147 / 0 / 0'
		};
		expect(await statusCounts(await browser.open('/?kab=1806'))).toEqual(tanggamus);
		await browser.page.reload();
		await waitForReady(browser.page);
		expect(await statusCounts(browser.page)).toEqual(tanggamus);
	});

	it('clears what the user loaded and keeps the bundled data', async () => {
		const page = await browser.open('/data');
		await page.click('[data-testid="clear-data"]');
		await page.waitForSelector('[data-testid="datasets"] tr[data-source="idm-2024-lampung-barat.csv"]', { state: 'detached' });
		await browser.open('/?kab=1806');
		expect(await page.$$('[data-testid="status-counts"] tr[data-year]')).toHaveLength(0);
		expect((await statusCounts(await browser.open('/')))['2024']).toBe('47 / 127 / 47 / 0 / 0');
	});
});

describe('files chosen together', () => {
	it('are loaded one after another; names are matched, and the charts’ tables built, once, after the last', async () => {
		const session = await openSession();
		try {
			const page = session.page;
			const counter = await countCalls(page, browser.baseUrl, {
				// derived.ts: the first step of every rebuild of the charts' tables (the merged scores).
				rebuilds: /min\(source_row\) AS first/,
				// match-queries.ts: matching uncoded villages' names to codes, a read of every village row.
				nameMatches: /INSERT INTO name_match/,
				// match-queries.ts: the regency-years coded data covers, which only a table without codes is suggested from.
				coverage: /kode_kab \|\| '\|' \|\| tahun AS key/
			});
			// The summary of the bundled data has the tables built (and the functions compiled) before
			// the files come; the bundled files' names are matched once, after the last of them.
			await page.goto(`${browser.baseUrl}/`);
			await waitForReady(page);
			expect(await counter.calls()).toEqual({ rebuilds: 1, nameMatches: 1, coverage: 0 });
			await page.click('nav.views a[href*="/data"]');
			await page.waitForURL((url) => url.pathname.endsWith('/data'));
			await waitForReady(page);
			const files = ['idm-2023-lampung-barat-titik-koma.csv', 'idm-2024-lampung-barat.csv', 'idm-2023-lampung.csv'];
			await page.setInputFiles('[data-testid="file-input"]', files.map(fixture));
			for (const source of files) await page.waitForSelector(`[data-testid="datasets"] tr[data-source="${source}"]`, { timeout: 30_000 });
			// The load report, asked for once no file is loading, is the last file's.
			await page.waitForSelector('[data-testid="load-report"][data-source="idm-2023-lampung.csv"]', { timeout: 30_000 });
			await waitForReady(page);
			// All three files have village codes: no suggestion asked which regency-years are covered.
			expect(await counter.calls()).toEqual({ rebuilds: 1, nameMatches: 1, coverage: 0 });
			await page.click('nav.views a:has-text("Ringkasan")');
			await page.waitForURL((url) => url.pathname.endsWith('/'));
			await page.selectOption('[data-testid="regency"]', '1804');
			await page.waitForURL((url) => url.searchParams.get('kab') === '1804');
			await waitForReady(page);
			expect(await statusCounts(page)).toEqual({ '2023': '51 / 64 / 16 / 0 / 0', '2024': '63 / 57 / 11 / 0 / 0' });
			expect((await counter.calls()).rebuilds).toBe(0);
		} finally {
			await session.close();
		}
	});
});

describe('a link that carries its data (?data=)', () => {
	it('loads a file from another site and says where it comes from', async () => {
		const url = `${filesUrl}/idm-2024-lampung-barat.csv`;
		const page = await browser.open(`/?kab=1804&data=${encodeURIComponent(url)}`);
		expect(await statusCounts(page)).toEqual({ '2024': '63 / 57 / 11 / 0 / 0' });
		expect(await page.textContent('[data-testid="shared-data"]')).toContain(url);
		const transitions = page.locator('nav.views a', { hasText: 'Transisi' });
		expect(decodeURIComponent((await transitions.getAttribute('href')) ?? '')).toContain(`data=${url}`);
	});

	it('says so when the address answers 404 or is not http', async () => {
		const page = await browser.open(`/?data=${encodeURIComponent(`${filesUrl}/tidak-ada.csv`)}`);
		expect(await page.textContent('[data-testid="shared-data-problem"]')).toContain('server menjawab dengan galat');
		expect((await statusCounts(page))['2024']).toBe('47 / 127 / 47 / 0 / 0');
	});
});

describe('the release 2024, the Lampung 2023 release and seed 003’s table, loaded together', () => {
	it('counts Way Kanan once, compares the report’s table with the release, and lists what did not match', async () => {
		const page = await browser.open('/data');
		await page.setInputFiles('[data-testid="file-input"]', [
			fileURLToPath(new URL('../../data/idm-2024-nasional.csv', import.meta.url)),
			fixture('idm-2023-lampung.csv'),
			fileURLToPath(new URL('../fixtures/layouts/seed-003-way-kanan-2023-pages.csv', import.meta.url))
		]);
		await datasetLoaded('idm-2024-nasional.csv');
		await datasetLoaded('idm-2023-lampung.csv');
		await datasetLoaded('seed-003-way-kanan-2023-pages.csv');
		const row = (source: string) => `[data-testid="datasets"] tr[data-source="${source}"]`;
		expect(await page.textContent(`${row('idm-2024-nasional.csv')} td:nth-of-type(5)`)).toBe('75265');
		expect(await page.textContent(`${row('idm-2023-lampung.csv')} td:nth-of-type(5)`)).toBe('2446');
		expect(await page.textContent(`${row('seed-003-way-kanan-2023-pages.csv')} td:nth-of-type(2)`)).toBe('pembanding');

		await page.click(`${row('seed-003-way-kanan-2023-pages.csv')} button:has-text("Laporan")`);
		await page.waitForSelector('[data-testid="load-report"][data-source="seed-003-way-kanan-2023-pages.csv"]');
		await waitForReady(page);
		const summary = page.locator('[data-testid="reconciliation-summary"]');
		expect(await summary.getAttribute('data-matched')).toBe('215');
		expect(await summary.getAttribute('data-agree')).toBe('197');
		const unmatched = await page.$$eval('[data-testid="load-report"] tr[data-reason="name-unmatched"]', (rows) => rows.length);
		expect(unmatched).toBe(6);

		expect(await statusCounts(await browser.open('/'))).toEqual({
			'2022': '10 / 53 / 154 / 2 / 0',
			'2023': '26 / 97 / 98 / 0 / 0',
			'2024': '47 / 127 / 47 / 0 / 0'
		});
		expect(await statusCounts(await browser.open('/?kab=1804'))).toEqual({
			'2023': '51 / 64 / 16 / 0 / 0',
			'2024': '63 / 57 / 11 / 0 / 0'
		});
		const cleared = await browser.open('/data');
		await cleared.click('[data-testid="clear-data"]');
		await cleared.waitForSelector(row('idm-2024-nasional.csv'), { state: 'detached' });
	});
});
