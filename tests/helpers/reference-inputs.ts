import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { YearInput } from '../../src/lib/domain/indicators';
import { parseScore } from '../../src/lib/domain/idm';
import { classify, type StatusScheme } from '../../src/lib/domain/schemes';
import { nameKey } from '../../src/lib/domain/names';
import { normalizeStatus, STATUS_ORDER, type Status } from '../../src/lib/domain/status';
import { DATA_DIR } from './bundled-db';

/**
 * The bundled files read with PapaParse and classified with the domain code alone, without DuckDB:
 * the independent inputs the SQL is checked against.
 */
function csv(file: string): Record<string, string>[] {
	return Papa.parse<Record<string, string>>(readFileSync(DATA_DIR + file, 'utf8'), {
		header: true,
		skipEmptyLines: true
	}).data;
}

function emptyCounts(): Record<Status, number> {
	return Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<Status, number>;
}

function fromRelease(file: string, year: number, kodeKab: string, scheme: StatusScheme): YearInput | null {
	const rows = csv(file).filter((r) => r.KODE_KAB === kodeKab);
	if (rows.length === 0) return null;
	const counts = emptyCounts();
	const villages = new Map<string, Status | null>();
	for (const row of rows) {
		const status = classify(parseScore(row[`NILAI_IDM_${year}`]), scheme);
		if (status) counts[status] += 1;
		villages.set(row.KODE_DESA!, status);
	}
	return { tahun: year, counts, total: rows.length, basis: 'scores', villages };
}

function fromRecap(kodeKab: string): YearInput[] {
	return csv('rekap-status-desa.csv')
		.filter((r) => r.KODE_KAB === kodeKab)
		.map((r) => {
			const counts = emptyCounts();
			for (const status of STATUS_ORDER) counts[status] = Number(r[status]);
			const total = STATUS_ORDER.reduce((sum, status) => sum + counts[status], 0);
			return { tahun: Number(r.TAHUN), counts, total, basis: 'recap', villages: null };
		});
}

/** Codes by (kecamatan, village) name key, for names that point to exactly one coded village. */
function codesByName(kodeKab: string): Map<string, string> {
	const codes = new Map<string, Set<string>>();
	for (const row of csv('idm-2024-empat-kabupaten.csv').filter((r) => r.KODE_KAB === kodeKab)) {
		const key = `${nameKey(row.NAMA_KECAMATAN)}|${nameKey(row.NAMA_DESA)}`;
		codes.set(key, (codes.get(key) ?? new Set()).add(row.KODE_DESA!));
	}
	return new Map([...codes].filter(([, set]) => set.size === 1).map(([key, set]) => [key, [...set][0]!]));
}

function fromStatusList(file: string, year: number, kodeKab: string): YearInput {
	const counts = emptyCounts();
	const rows = csv(file);
	const codes = codesByName(kodeKab);
	const villages = new Map<string, Status | null>();
	for (const row of rows) {
		const status = normalizeStatus(row['STATUS IDM']);
		if (status) counts[status] += 1;
		const code = codes.get(`${nameKey(row.KECAMATAN)}|${nameKey(row['NAMA DESA'])}`);
		if (code) villages.set(code, status);
	}
	return { tahun: year, counts, total: rows.length, basis: 'status', villages };
}

/** An area's years, oldest first; a year with village rows replaces the recap's counts for it. */
export function referenceYears(kodeKab: string, scheme: StatusScheme): YearInput[] {
	const years = new Map<number, YearInput>();
	for (const year of fromRecap(kodeKab)) years.set(year.tahun, year);
	if (kodeKab === '6311') years.set(2022, fromStatusList('status-desa-balangan-2022.csv', 2022, kodeKab));
	const y2023 = kodeKab === '1808' ? fromRelease('idm-2023-way-kanan.csv', 2023, kodeKab, scheme) : null;
	if (y2023) years.set(2023, y2023);
	const y2024 = fromRelease('idm-2024-empat-kabupaten.csv', 2024, kodeKab, scheme);
	if (y2024) years.set(2024, y2024);
	return [...years.values()].sort((a, b) => a.tahun - b.tahun);
}
