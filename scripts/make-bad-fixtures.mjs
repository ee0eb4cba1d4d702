// Writes tests/fixtures/bad/: broken and hostile inputs built from real rows (Pesawaran 1809 of the
// 2024 release in data/, Lampung 2023 rows with line breaks in names from tests/fixtures/browser/).
// What each one must give is in tests/fixtures/bad/cases.ts. Deterministic (seeded junk), except
// the timestamps write-excel-file puts in the workbooks' zip. node scripts/make-bad-fixtures.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BAD_DIR = ROOT + 'tests/fixtures/bad/';

const read = (path) => Papa.parse(readFileSync(ROOT + path, 'utf8'), { header: true, skipEmptyLines: true }).data;
const csv = (fields, rows, config = {}) => Papa.unparse({ fields, data: rows }, { newline: '\n', ...config }) + '\n';

const national = read('data/idm-2024-nasional.csv');
const FIELDS = Object.keys(national[0]);
/** Ten real villages of Pesawaran (1809), a regency the dashboard does not bundle. */
const PESAWARAN = national.filter((r) => r.KODE_KAB === '1809').slice(0, 10);
const rows = (list = PESAWARAN) => list.map((r) => FIELDS.map((f) => r[f]));
const good = (list) => csv(FIELDS, rows(list));

