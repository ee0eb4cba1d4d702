import { describe, expect, it } from 'vitest';
import { countCalls } from './call-count';
import { openSession, useBrowser, waitForReady } from './chromium';

const browser = useBrowser();
const open = (path: string) => browser.open(path);

async function indicatorCells(indicator: string, year: number) {
	const row = `[data-testid="indicators"] tr[data-indicator="${indicator}"][data-year="${year}"]`;
	const page = browser.page;
	return {
		realisasi: (await page.textContent(`${row} [data-field="realisasi"]`))?.trim(),
		target: await page.inputValue(`${row} [data-field="target"]`),
		capaian: (await page.textContent(`${row} [data-field="capaian"]`))?.trim(),
		grade: (await page.textContent(`${row} [data-field="grade"]`))?.trim(),
		how: (await page.textContent(`${row} [data-field="how"]`))?.trim()
	};
}

describe('Kinerja: the indicators the reports print, with targets, capaian and grade', () => {
	it('Balangan 2022: 66,88% against the printed target 23,38 → 286,06%, Sangat Tinggi', async () => {
		await open('/kinerja?kab=6311');
		expect(await indicatorCells('minimal-maju', 2022)).toEqual({
			realisasi: '66,88%',
			target: '23,38',
			capaian: '286,06%',
			grade: 'Sangat Tinggi',
			how: '103 desa Maju atau Mandiri dari 154 desa pada 2022 (status terbit, tanpa nilai)'
		});
	});

	it('Banyuasin, truncated as it prints: 81,48% and 1,43% in 2023, 37,20% and 0,97% in 2022, 200 vs 243 = 82,30%', async () => {
		await open('/kinerja?kab=1607&pembulatan=truncate');
		const lifted2023 = await indicatorCells('pengentasan-tertinggal', 2023);
		expect(lifted2023.realisasi).toBe('81,48%');
		expect(lifted2023.how).toContain('dihitung dari selisih jumlah');
		expect((await indicatorCells('peningkatan-mandiri', 2023)).realisasi).toBe('1,43%');
		expect((await indicatorCells('pengentasan-tertinggal', 2022)).realisasi).toBe('37,20%');
		expect((await indicatorCells('peningkatan-mandiri', 2022)).realisasi).toBe('0,97%');
		expect(await indicatorCells('tertinggal-menjadi-berkembang', 2023)).toMatchObject({
			realisasi: '200',
			target: '243',
			capaian: '82,30%'
		});
		await browser.page.selectOption('[data-testid="rounding"]', 'round');
		await browser.page.waitForURL((url) => !url.search.includes('pembulatan'));
		await waitForReady(browser.page);
		expect((await indicatorCells('peningkatan-mandiri', 2022)).realisasi).toBe('0,98%');
	});

	it('Way Kanan 2023 means against the targets of seed 003', async () => {
		await open('/kinerja');
		expect(await indicatorCells('nilai-idm', 2023)).toMatchObject({ realisasi: '0,7306', target: '0,6608' });
		expect((await indicatorCells('nilai-iks', 2023)).realisasi).toBe('0,7969');
		expect((await indicatorCells('nilai-ike', 2023)).realisasi).toBe('0,6173');
		expect((await indicatorCells('nilai-ikl', 2023)).realisasi).toBe('0,7774');
	});

	it('keeps a target the user types across a reload, and grades on the chosen scale', async () => {
		const page = await open('/kinerja?skala=lan-239-2003');
		const input = '[data-testid="indicators"] tr[data-indicator="minimal-maju"][data-year="2024"] [data-field="target"]';
		await page.fill(input, '80');
		await page.press(input, 'Tab');
		expect(await indicatorCells('minimal-maju', 2024)).toMatchObject({ realisasi: '78,73%', capaian: '98,41%', grade: 'Baik' });
		await open('/kinerja?skala=lan-239-2003');
		expect(await indicatorCells('minimal-maju', 2024)).toMatchObject({ target: '80', capaian: '98,41%' });
	});
});

