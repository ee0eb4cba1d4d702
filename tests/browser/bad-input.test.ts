import { createServer, type Server, type ServerResponse } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusCounts, useBrowser, waitForReady } from './chromium';

const browser = useBrowser();
const BAD = fileURLToPath(new URL('../fixtures/bad/', import.meta.url));
const bad = (name: string) => BAD + name;
const WAY_KANAN_2024 = '47 / 127 / 47 / 0 / 0';

/**
 * Another origin answering as hostile or broken servers do: a file with CORS, the same without,
 * 404, a web page, an image, a body announced as 2 GB, and one that never answers.
 */
let server: Server;
let origin: string;
const hanging = new Set<ServerResponse>();
beforeAll(async () => {
	server = createServer((request, response) => {
		const [, kind, name = ''] = new URL(request.url ?? '/', 'http://x').pathname.split('/');
		const cors = { 'access-control-allow-origin': '*' };
		switch (kind) {
			case 'data':
				try {
					const body = readFileSync(bad(name.replace(/[/\\]/g, '')));
					response.writeHead(200, { ...cors, 'content-type': 'text/csv' }).end(body);
				} catch {
					response.writeHead(404, cors).end('not found');
				}
				return;
			case 'no-cors':
				response.writeHead(200, { 'content-type': 'text/csv' }).end(readFileSync(bad('claimed-2gb.csv')));
				return;
			case 'page':
				response.writeHead(200, { ...cors, 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>Portal Data</title><h1>Unduh</h1>');
				return;
			case 'image':
				response.writeHead(200, { ...cors, 'content-type': 'image/png' }).end(readFileSync(bad('image-png.csv')));
				return;
			case 'huge':
				response.writeHead(200, { ...cors, 'content-type': 'text/csv', 'content-length': '2147483648' });
				response.write('KODE_DESA,NAMA_DESA\n');
				hanging.add(response);
				return;
			case 'slow':
				hanging.add(response);
				return;
			default:
				response.writeHead(404, cors).end('not found');
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
	for (const response of hanging) response.destroy();
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
});

const problems = (selector = '[data-testid="load-problem"]') => browser.page.$$eval(selector, (nodes) => nodes.map((n) => n.textContent?.trim() ?? ''));
const datasetCell = (source: string, column: number) => browser.page.textContent(`[data-testid="datasets"] tr[data-source="${source}"] td:nth-of-type(${column})`);

describe('broken files through the Data view’s file input', () => {
	it('says for each what is wrong and what to do, loads the good rows, and leaves the earlier data as it was', async () => {
		const page = await browser.open('/data');
		await page.setInputFiles('[data-testid="file-input"]', [
			bad('empty.csv'),
			bad('image-png.csv'),
			bad('header-only.csv'),
			bad('workbook-truncated.xlsx'),
			bad('header-10000-columns.csv'),
			bad('unbalanced-quote.csv'),
			bad('row-10000-columns.csv'),
			bad('scores-not-numbers.csv')
		]);
		await page.waitForSelector('[data-testid="datasets"] tr[data-source="scores-not-numbers.csv"]', { timeout: 30_000 });
		await waitForReady(page);
		expect(await problems()).toEqual([
			'empty.csv: berkas kosong. Periksa apakah berkas yang benar yang dipilih.',
			'image-png.csv: bukan tabel CSV atau Excel (.xlsx): berkas ini gambar PNG. Ekspor datanya sebagai CSV atau .xlsx lalu muat berkas itu.',
			'header-only.csv: hanya ada baris judul kolom, tanpa baris data. Periksa apakah berkas yang benar yang dipilih, atau apakah datanya di lembar lain.',
			'workbook-truncated.xlsx: buku kerja Excel tidak terbaca. Buka di Excel atau LibreOffice lalu simpan ulang sebagai .xlsx atau CSV.',
			'header-10000-columns.csv: terlalu banyak kolom (10.000 kolom; batas 2.000). Hapus kolom yang tidak diperlukan lalu muat lagi.'
		]);
		// Read, loaded, rejected.
		expect([await datasetCell('unbalanced-quote.csv', 4), await datasetCell('unbalanced-quote.csv', 5), await datasetCell('unbalanced-quote.csv', 6)]).toEqual(['10', '9', '1']);
		expect([await datasetCell('row-10000-columns.csv', 5), await datasetCell('row-10000-columns.csv', 6)]).toEqual(['8', '2']);
		expect(await page.textContent('[data-testid="load-notice"][data-source="unbalanced-quote.csv"] li')).toBe(
			'unbalanced-quote.csv, baris data 4 («18,LAMPUNG,1809,PESAWARAN,180901,GEDONG TATAAN,1809012003,"CIPADANG,0.84,0.6,0.6»): tanda kutip (") dibuka tetapi tidak ditutup; baris ditolak, baris lain tetap dimuat. Tutup atau hapus tanda kutipnya'
		);
		expect(await page.$$eval('[data-testid="load-notice"][data-source="row-10000-columns.csv"] li', (items) => items.map((li) => li.textContent))).toEqual([
			'row-10000-columns.csv, baris data 3 («10000»): baris berisi lebih banyak sel daripada judul kolom (Isi = jumlah sel); baris ditolak agar nilai tidak bergeser. Bila angka memakai koma desimal, simpan dengan pemisah ; atau beri tanda kutip',
			'row-10000-columns.csv, baris data 8 («10000»): baris berisi lebih banyak sel daripada judul kolom (Isi = jumlah sel); baris ditolak agar nilai tidak bergeser. Bila angka memakai koma desimal, simpan dengan pemisah ; atau beri tanda kutip'
		]);
		const report = await page.$$eval('[data-testid="load-report"][data-source="scores-not-numbers.csv"] tr[data-reason]', (rows) =>
			rows.map((row) => [...row.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent))
		);
		expect(report).toEqual([
			['1', 'IKS_2024', '0,7.5'],
			['2', 'IKE_2024', '-'],
			['3', 'IKL_2024', 'NaN'],
			['4', 'NILAI_IDM_2024', '1e400'],
			['5', 'IKS_2024', 'Infinity'],
			['6', 'IKE_2024', '0.8.1']
		]);
		expect((await statusCounts(await browser.open('/')))['2024']).toBe(WAY_KANAN_2024);
		// Pesawaran's ten villages as published: the unreadable cells of scores-not-numbers.csv
		// leave IDM from the components or as printed, which classes every village as before.
		expect((await statusCounts(await browser.open('/?kab=1809')))['2024']).toBe('7 / 2 / 1 / 0 / 0');
	});

	it('refuses a file of 2 GB from its size, before reading it', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'idm-besar-'));
		const path = join(dir, 'besar-2gb.csv');
		writeFileSync(path, '');
		// Sparse: the size is real, the disk holds nothing.
		truncateSync(path, 2_147_483_648);
		try {
			const page = await browser.open('/data?lang=en');
			await page.setInputFiles('[data-testid="file-input"]', path);
			await page.waitForSelector('[data-testid="load-problem"]');
			expect(await problems()).toEqual([
				'besar-2gb.csv: file too large to read in the browser (2.1 GB; the limit is 100 MB). Split it by regency or year, or delete columns not needed, and load the parts.'
			]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('cancels a file being read: its worker is stopped, and the next file loads', async () => {
		const page = await browser.open('/data');
		// The reading worker's script is held back, so the read is still running when Cancel is clicked.
		let held = 0;
		await page.route('**/prepare.worker*', () => {
			held++;
		});
		await page.setInputFiles('[data-testid="file-input"]', bad('code-with-spaces.csv'));
		await page.click('[data-testid="cancel-read"]');
		await page.waitForSelector('[data-testid="load-problem"]');
		expect(held).toBe(1);
		expect(await problems()).toEqual(['code-with-spaces.csv: dibatalkan. Data yang dimuat sebelumnya tetap ada.']);
		expect(await page.$('[data-testid="datasets"] tr[data-source="code-with-spaces.csv"]')).toBeNull();
		await page.unroute('**/prepare.worker*');
		await page.setInputFiles('[data-testid="file-input"]', bad('code-with-spaces.csv'));
		await page.waitForSelector('[data-testid="datasets"] tr[data-source="code-with-spaces.csv"]', { timeout: 30_000 });
		await waitForReady(page);
		expect(await datasetCell('code-with-spaces.csv', 5)).toBe('10');
		await page.click('[data-testid="datasets"] tr[data-source="code-with-spaces.csv"] [data-testid="remove-dataset"]');
		await page.waitForSelector('[data-testid="datasets"] tr[data-source="code-with-spaces.csv"]', { state: 'detached' });
	});

	it('cancels an address that does not answer, and the page goes on', async () => {
		const page = await browser.open('/data');
		await page.fill('[data-testid="url-input"]', `${origin}/slow/idm.csv`);
		await page.click('form.url button[type="submit"]');
		await page.click('[data-testid="cancel-fetch"]');
		await page.waitForSelector('[data-testid="load-problem"]');
		expect(await problems()).toEqual([`${origin} · ${origin}/slow/idm.csv: dibatalkan`]);
		await waitForReady(page);
	});
});

describe('a database that dies', () => {
	it('says so and offers to try again, which gives a working page with the user’s files back', async () => {
		const page = await browser.open('/?kab=1809');
		const before = await statusCounts(page);
		expect(before['2024']).toBe('7 / 2 / 1 / 0 / 0');
		const duckdb = page.workers().find((worker) => worker.url().includes('duckdb'));
		if (!duckdb) throw new Error('no DuckDB worker in the page');
		// An uncaught error in the worker, as a crash of the engine raises one.
		await duckdb.evaluate(() => {
			setTimeout(() => {
				throw new Error('simulated crash');
			});
		});
		const alert = await page.waitForSelector('[data-testid="database-crash"]');
		expect(await alert.textContent()).toContain('Basis data di peramban berhenti mendadak');
		await page.click('[data-testid="try-again"]');
		await waitForReady(page);
		expect(await statusCounts(page)).toEqual(before);
		expect((await statusCounts(await browser.open('/')))['2024']).toBe(WAY_KANAN_2024);
	});

	it('clears what the tests loaded', async () => {
		const page = await browser.open('/data');
		await page.click('[data-testid="clear-data"]');
		await page.waitForSelector('[data-testid="datasets"] tr[data-source="scores-not-numbers.csv"]', { state: 'detached' });
	});
});

describe('broken and hostile addresses in a shared link (?data=)', () => {
	async function shared(path: string) {
		const page = await browser.open(`/?data=${encodeURIComponent(path.startsWith('/') ? origin + path : path)}`);
		return { page, problems: await problems('[data-testid="shared-data-problem"]'), counts: await statusCounts(page) };
	}

	it.each([
		['/data/tidak-ada.csv', 'server menjawab dengan galat; periksa alamatnya, atau minta pemilik situs memperbaikinya (HTTP 404)'],
		['/no-cors/idm.csv', 'situs itu tidak mengizinkan situs lain membaca datanya (CORS)'],
		['/page/unduh', 'alamat itu halaman web, bukan berkas data'],
		['/image/peta.png', 'alamat itu gambar, bukan berkas data'],
		['/huge/idm.csv', 'berkas terlalu besar untuk dibaca di peramban (2,1 GB; batas 100 MB)'],
		['/data/image-png.csv', 'alamat itu gambar, bukan berkas data'],
		['/data/web-page.csv', 'alamat itu halaman web, bukan berkas data'],
		['/data/binary-junk.csv', 'bukan tabel CSV atau Excel (.xlsx): berkas ini data biner, bukan teks']
	])('%s: a message naming where it came from, and the bundled data as before', async (path, message) => {
		const { page, problems: found, counts } = await shared(path);
		expect(found).toHaveLength(1);
		expect(found[0]).toContain(`${origin} · `);
		expect(found[0]).toContain(message);
		expect(counts['2024']).toBe(WAY_KANAN_2024);
		expect(await page.textContent('[data-testid="shared-origin"]')).toBe(origin);
	});

	it('names a javascript: address and never opens it', async () => {
		const { problems: found, counts } = await shared('javascript:window.__xss=1');
		expect(found).toEqual(['javascript:window.__xss=1: alamat harus diawali http:// atau https://; alamat lain tidak dibuka']);
		expect(counts['2024']).toBe(WAY_KANAN_2024);
		expect(await browser.page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
	});

	it('loads the good rows of a file with an unclosed quote', async () => {
		const page = await browser.open(`/?kab=1809&data=${encodeURIComponent(`${origin}/data/unbalanced-quote.csv`)}`);
		expect(await problems('[data-testid="shared-data-problem"]')).toEqual([]);
		// Row 4, CIPADANG (Berkembang), is the one rejected.
		expect(await statusCounts(page)).toEqual({ '2024': '7 / 2 / 0 / 0 / 0' });
	});

	it('lets a slow server be cancelled, then shows the dashboard', async () => {
		const page = browser.page;
		await page.goto(`${browser.baseUrl}/?data=${encodeURIComponent(`${origin}/slow/idm.csv`)}`);
		expect(await (await page.waitForSelector('[data-testid="shared-data-loading"]')).textContent()).toContain(origin);
		await page.click('[data-testid="cancel-shared"]');
		await waitForReady(page);
		expect(await problems('[data-testid="shared-data-problem"]')).toEqual([`${origin} · ${origin}/slow/idm.csv: dibatalkan`]);
		expect((await statusCounts(page))['2024']).toBe(WAY_KANAN_2024);
	});
});
