import { readFile } from 'node:fs/promises';
import { JSDOM } from 'jsdom';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { serveStatic } from '../helpers/static-server';
import { statusCounts, useBrowser, waitForReady } from './chromium';
import { chartFiles, download, parseCsv, parseSvg, parseXlsx, pngInfo } from './downloads';

const browser = useBrowser();

/** Seed 002 (LKjIP Balangan 2022): villages per status, Mandiri / Maju / Berkembang / Tertinggal / Sangat Tertinggal. */
const BALANGAN_2017_2022: Record<string, number[]> = {
	'2017': [0, 0, 18, 109, 27],
	'2018': [0, 3, 51, 92, 7],
	'2019': [0, 9, 116, 28, 0],
	'2020': [0, 12, 127, 14, 1],
	'2021': [0, 26, 126, 1, 1],
	'2022': [7, 96, 50, 0, 1]
};

/** A number as the screen shows it, in Indonesian format: '1.234,5678' or '66,88%'. */
const screenNumber = (text: string) => Number(text.replace(/[%\s]/g, '').replace(/\./g, '').replace(',', '.').replace('−', '-'));

describe('from the dashboard into a report', () => {
	it("reproduces seed 002's table and chart of villages per status 2017–2022 for Balangan as files", async () => {
		const page = await browser.open('/?kab=6311&dari=2017&ke=2022');
		const shown = await statusCounts(page);
		expect(Object.keys(shown)).toEqual(Object.keys(BALANGAN_2017_2022));

		const csv = parseCsv((await download(page, 'download-csv-status-counts')).bytes);
		expect(csv[0]?.slice(0, 6)).toEqual(['Tahun', 'Mandiri', 'Maju', 'Berkembang', 'Tertinggal', 'Sangat Tertinggal']);
		const fromCsv = Object.fromEntries(csv.slice(1).map((row) => [row[0], row.slice(1, 6).map(Number)]));
		expect(fromCsv).toEqual(BALANGAN_2017_2022);

		const xlsx = await parseXlsx((await download(page, 'download-xlsx-status-counts')).bytes);
		expect(xlsx.slice(1).map((row) => row.slice(1, 6))).toEqual(Object.values(BALANGAN_2017_2022));
		expect(xlsx[1]?.[1]).toBeTypeOf('number');

		const { svg, png } = await chartFiles(page, 'status-distribution', 630, 3);
		expect(svg.name).toBe('sebaran-status-desa-per-tahun.svg');
		const parsed = parseSvg(svg.bytes);
		expect(parsed.title).toBe('Sebaran status desa per tahun');
		expect(parsed.texts).toContain('Sumber: IDM 2017–2022, Kemendes PDTT');
		expect(parsed.texts.join(' ')).toContain('Kabupaten Balangan');
		expect(parsed.texts).toContain('Sangat Tertinggal');
		// One bar segment per non-zero count of the seed's table.
		expect(parsed.root.querySelectorAll('svg svg rect')).toHaveLength(Object.values(BALANGAN_2017_2022).flat().filter((n) => n > 0).length);

		const image = pngInfo(png.bytes);
		expect(image.width).toBe(1890);
		expect(image.height).toBe(Math.round((parsed.height * 1890) / parsed.width));
		expect(image.dpi).toBe(288);
	});

	it('copies a table to the clipboard as HTML with its columns and as text', async () => {
		const page = await browser.open('/?kab=6311&dari=2017&ke=2022');
		await browser.session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: browser.baseUrl });
		await page.click('[data-testid="copy-table-status-counts"]');
		await page.waitForSelector('.table-tools [role="status"]:text("Tersalin")');
		const copied = await page.evaluate(async () => {
			const [item] = await navigator.clipboard.read();
			return { html: await (await item!.getType('text/html')).text(), text: await (await item!.getType('text/plain')).text() };
		});
		const { window } = new JSDOM(copied.html);
		const rows = [...window.document.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
		expect(rows[0]?.slice(0, 6)).toEqual(['2017', '0', '0', '18', '109', '27']);
		expect(copied.text.split('\n')[6]?.split('\t').slice(0, 6)).toEqual(['2022', '7', '96', '50', '0', '1']);

		// The chart goes to the clipboard as a PNG, to paste into Word as it is.
		await page.click('[data-testid="tools-status-distribution"]');
		await page.fill('[data-testid="png-width-status-distribution"]', '500');
		await page.selectOption('[data-testid="png-scale-status-distribution"]', '2');
		await page.click('[data-testid="copy-png-status-distribution"]');
		await page.waitForSelector('.chart-tools [role="status"]:text("Tersalin")');
		const image = await page.evaluate(async () => {
			const [item] = await navigator.clipboard.read();
			return [...new Uint8Array(await (await item!.getType('image/png')).arrayBuffer())];
		});
		expect(pngInfo(Buffer.from(image)).width).toBe(1000);
	});

	it('downloads every chart as SVG and PNG and every table as CSV and XLSX on every view, with the screen’s numbers', async () => {
		const views = ['/', '/transisi', '/kecamatan', '/kinerja', '/desa?desa=1808052009', '/ambang?skema=0.5]%2C0.6]%2C0.7]%2C0.8]', '/kualitas'];
		const seen = { charts: new Set<string>(), tables: new Set<string>() };
		for (const view of views) {
			const page = await browser.open(view);
			// A village's page draws its chart after the list it opens from.
			if (view.includes('desa=')) await page.waitForSelector('[data-testid="chart-village-trajectory"] svg');
			for (const button of await page.$$eval('[data-testid^="download-svg-"]', (els) => els.map((e) => e.getAttribute('data-testid')!))) {
				const chart = button.replace('download-svg-', '');
				const { svg, png } = await chartFiles(page, chart, 640, 2);
				const parsed = parseSvg(svg.bytes);
				expect(parsed.title.length, chart).toBeGreaterThan(5);
				expect(parsed.texts.some((t) => t.startsWith('Sumber: ')), chart).toBe(true);
				expect(pngInfo(png.bytes).width, chart).toBe(1280);
				seen.charts.add(chart);
			}
			const csvButtons = await page.$$eval('[data-testid^="download-csv-"]', (els) => els.map((e) => e.getAttribute('data-testid')!));
			// A button shared by two tables would only ever download the first one's.
			expect(csvButtons.filter((id, i) => csvButtons.indexOf(id) !== i), view).toEqual([]);
			for (const button of csvButtons) {
				const table = button.replace('download-csv-', '');
				const csv = parseCsv((await download(page, `download-csv-${table}`)).bytes);
				const xlsx = await parseXlsx((await download(page, `download-xlsx-${table}`)).bytes);
				expect(xlsx.length, table).toBe(csv.length);
				// The two files agree cell by cell; numbers are numbers in the workbook.
				csv.forEach((row, r) =>
					row.forEach((cell, c) => {
						const value = xlsx[r]?.[c];
						if (typeof value === 'number') expect(Number(cell), `${table} ${r},${c}`).toBe(value);
						else expect(value ?? '', `${table} ${r},${c}`).toBe(cell.replace(/^'(?=[=+\-@])/, ''));
					})
				);
				// Where the screen shows the same columns (sortable tables), its first row rounds the file's.
				const screen = await page.$$eval(`table[data-testid="${table}"] tbody tr:first-child td[data-column]`, (tds) =>
					tds.map((td) => ({ numeric: td.classList.contains('num'), text: td.textContent?.trim() ?? '' }))
				);
				screen.forEach((cell, c) => {
					if (!cell.numeric || cell.text === '–') return;
					const decimals = cell.text.split(',')[1]?.replace(/\D/g, '').length ?? 0;
					expect(Math.abs(Number(csv[1]?.[c]) - screenNumber(cell.text)), `${table} column ${c}`).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-12);
				});
				seen.tables.add(table);
			}
		}
		expect([...seen.charts].sort()).toEqual([
			'component-dots',
			'idm-distribution',
			'kecamatan-heatmap',
			'kecamatan-small-multiples',
			'status-distribution',
			'transition-flow',
			'transition-matrix',
			'village-trajectory'
		]);
		for (const table of ['status-counts', 'status-shares', 'mean-scores', 'indicators', 'kecamatan-means', 'transition-matrix', 'transition-grid', 'movement-by-kecamatan', 'villages', 'scheme-differences']) {
			expect(seen.tables, table).toContain(table);
		}
	});
});