describe('Transisi: how villages moved', () => {
	it('Way Kanan 2023 → 2024: the matrix, and naik per kecamatan adding up to 71', async () => {
		const page = await open('/transisi');
		const cell = (from: string, to: string) =>
			page.textContent(`[data-testid="transition-grid"] td[data-from="${from}"][data-to="${to}"]`);
		expect(await cell('BERKEMBANG', 'MAJU')).toBe('50');
		expect(await cell('MAJU', 'MANDIRI')).toBe('20');
		expect(await cell('MANDIRI', 'MANDIRI')).toBe('26');
		expect(await page.$$eval('[data-testid="movement-by-kecamatan"] tbody tr', (rows) => rows.length)).toBe(15);
		expect(await page.textContent('[data-testid="movement-by-kecamatan"] tfoot [data-column="naik"]')).toBe('71');
		expect(await page.textContent('[data-testid="movement-by-kecamatan"] tfoot [data-column="menjadi_mandiri"]')).toBe('21');
		expect(await page.textContent('[data-testid="movement-by-kecamatan"] tfoot [data-column="nama"]')).toBe('Kabupaten Way Kanan');
	});

	it('names the nation under the kecamatan table, with every regency’s villages added up', async () => {
		const page = await open('/transisi?kab=nasional');
		const total = (column: string) => page.textContent(`[data-testid="movement-by-kecamatan"] tfoot [data-column="${column}"]`);
		expect(await total('nama')).toBe('Nasional');
		// Way Kanan's 71 up, and Banyuasin's 288, Balangan's 154 and Barito Timur's 100 new in 2024.
		expect(await total('naik')).toBe('71');
		expect(await total('baru')).toBe('542');
		await open('/transisi?kab=18&lang=en');
		expect(await total('nama')).toBe('Province of Lampung');
	});

	it('asks for the figures of the new pair once per change of years', async () => {
		const session = await openSession();
		try {
			const page = session.page;
			// transition-queries.ts transitionFigures, the one function of the site that returns `byArea`.
			const counter = await countCalls(page, browser.baseUrl, { figures: /byArea:\{/ });
			await page.goto(`${browser.baseUrl}/transisi?kab=nasional`);
			await waitForReady(page);
			await counter.calls();
			for (const [select, year] of [['from-year', '2022'], ['to-year', '2023']] as const) {
				await page.selectOption(`[data-testid="${select}"]`, year);
				await page.waitForURL((url) => url.searchParams.get(select === 'from-year' ? 'dari' : 'ke') === year);
				await waitForReady(page);
				expect((await counter.calls()).figures, `${select} ${year}`).toBe(1);
			}
			// 2022 → 2023: Balangan's 2022 villages are gone, Way Kanan's 2023 villages new.
			const cell = (from: string, to: string) => page.textContent(`[data-testid="transition-grid"] td[data-from="${from}"][data-to="${to}"]`);
			expect(await cell('MAJU', 'TIDAK ADA')).toBe('89');
			expect(await cell('TIDAK ADA', 'MANDIRI')).toBe('26');
		} finally {
			await session.close();
		}
	});

	it('sorts kecamatan by a column on click', async () => {
		const page = await open('/transisi');
		await page.click('[data-testid="movement-by-kecamatan"] th:has-text("Naik") button');
		const first = await page.textContent('[data-testid="movement-by-kecamatan"] tbody tr:first-child [data-column="nama"]');
		expect(first).toBe('GUNUNG LABUHAN');
	});

	it('says so when a regency has one year of village codes', async () => {
		const page = await open('/transisi?kab=1607');
		expect(await page.textContent('[data-testid="transition-unavailable"]')).toContain('2024');
	});
});

describe('Desa and Ambang: computed against published, and what a scheme changes', () => {
	it('flags Kupang Bersih as the one Barito Timur village whose published status contradicts its score', async () => {
		const page = await open('/desa?kab=6213');
		await page.check('[data-testid="only-flagged"]');
		const rows = await page.$$eval('[data-testid="villages"] tbody tr', (trs) =>
			trs.map((tr) => tr.querySelector('[data-column="kode_desa"]')?.textContent)
		);
		expect(rows).toEqual(['6213062003']);
	});

	it('lists the 7 Banyuasin villages the rounded thresholds class otherwise, and applies a scheme of one’s own', async () => {
		const page = await open('/ambang?kab=1607&skema=bulat&banding=resmi');
		expect(await page.getAttribute('[data-testid="difference-count"]', 'data-count')).toBe('7');
		await page.fill('[data-testid="cutoff-2"]', '0.7');
		await page.click('[data-testid="apply-scheme"]');
		await page.waitForURL(/skema=0\.491/);
		await waitForReady(page);
		expect(decodeURIComponent(page.url())).toContain('skema=0.491],0.599],0.7],0.815]');
		expect(Number(await page.getAttribute('[data-testid="difference-count"]', 'data-count'))).toBeGreaterThan(7);
		await page.fill('[data-testid="cutoff-2"]', '0.9');
		expect(await page.textContent('[data-testid="scheme-invalid"]')).toContain('0.9]');
	});
});

describe('schemes and scales of the user’s own', () => {
	it('grades on a scale typed by hand, carried in the URL', async () => {
		const page = await open('/kinerja?kab=1607');
		await page.fill('[data-testid="own-scale"]', '≥ 85 Sangat Berhasil | ≥ 70 Berhasil | > 55 Cukup Berhasil | Tidak Berhasil');
		await page.click('[data-testid="apply-scale"]');
		await page.waitForURL(/skala=k/);
		await waitForReady(page);
		expect(await indicatorCells('tertinggal-menjadi-berkembang', 2023)).toMatchObject({ capaian: '82,30%', grade: 'Berhasil' });
	});

	it('saves a scheme in the browser and offers it in every view', async () => {
		const page = await open('/ambang?kab=1607');
		await page.fill('[data-testid="cutoff-3"]', '0.8');
		await page.click('[data-testid="save-scheme"]');
		await page.waitForURL(/skema=/);
		await open('/');
		const options = await page.$$eval('[data-testid="scheme"] option', (os) => os.map((o) => o.getAttribute('value')));
		expect(options).toContain('0.4907],0.5989],0.7072],0.8]');
	});
});
