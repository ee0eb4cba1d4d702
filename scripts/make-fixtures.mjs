// Writes tests/fixtures/layouts/: real IDM rows (from data/ and ../shared) in every layout users
// bring: the releases' own, semicolons and decimal commas, tabs, wide and long, title and repeated
// header rows, notes in numeric cells, line breaks in names, status lists, recaps, a workbook.
// Run by a developer only; the fixtures are committed. node scripts/make-fixtures.mjs [../shared]
import { readFileSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import writeXlsxFile from 'write-excel-file/node';

const shared = process.argv[2] ?? '../shared';
const out = 'tests/fixtures/layouts/';
const read = (path) => Papa.parse(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data;
const write = (name, text) => {
	writeFileSync(out + name, text);
	console.log(out + name);
};
const csv = (fields, rows, config = {}) => Papa.unparse({ fields, data: rows }, { newline: '\n', ...config }) + '\n';
const comma = (value) => (value ?? '').replace('.', ',');

const release2024 = read('data/idm-2024-empat-kabupaten.csv').filter((r) => r.KODE_KAB === '1808');
const release2023 = read('data/idm-2023-way-kanan.csv');
const lampung2023 = read(`${shared}/data/idm-2023-lampung.csv`);

// 1. The 2024 release as published (comma, decimal point), Way Kanan only.
write('release-2024-way-kanan.csv', csv(Object.keys(release2024[0]), release2024.map(Object.values)));

// 2. The 2023 release exported from Excel with Indonesian settings: BOM, `;`, decimal commas, CRLF.
const fields2023 = Object.keys(release2023[0]);
write(
	'release-2023-way-kanan-semicolon.csv',
	'\uFEFF' +
		csv(
			fields2023,
			release2023.map((r) => fields2023.map((f) => (/^(IKS|IKE|IKL|NILAI_IDM)_/.test(f) ? comma(r[f]) : r[f]))),
			{ delimiter: ';', newline: '\r\n' }
		)
);

// 3. The 2023 header IDM.md gives (KODE_DESA_DAGRI, DESA, …, UPDATE), tab-separated.
write(
	'release-2023-way-kanan-dagri-tab.tsv',
	csv(
		['KODE_DESA_DAGRI', 'DESA', 'KECAMATAN', 'KABUPATEN_KOTA', 'IKS_2023', 'IKE_2023', 'IKL_2023', 'NILAI_IDM_2023', 'STATUS_IDM_2023', 'UPDATE'],
		release2023.map((r) => [r.KODE_DESA, r.NAMA_DESA, r.NAMA_KECAMATAN, 'WAY KANAN', r.IKS_2023, r.IKE_2023, r.IKL_2023, r.NILAI_IDM_2023, r.STATUS_IDM_2023, '']),
		{ delimiter: '\t' }
	)
);

// 4. Wide: one row per village, columns per year.
const byCode2024 = new Map(release2024.map((r) => [r.KODE_DESA, r]));
write(
	'wide-2023-2024-way-kanan.csv',
	csv(
		['KODE_DESA', 'NAMA_DESA', 'NAMA_KECAMATAN', 'IKS_2023', 'IKE_2023', 'IKL_2023', 'NILAI_IDM_2023', 'STATUS_IDM_2023', 'IKS_2024', 'IKE_2024', 'IKL_2024', 'NILAI_IDM_2024', 'STATUS_IDM_2024'],
		release2023.map((r) => {
			const n = byCode2024.get(r.KODE_DESA);
			return [r.KODE_DESA, r.NAMA_DESA, r.NAMA_KECAMATAN, r.IKS_2023, r.IKE_2023, r.IKL_2023, r.NILAI_IDM_2023, r.STATUS_IDM_2023, n.IKS_2024, n.IKE_2024, n.IKL_2024, n.NILAI_IDM_2024, n.STATUS_IDM_2024];
		})
	)
);

// 5. Long: a `tahun` column, lower-case headers with spaces.
write(
	'long-2023-2024-way-kanan.csv',
	csv(
		['kode desa', 'nama desa', 'kecamatan', 'tahun', 'iks', 'ike', 'ikl', 'nilai idm', 'status idm'],
		[
			...release2023.map((r) => [r.KODE_DESA, r.NAMA_DESA, r.NAMA_KECAMATAN, '2023', r.IKS_2023, r.IKE_2023, r.IKL_2023, r.NILAI_IDM_2023, r.STATUS_IDM_2023]),
			...release2024.map((r) => [r.KODE_DESA, r.NAMA_DESA, r.NAMA_KECAMATAN, '2024', r.IKS_2024, r.IKE_2024, r.IKL_2024, r.NILAI_IDM_2024, r.STATUS_IDM_2024])
		]
	)
);

// 6. Seed 003's table as a regency keeps it: a title above, blank rows, the header repeated per page.
const seed003 = readFileSync('data/lkjip-way-kanan-2023-tabel-2-5.csv', 'utf8').trim().split('\n');
const [seedHeader, ...seedRows] = seed003;
const pages = [];
for (let i = 0; i < seedRows.length; i += 60) pages.push([seedHeader, ...seedRows.slice(i, i + 60)].join('\n'));
write(
	'seed-003-way-kanan-2023-pages.csv',
	'STATUS DESA BERDASARKAN INDEKS DESA MEMBANGUN (IDM),,,,\nKABUPATEN WAY KANAN TAHUN 2023,,,,\n\n' + pages.join('\n\n') + '\n'
);

// 7. Notes in numeric cells and line breaks inside quoted names: Lampung 2023 rows that have them.
const broken = lampung2023.filter((r) => /\n/.test(r.NAMA_DESA + r.NAMA_KECAMATAN));
const noted = release2023.slice(0, 5).map((r, i) => ({ ...r, NILAI_IDM_2023: ['Update 2023', '-', '', 'belum dinilai', '0,7.5'][i] }));
write('release-2023-lampung-notes-and-line-breaks.csv', csv(fields2023, [...broken, ...noted].map((r) => fields2023.map((f) => r[f]))));

// 8. Components only (no IDM, no status) for 2024: joins with a status list of the same villages.
write(
	'components-2024-way-kanan.csv',
	csv(['KODE_DESA', 'IKS_2024', 'IKE_2024', 'IKL_2024'], release2024.map((r) => [r.KODE_DESA, r.IKS_2024, r.IKE_2024, r.IKL_2024]))
);
write(
	'status-2024-way-kanan.csv',
	csv(['KODE_DESA', 'NAMA DESA', 'STATUS'], release2024.map((r) => [r.KODE_DESA, r.NAMA_DESA, r.STATUS_IDM_2024]))
);

// 9. A recap as seed 002 prints it, per year, the regency given by its name.
write(
	'rekap-balangan-2017-2022.csv',
	csv(
		['Kabupaten', 'Tahun', 'MANDIRI', 'MAJU', 'BERKEMBANG', 'TERTINGGAL', 'SANGAT TERTINGGAL', 'JUMLAH'],
		[
			['BALANGAN', '2017', '0', '0', '18', '109', '27', '154'],
			['BALANGAN', '2018', '0', '3', '51', '92', '7', '154'],
			['BALANGAN', '2019', '0', '9', '116', '28', '0', '154'],
			['BALANGAN', '2020', '0', '12', '127', '14', '1', '154'],
			['BALANGAN', '2021', '0', '26', '126', '1', '1', '154'],
			['BALANGAN', '2022', '7', '96', '50', '0', '1', '154']
		]
	)
);

// 10. A workbook: a notes sheet and the 2024 release with numbers stored as numbers.
const cell = (value, numeric) => ({ value: numeric && value !== '' ? Number(value) : value, type: numeric && value !== '' ? Number : String });
const numeric = new Set(['KODE_PROV', 'KODE_KAB', 'KODE_KEC', 'KODE_DESA', 'IKS_2024', 'IKE_2024', 'IKL_2024', 'NILAI_IDM_2024']);
const fields2024 = Object.keys(release2024[0]);
const buffer = await writeXlsxFile([
	{ sheet: 'Catatan', data: [[cell('Data IDM 2024 Kabupaten Way Kanan', false)], [cell('Sumber: Kemendes PDTT', false)]] },
	{
		sheet: 'IDM 2024',
		data: [fields2024.map((f) => cell(f, false)), ...release2024.map((r) => fields2024.map((f) => cell(r[f], numeric.has(f))))]
	}
]).toBuffer();
writeFileSync(out + 'release-2024-way-kanan.xlsx', buffer);
console.log(out + 'release-2024-way-kanan.xlsx');

// tests/fixtures/browser/: regencies the dashboard does not bundle, for the browser tests that
// load files through the page: Lampung Barat (1804) 2024 as released and 2023 as an Indonesian
// Excel export; Tanggamus (1806) 2024 as a workbook and 2023 as a status list without codes.
const browserOut = 'tests/fixtures/browser/';
const national = read('data/idm-2024-nasional.csv');
const fields2024All = Object.keys(national[0]);
const lampungBarat2024 = national.filter((r) => r.KODE_KAB === '1804');
writeFileSync(browserOut + 'idm-2024-lampung-barat.csv', csv(fields2024All, lampungBarat2024.map(Object.values)));
const lampungBarat2023 = lampung2023.filter((r) => r.KODE_KAB === '1804');
const lampungFields = Object.keys(lampung2023[0]);
writeFileSync(
	browserOut + 'idm-2023-lampung-barat-titik-koma.csv',
	'\uFEFF' +
		csv(
			lampungFields,
			lampungBarat2023.map((r) => lampungFields.map((f) => (/^(IKS|IKE|IKL|NILAI_IDM)_/.test(f) ? comma(r[f]) : r[f]))),
			{ delimiter: ';', newline: '\r\n' }
		)
);
const tanggamus2024 = national.filter((r) => r.KODE_KAB === '1806');
const workbook = await writeXlsxFile([
	{
		sheet: 'IDM 2024',
		data: [fields2024All.map((f) => cell(f, false)), ...tanggamus2024.map((r) => fields2024All.map((f) => cell(r[f], numeric.has(f))))]
	}
]).toBuffer();
writeFileSync(browserOut + 'idm-2024-tanggamus.xlsx', workbook);
const tanggamus2023 = lampung2023.filter((r) => r.KODE_KAB === '1806');
writeFileSync(
	browserOut + 'status-desa-tanggamus-2023.csv',
	csv(['NO', 'NAMA DESA', 'KECAMATAN', 'STATUS IDM'], tanggamus2023.map((r, i) => [String(i + 1), r.NAMA_DESA, r.NAMA_KECAMATAN, r.STATUS_IDM_2023]))
);
const tally = (rows, status) => ['MANDIRI', 'MAJU', 'BERKEMBANG', 'TERTINGGAL', 'SANGAT TERTINGGAL'].map((s) => rows.filter((r) => status(r) === s).length).join(' / ');
console.log('Lampung Barat 2024', lampungBarat2024.length, tally(lampungBarat2024, (r) => r.STATUS_IDM_2024));
console.log('Lampung Barat 2023', lampungBarat2023.length, tally(lampungBarat2023, (r) => r.STATUS_IDM_2023));
console.log('Tanggamus 2024', tanggamus2024.length, tally(tanggamus2024, (r) => r.STATUS_IDM_2024));
console.log('Tanggamus 2023', tanggamus2023.length, tally(tanggamus2023, (r) => r.STATUS_IDM_2023));