describe('the printed report', () => {
	it('numbers the chosen chart and table, and prints nothing else', async () => {
		const page = await browser.open('/cetak?kab=6311&dari=2017&ke=2022');
		const figureCaption = () => page.textContent('[data-item="gambar:status-distribution"] figcaption .title');
		expect(await figureCaption()).toBe('Gambar 1. Sebaran status desa per tahun');
		expect(await page.textContent('[data-testid="number-tabel:status-counts"]')).toBe('Tabel 1. Jumlah desa menurut status IDM per tahun');
		await page.check('[data-testid="include-tabel:status-shares"]');
		await waitForReady(page);
		expect(page.url()).toContain('pilih=tabel%3Astatus-shares');
		await page.waitForSelector('[data-testid="number-tabel:status-shares"]');
		expect(await page.textContent('[data-testid="number-tabel:status-shares"]')).toMatch(/^Tabel 2\. Persentase desa per status/);

		await page.emulateMedia({ media: 'print' });
		const printed = await page.$$eval('.report-item', (items) => items.filter((i) => getComputedStyle(i).display !== 'none').map((i) => i.getAttribute('data-item')));
		expect(printed).toEqual(['gambar:status-distribution', 'tabel:status-counts', 'tabel:status-shares']);
		expect(await page.$eval('nav.views', (nav) => getComputedStyle(nav).display)).toBe('none');
		expect(await page.$$eval('form.filters', (forms) => forms.every((f) => getComputedStyle(f).display === 'none'))).toBe(true);
		const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
		const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? [];
		expect(pages.length).toBeGreaterThanOrEqual(1);
		expect(pages.length).toBeLessThanOrEqual(2);
		await page.emulateMedia({ media: 'screen' });
	});
});