/** A seeded PRNG (mulberry32): the same junk every run. */
function prng(seed) {
	return () => {
		seed |= 0;
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Rows of Pesawaran with one field of the given rows replaced. */
function withCells(changes) {
	return rows().map((row, i) => {
		const copy = [...row];
		for (const [index, field, value] of changes) if (index === i) copy[FIELDS.indexOf(field)] = value;
		return copy;
	});
}

function utf16(text, bigEndian, bom) {
	const body = Buffer.from(text, 'utf16le');
	if (bigEndian) body.swap16();
	const mark = bigEndian ? [0xfe, 0xff] : [0xff, 0xfe];
	return Buffer.concat([Buffer.from(bom ? mark : []), body]);
}

/** A row of 10,000 cells, and a header of 10,000 columns. */
function makeWideFixtures() {
	mkdirSync(BAD_DIR, { recursive: true });
	const wideRow = (row) => [...row, ...Array.from({ length: 10_000 - row.length }, (_, i) => `x${i}`)];
	const body = rows().map((row, i) => (i === 2 || i === 7 ? wideRow(row) : row));
	writeFileSync(BAD_DIR + 'row-10000-columns.csv', Papa.unparse(body, { newline: '\n' }).replace(/^/, FIELDS.join(',') + '\n') + '\n');
	const header = [...FIELDS, ...Array.from({ length: 10_000 - FIELDS.length }, (_, i) => `KOLOM_${i + 1}`)];
	writeFileSync(BAD_DIR + 'header-10000-columns.csv', csv(header, rows().map((row) => [...row, ...Array(10_000 - row.length).fill('')])));
}

function makeAll() {
	mkdirSync(BAD_DIR, { recursive: true });
	const files = new Map();
	const put = (name, content) => files.set(name, content);
	const random = prng(20261126);

	// Nothing, or nothing but a header.
	put('empty.csv', '');
	put('blank-lines-only.csv', '\n\r\n   \n\t\n');
	put('claimed-2gb.csv', good());
	put('header-only.csv', FIELDS.join(',') + '\n');
	put('header-only-bom-crlf.csv', '\uFEFF' + FIELDS.join(';') + '\r\n\r\n');
	put('title-rows-only.csv', 'LAPORAN INDEKS DESA MEMBANGUN\nKABUPATEN PESAWARAN TAHUN 2024\n\n');
	put('no-header.csv', Papa.unparse(rows(), { newline: '\n' }) + '\n');
	put('unknown-header.csv', csv(['A', 'B', 'C', 'D'], rows().map((r) => r.slice(0, 4))));

	// Not a table at all.
	put('binary-junk.csv', Buffer.from(Array.from({ length: 4096 }, () => Math.floor(random() * 256))));
	put(
		'image-png.csv',
		Buffer.from(
			'89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360f8cfc0000003010100c9fe92ef0000000049454e44ae426082',
			'hex'
		)
	);
	put('image-jpeg.csv', Buffer.concat([Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'), Buffer.from(Array.from({ length: 200 }, () => Math.floor(random() * 256)))]));
	put('document.pdf.csv', '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
	put('web-page.csv', '<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>\n');
	put('data.json.csv', JSON.stringify(PESAWARAN.slice(0, 2), null, 1) + '\n');
	put('zip-not-workbook.xlsx', Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.from(Array.from({ length: 300 }, () => Math.floor(random() * 256)))]));

	// Encodings.
	put('utf16le-bom.csv', utf16(good(), false, true));
	put('utf16le-no-bom.csv', utf16(good(), false, false));
	put('utf16be-bom.csv', utf16(good(), true, true));
	const latin = withCells([[0, 'NAMA_DESA', 'BAGELÉN'], [1, 'NAMA_KECAMATAN', 'GEDONG TATAAN – SÜD']]);
	put('latin1-names.csv', Buffer.from(csv(FIELDS, latin), 'latin1'));

	// Structure.
	const semicolon = rows().map((r) => r.join(';'));
	semicolon[3] = rows()[3].join(',');
	semicolon[6] = rows()[6].join('\t');
	put('mixed-delimiters.csv', FIELDS.join(';') + '\n' + semicolon.join('\n') + '\n');
	const quoteLines = rows().map((r) => r.join(','));
	quoteLines[3] = quoteLines[3].replace(',CIPADANG,', ',"CIPADANG,');
	put('unbalanced-quote.csv', FIELDS.join(',') + '\n' + quoteLines.join('\n') + '\n');
	const lastQuote = rows().map((r) => r.join(','));
	lastQuote[9] = lastQuote[9].replace(/,([A-Z ]+),0\./, ',"$1,0.');
	put('unbalanced-quote-last-row.csv', FIELDS.join(',') + '\n' + lastQuote.join('\n') + '\n');
	put('trailing-delimiters.csv', FIELDS.join(',') + ',,,\n' + rows().map((r) => r.join(',') + ',,,').join('\n') + '\n');
	put('short-rows.csv', FIELDS.join(',') + '\n' + rows().map((r, i) => (i % 3 === 0 ? r.slice(0, 8) : r).join(',')).join('\n') + '\n');
	put(
		'unquoted-decimal-commas.csv',
		FIELDS.join(',') + '\n' + rows().map((r, i) => (i === 1 || i === 5 ? r.map((c) => c.replace(/^0\./, '0,')) : r).join(',')).join('\n') + '\n'
	);
	put('blank-lines-and-footer.csv', FIELDS.join(',') + '\n' + rows().slice(0, 5).map((r) => r.join(',')).join('\n') + '\n\n\n' + rows().slice(5).map((r) => r.join(',')).join('\n') + '\n\nSumber: Kementerian Desa PDTT\n');

	// Values in score columns.
	put(
		'scores-not-numbers.csv',
		csv(FIELDS, withCells([
			[0, 'IKS_2024', '0,7.5'],
			[1, 'IKE_2024', '-'],
			[2, 'IKL_2024', 'NaN'],
			[3, 'NILAI_IDM_2024', '1e400'],
			[4, 'IKS_2024', 'Infinity'],
			[5, 'IKE_2024', '0.8.1']
		]))
	);
	put(
		'scores-out-of-range.csv',
		csv(FIELDS, withCells([
			[0, 'IKS_2024', '-0.2'],
			[1, 'IKE_2024', '1.5'],
			[2, 'NILAI_IDM_2024', '72,74'],
			[3, 'IKL_2024', '-0'],
			[4, 'IKS_2024', '1']
		]))
	);
	put('scores-decimal-commas-quoted.csv', csv(FIELDS, rows().map((r) => r.map((c) => c.replace(/^0\./, '0,')))));

	// Years, in a long file with a TAHUN column.
	const longFields = ['KODE_DESA', 'NAMA_DESA', 'NAMA_KECAMATAN', 'TAHUN', 'IKS', 'IKE', 'IKL', 'IDM', 'STATUS'];
	const long = (years) =>
		csv(longFields, PESAWARAN.map((r, i) => [r.KODE_DESA, r.NAMA_DESA, r.NAMA_KECAMATAN, years[i] ?? '2024', r.IKS_2024, r.IKE_2024, r.IKL_2024, r.NILAI_IDM_2024, r.STATUS_IDM_2024]));
	put('year-with-decimals.csv', long(['2024.0', '2024.00', '2024,0']));
	put('year-apostrophe.csv', long(["'24", "'2024", '24']));
	put('year-as-text.csv', long(['dua ribu dua puluh empat', 'TA 2024', '2024/2025', '1899', '3024']));

	// Village codes.
	put('code-with-spaces.csv', csv(FIELDS, withCells([[0, 'KODE_DESA', '1809 01 2007'], [1, 'KODE_DESA', ' 1809012013 '], [2, 'KODE_DESA', '18.09.01.2017']])));
	put('code-9-digits.csv', csv(FIELDS, withCells([[0, 'KODE_DESA', '180901200'], [1, 'KODE_DESA', '809012013']])));
	put('code-11-digits.csv', csv(FIELDS, withCells([[0, 'KODE_DESA', '18090120070'], [1, 'KODE_DESA', '18090120131']])));
	put('code-scientific.csv', csv(FIELDS, withCells([[0, 'KODE_DESA', '1.80901E+09'], [1, 'KODE_DESA', '1,80901E+09']])));

	// One village-year twice.
	put('duplicate-rows.csv', csv(FIELDS, [...rows(), rows()[0], rows()[1]]));
	const conflicting = [...rows()];
	const other = [...rows()[2]];
	other[FIELDS.indexOf('IKE_2024')] = '0.5';
	other[FIELDS.indexOf('NILAI_IDM_2024')] = '0.6118';
	other[FIELDS.indexOf('STATUS_IDM_2024')] = 'BERKEMBANG';
	put('conflicting-rows.csv', csv(FIELDS, [...conflicting, other]));

	// Statuses as people write them (a status list without scores).
	const statusFields = ['KODE_DESA', 'NAMA_DESA', 'NAMA_KECAMATAN', 'TAHUN', 'STATUS_IDM'];
	const spellings = ['Mandiri', 'MANDIRI ', 'Desa Mandiri', 'MD', 'mandiri', ' desa  MANDIRI', 'D. Mandiri', 'DESA-MANDIRI', 'Maju', 'Berkembang'];
	put('status-spellings.csv', csv(statusFields, PESAWARAN.map((r, i) => [r.KODE_DESA, r.NAMA_DESA, r.NAMA_KECAMATAN, '2024', spellings[i]])));
	const unknown = ['Mandiri?', 'M', 'Sangat', 'Maju Sekali', 'Mandiri Sejahtera', '5', 'Berkembang', 'Maju', 'Maju', 'Maju'];
	put('status-unknown.csv', csv(statusFields, PESAWARAN.map((r, i) => [r.KODE_DESA, r.NAMA_DESA, r.NAMA_KECAMATAN, '2024', unknown[i]])));

	// Recap counts that are not counts.
	put('recap-bad-counts.csv', csv(['KODE_KAB', 'TAHUN', 'MANDIRI', 'MAJU', 'BERKEMBANG', 'TERTINGGAL', 'SANGAT TERTINGGAL'], [
		['1809', '2022', '20', '-', '80', '10', '0'],
		['1809', '2023', '24', '44', 'delapan', '5', '0'],
		['1809', '2024', '26', '46', '76,5', '0', '0']
	]));

	// The 2023 release with quoted line breaks in names (the whole first Pringsewu kecamatan).
	const lampung = Papa.parse(readFileSync(ROOT + 'tests/fixtures/browser/idm-2023-lampung.csv', 'utf8'), { header: true, skipEmptyLines: true });
	const broken = lampung.data.filter((r) => /\n/.test(r.NAMA_DESA) || /\n/.test(r.NAMA_KECAMATAN)).slice(0, 12);
	put('release-2023-line-breaks.csv', csv(lampung.meta.fields, broken.map((r) => lampung.meta.fields.map((f) => r[f])), { newline: '\r\n' }));

	// Hostile names: markup, script, links, quotes, SQL, spreadsheet formulas.
	const payloads = [
		['<img src=x onerror="window.__xss=1;alert(1)">', '<svg onload="window.__xss=1"><script>window.__xss=1</script></svg>'],
		['</script><script>window.__xss=1</script>', '"><iframe src="javascript:window.__xss=1">'],
		['javascript:window.__xss=1//', '<a href="javascript:window.__xss=1">klik</a>'],
		["O'Brien \"Quoted\" ; DROP TABLE village_year; --", "'); DELETE FROM dataset; --"],
		['=HYPERLINK("http://example.invalid","x")', '+SUM(1,2)'],
		['@cmd|\' /C calc\'!A0', '-2+3'],
		['SELECT * FROM dataset', 'UNION SELECT 1'],
		['{{7*7}} ${alert(1)}', '&lt;b&gt;amp&amp;'],
		['<style>body{display:none}</style>', '<math><mtext><img src=x onerror=window.__xss=1>'],
		['\u202eKIRI\u202c', 'TAB\tDAN\nBARIS']
	];
	const hostile = rows().map((row, i) => {
		const copy = [...row];
		copy[FIELDS.indexOf('NAMA_DESA')] = payloads[i][0];
		copy[FIELDS.indexOf('NAMA_KECAMATAN')] = payloads[i][1];
		return copy;
	});
	put('hostile-names.csv', csv(FIELDS, hostile));
	// Without codes, names are matched and shown as unresolved: the payloads reach the report too.
	put(
		'hostile-names-without-codes.csv',
		csv(['KODE_KAB', 'NAMA_KABUPATEN', 'NAMA_KECAMATAN', 'NAMA_DESA', 'TAHUN', 'STATUS_IDM'], hostile.map((r) => ['1809', 'PESAWARAN', r[FIELDS.indexOf('NAMA_KECAMATAN')], r[FIELDS.indexOf('NAMA_DESA')], '2024', 'MAJU']))
	);

	for (const [name, content] of files) writeFileSync(BAD_DIR + name, content);
	return [...files.keys()];
}

/** The workbooks: merged header cells, formulas and several sheets; and one with no table. */
async function makeWorkbooks() {
	const { default: writeXlsxFile } = await import('write-excel-file/node');
	const number = (value) => ({ type: Number, value: Number(value) });
	const text = (value) => ({ type: String, value });
	const header1 = [
		text('No'),
		{ ...text('KODE DESA'), rowSpan: 2 },
		{ ...text('NAMA DESA'), rowSpan: 2 },
		{ ...text('KECAMATAN'), rowSpan: 2 },
		{ ...text('NILAI'), columnSpan: 4 },
		null,
		null,
		null,
		{ ...text('STATUS IDM'), rowSpan: 2 }
	];
	const header2 = [null, null, null, null, text('IKS'), text('IKE'), text('IKL'), text('IDM'), null];
	const body = PESAWARAN.map((r, i) => [
		number(i + 1),
		text(r.KODE_DESA),
		text(r.NAMA_DESA),
		text(r.NAMA_KECAMATAN),
		number(r.IKS_2024),
		number(r.IKE_2024),
		number(r.IKL_2024),
		// Saved without a computed value, as a script writes it: the dashboard computes IDM itself.
		{ type: 'Formula', value: `ROUND(AVERAGE(E${i + 4}:G${i + 4}),4)` },
		text(r.STATUS_IDM_2024)
	]);
	const title = [[text('IDM KABUPATEN PESAWARAN TAHUN 2024')], [null]];
	const notes = [[text('Catatan: sumber Kemendesa PDTT, diunduh 2024.')]];
	const recap = [
		[text('TAHUN'), text('MANDIRI'), text('MAJU'), text('BERKEMBANG'), text('TERTINGGAL'), text('SANGAT TERTINGGAL'), text('JUMLAH')],
		[number(2024), number(26), number(46), number(76), number(0), number(0), { type: 'Formula', value: 'SUM(B2:F2)' }]
	];
	const workbook = await writeXlsxFile([
		{ sheet: 'Catatan', data: notes },
		{ sheet: 'IDM 2024', data: [...title.slice(0, 1), header1, header2, ...body] },
		{ sheet: 'Rekap', data: recap }
	]).toBuffer();
	writeFileSync(BAD_DIR + 'workbook-merged-formulas-sheets.xlsx', workbook);
	writeFileSync(BAD_DIR + 'workbook-empty.xlsx', await writeXlsxFile([{ sheet: 'Sheet1', data: [[null]] }]).toBuffer());
	writeFileSync(BAD_DIR + 'workbook-truncated.xlsx', workbook.subarray(0, Math.floor(workbook.length / 2)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	for (const name of makeAll()) console.log(BAD_DIR + name);
	await makeWorkbooks();
	makeWideFixtures();
}
