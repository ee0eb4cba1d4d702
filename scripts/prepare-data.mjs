// Rebuilds the bundled CSVs in data/ from the shared national releases and the seed reports.
// Run by a developer only (CI and users get the committed files): node scripts/prepare-data.mjs [../shared]
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';

const shared = process.argv[2] ?? '../shared';
const SEED_REGENCIES = ['1808', '1607', '6311', '6213'];

function readCsv(path) {
	const parsed = Papa.parse(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true });
	if (parsed.errors.length) throw new Error(`${path}: ${parsed.errors[0].message}`);
	return parsed;
}

function writeCsv(name, fields, rows) {
	writeFileSync(join('data', name), Papa.unparse({ fields, data: rows }, { newline: '\n' }) + '\n');
	console.log(`data/${name}: ${rows.length} rows`);
}

function seedLines(prefix) {
	const file = readdirSync(join(shared, 'seeds')).find((f) => f.startsWith(prefix));
	return readFileSync(join(shared, 'seeds', file), 'utf8').split('\n');
}

/** Tab-separated numbered rows (`12\tNAME\t…`) between two line indices of a seed. */
function numberedRows(lines, from, to) {
	return lines
		.slice(from, to)
		.filter((line) => /^\d+\t/.test(line))
		.map((line) => line.replace(/\s+$/, '').split('\t'));
}

function releaseSubset(source, target, keep) {
	const { data, meta } = readCsv(join(shared, 'data', source));
	writeCsv(target, meta.fields, data.filter(keep));
}

releaseSubset('idm-2024-nasional.csv', 'idm-2024-empat-kabupaten.csv', (r) =>
	SEED_REGENCIES.includes(r.KODE_KAB)
);
releaseSubset('idm-2023-lampung.csv', 'idm-2023-way-kanan.csv', (r) => r.KODE_KAB === '1808');

// Seed 003, table 2.5: printed over several pages, each page repeating the header.
const waykanan = seedLines('003_');
const tableStart = waykanan.findIndex((l) => l.startsWith('NO.\tNAMA DESA\tKECAMATAN\tIDM\tSTATUS'));
const tableEnd = waykanan.findIndex((l, i) => i > tableStart && l.startsWith('(Sumber Data'));
writeCsv(
	'lkjip-way-kanan-2023-tabel-2-5.csv',
	['NO.', 'NAMA DESA', 'KECAMATAN', 'IDM', 'STATUS'],
	numberedRows(waykanan, tableStart, tableEnd)
);

// Seed 002: one list per status; the text repeats rows 79-96 of the MAJU list (a duplicated page).
const balangan = seedLines('002_');
const listsStart = balangan.findIndex((l) => l.includes('DATA DESA DENGAN STATUS DESA BERKEMBANG'));
const listsEnd = balangan.findIndex((l, i) => i > listsStart && l.startsWith('Adapun faktor'));
const seen = new Set();
const lists = numberedRows(balangan, listsStart, listsEnd).filter((row) => {
	const key = row.join('\t');
	if (seen.has(key)) return false;
	seen.add(key);
	return true;
});
writeCsv('status-desa-balangan-2022.csv', ['NO', 'NAMA DESA', 'KECAMATAN', 'STATUS IDM'], lists);