describe('embedding', () => {
	it('draws one chart in another site’s iframe at two widths and posts its height', async () => {
		const host = await serveStatic('/nonexistent', '/none', {
			'/': `<!doctype html><html><body>
				<iframe id="narrow" style="width:360px;border:0" src="${browser.baseUrl}/embed/status-distribution?kab=6311"></iframe>
				<iframe id="wide" style="width:900px;border:0" src="${browser.baseUrl}/embed/status-distribution?kab=6311"></iframe>
				<script>
					window.heights = {};
					addEventListener('message', (e) => {
						if (e.data && e.data.type === 'idm-embed-height') for (const f of document.querySelectorAll('iframe')) if (f.contentWindow === e.source) window.heights[f.id] = e.data.height;
					});
				</script></body></html>`
		});
		try {
			const page = browser.page;
			await page.goto(`${host.origin}/`);
			const frame = (id: string) => page.frameLocator(`#${id}`);
			for (const id of ['narrow', 'wide']) {
				await frame(id).locator('main[data-ready="true"]').waitFor({ timeout: 45_000 });
				expect(await frame(id).locator('[data-testid="chart-status-distribution"] svg').count()).toBe(1);
				// Only the chart: no menu, no filters, no tables, no other chart.
				expect(await frame(id).locator('nav.views, form.filters, table, [data-testid="chart-idm-distribution"]').filter({ visible: true }).count()).toBe(0);
			}
			const heights = await page.waitForFunction(() => {
				const h = (window as unknown as { heights: { narrow?: number; wide?: number } }).heights;
				return (h.narrow ?? 0) > 100 && (h.wide ?? 0) > 100 ? h : null;
			});
			const { narrow, wide } = (await heights.jsonValue()) as { narrow: number; wide: number };
			expect(narrow).toBeLessThan(wide);
		} finally {
			await host.close();
		}
	});

	it('gives the iframe snippet for the current state', async () => {
		const page = await browser.open('/kecamatan?kab=1808&ukuran=idm');
		await page.click('[data-testid="tools-kecamatan-heatmap"]');
		await page.click('[data-testid="embed-kecamatan-heatmap"]');
		const code = await page.inputValue('[data-testid="embed-code-kecamatan-heatmap"]');
		expect(code).toContain(`<iframe src="${browser.baseUrl}/embed/kecamatan-heatmap?kab=1808&ukuran=idm"`);
	});
});

describe('a village named as a formula', () => {
	it('exports inert in CSV and XLSX', async () => {
		const release = await readFile(new URL('../fixtures/layouts/release-2024-way-kanan.csv', import.meta.url), 'utf8');
		const [header, first] = release.split(/\r?\n/);
		const columns = Papa.parse<string[]>(header!).data[0]!;
		const row = Papa.parse<string[]>(first!).data[0]!;
		const nameColumn = columns.findIndex((c) => /NAMA_DESA/i.test(c));
		const codeColumn = columns.findIndex((c) => /KODE_DESA/i.test(c));
		row[nameColumn] = '=HYPERLINK("x")';
		const page = await browser.open('/data');
		await page.setInputFiles('[data-testid="file-input"]', { name: 'idm-2024-way-kanan-rumus.csv', mimeType: 'text/csv', buffer: Buffer.from(Papa.unparse([columns, row])) });
		await page.waitForSelector('[data-testid="datasets"] tr[data-source="idm-2024-way-kanan-rumus.csv"]', { timeout: 30_000 });

		await browser.open(`/desa?kab=1808&tahun=2024`);
		await page.fill('[data-testid="village-search"]', row[codeColumn]!);
		await waitForReady(page);
		const csv = parseCsv((await download(page, 'download-csv-villages')).bytes);
		const nameAt = csv[0]!.indexOf('Desa');
		expect(csv.find((r) => r[1]?.includes('HYPERLINK') || r[nameAt]?.includes('HYPERLINK'))?.[nameAt]).toBe(`'=HYPERLINK("x")`);
		const xlsxBytes = (await download(page, 'download-xlsx-villages')).bytes;
		const xlsx = await parseXlsx(xlsxBytes);
		expect(xlsx.some((r) => r[nameAt] === '=HYPERLINK("x")')).toBe(true);
		const { unzipSync, strFromU8 } = await import('fflate');
		expect(strFromU8(unzipSync(new Uint8Array(xlsxBytes))['xl/worksheets/sheet1.xml']!)).not.toContain('<f>');
	});
});
