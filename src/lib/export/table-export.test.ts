import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import type { TableData } from './table-data';
import { fileStem } from './table-data';
import { tableToCsv, tableToHtml, tableToTsv, tableToXlsx } from './table-export';

/** Seed 002's table: Balangan's villages per status, 2017–2022 (LKjIP Balangan 2022). */
const BALANGAN: TableData = {
	title: 'Jumlah desa per status, Kabupaten Balangan 2017–2022',
	source: 'Sumber: IDM 2017–2022, Kemendes PDTT',
	columns: [
		{ key: 'tahun', label: 'Tahun' },
		{ key: 'MANDIRI', label: 'Mandiri', numeric: true },
		{ key: 'MAJU', label: 'Maju', numeric: true },
		{ key: 'BERKEMBANG', label: 'Berkembang', numeric: true },
		{ key: 'TERTINGGAL', label: 'Tertinggal', numeric: true },
		{ key: 'SANGAT TERTINGGAL', label: 'Sangat Tertinggal', numeric: true }
	],
	rows: [
		[2017, 0, 0, 18, 109, 27],
		[2018, 0, 3, 51, 92, 7],
		[2019, 0, 9, 116, 28, 0],
		[2020, 0, 12, 127, 14, 1],
		[2021, 0, 26, 126, 1, 1],
		[2022, 7, 96, 50, 0, 1]
	].map(([tahun, mandiri, maju, berkembang, tertinggal, sangat]) => ({
		tahun: String(tahun),
		MANDIRI: mandiri ?? null,
		MAJU: maju ?? null,
		BERKEMBANG: berkembang ?? null,
		TERTINGGAL: tertinggal ?? null,
		'SANGAT TERTINGGAL': sangat ?? null
	}))
};

const HOSTILE: TableData = {
	title: 'Desa',
	columns: [
		{ key: 'nama', label: 'Nama desa' },
		{ key: 'idm', label: 'IDM', numeric: true }
	],
	rows: [
		{ nama: '=HYPERLINK("x")', idm: 0.727412345 },
		{ nama: '+SUM(A1)', idm: -0.5 },
		{ nama: '@cmd', idm: null },
		{ nama: '<b>"Tanjung; Raja"</b>', idm: 1 }
	]
};

describe('tableToCsv', () => {
	it("writes seed 002's Balangan table with its numbers", () => {
		const parsed = Papa.parse<string[]>(tableToCsv(BALANGAN), { skipEmptyLines: true }).data;
		expect(parsed[0]).toEqual(['Tahun', 'Mandiri', 'Maju', 'Berkembang', 'Tertinggal', 'Sangat Tertinggal']);
		expect(parsed[6]).toEqual(['2022', '7', '96', '50', '0', '1']);
		expect(parsed.slice(1).map((row) => row.slice(1).reduce((sum, n) => sum + Number(n), 0))).toEqual([154, 153, 153, 154, 154, 154]);
	});

	it('neutralises text a spreadsheet would run, keeps negative numbers and full precision', () => {
		const parsed = Papa.parse<string[]>(tableToCsv(HOSTILE), { skipEmptyLines: true }).data;
		expect(parsed.slice(1)).toEqual([
			["'=HYPERLINK(\"x\")", '0.727412345'],
			["'+SUM(A1)", '-0.5'],
			["'@cmd", ''],
			['<b>"Tanjung; Raja"</b>', '1']
		]);
	});
});

describe('tableToXlsx', () => {
	it('writes numbers as numbers and formulas as literal text', async () => {
		const blob = await tableToXlsx(HOSTILE);
		const bytes = Buffer.from(await blob.arrayBuffer());
		const sheet = (await readXlsxFile(bytes))[0]!;
		expect(sheet.sheet).toBe('Desa');
		expect(sheet.data).toEqual([
			['Nama desa', 'IDM'],
			['=HYPERLINK("x")', 0.727412345],
			['+SUM(A1)', -0.5],
			['@cmd', null],
			['<b>"Tanjung; Raja"</b>', 1]
		]);
		const { unzipSync, strFromU8 } = await import('fflate');
		const files = unzipSync(new Uint8Array(bytes));
		const sheetXml = strFromU8(files['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
		expect(sheetXml).not.toContain('<f>');
	});

	it("round-trips seed 002's table", async () => {
		const sheet = (await readXlsxFile(Buffer.from(await (await tableToXlsx(BALANGAN)).arrayBuffer())))[0]!;
		expect(sheet.data[1]).toEqual(['2017', 0, 0, 18, 109, 27]);
		expect(sheet.data[6]).toEqual(['2022', 7, 96, 50, 0, 1]);
	});
});

describe('clipboard', () => {
	const format = (value: number) => value.toLocaleString('id-ID', { maximumFractionDigits: 4 });

	it('gives an HTML table with escaped text and the screen format', () => {
		const html = tableToHtml(HOSTILE, format);
		expect(html).toContain('<td>&lt;b&gt;&quot;Tanjung; Raja&quot;&lt;/b&gt;</td>');
		expect(html).toContain('0,7274</td>');
		expect(html).not.toContain('<b>');
	});

	it('gives tab-separated text with one line per row', () => {
		const lines = tableToTsv(BALANGAN, format).split('\n');
		expect(lines).toHaveLength(7);
		expect(lines[1]).toBe('2017\t0\t0\t18\t109\t27');
	});
});

it('names files after their title', () => {
	expect(fileStem('Jumlah desa per status, Kabupaten Balangan 2017–2022')).toBe('jumlah-desa-per-status-kabupaten-balangan-2017-2022');
});
