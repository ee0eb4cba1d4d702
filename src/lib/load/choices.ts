import type { DatasetKind, DatasetRole, StagedColumn, StagedDefaults } from '../db/load-queries';
import type { LoadChoice } from './load-file';
import { mappingFor, type PreparedTable } from './prepare';

/** What a table still needs before it can load: a year, a regency, or a kind at all. */
export type MissingInput = 'kind' | 'tahun' | 'kodeKab' | 'village';

/**
 * What a table with a chosen kind and mapping cannot say by itself, so the user must.
 * @example missingInputs(seed003Table, { kind: 'scores', mapping, defaults: noDefaults }) // ['tahun', 'kodeKab']
 */
export function missingInputs(kind: DatasetKind | null, mapping: readonly StagedColumn[], defaults: StagedDefaults): MissingInput[] {
	if (!kind) return ['kind'];
	const fields = new Set(mapping.map((column) => column.field));
	const missing: MissingInput[] = [];
	const hasYear = fields.has('tahun') || mapping.some((column) => column.tahun !== null) || defaults.tahun !== null;
	if (!hasYear) missing.push('tahun');
	if (kind === 'recap') {
		if (!fields.has('kode_kab') && !fields.has('nama_kabupaten') && !defaults.kodeKab) missing.push('kodeKab');
		return missing;
	}
	if (!fields.has('kode_desa') && !fields.has('nama_desa')) missing.push('village');
	if (!fields.has('kode_desa') && !fields.has('kode_kab') && !defaults.kodeKab) missing.push('kodeKab');
	return missing;
}

/** The signature under which a corrected mapping is remembered: the headers, in order. */
export function headerSignature(headers: readonly string[]): string {
	return headers.map((header) => header.trim().toUpperCase()).join('\u241f');
}

/** Choices the user made for files with a given header, remembered in the browser. */
export type RememberedChoices = Record<string, { kind: DatasetKind; mapping: StagedColumn[] }>;

/**
 * The first choice for a table: what the user chose before for the same header, else what its
 * columns suggest; loaded as a primary dataset.
 */
export function initialChoice(table: PreparedTable, remembered: RememberedChoices, role: DatasetRole = 'primary'): LoadChoice & { kind: DatasetKind | null } {
	const before = remembered[headerSignature(table.headers)];
	const kind = before?.kind ?? table.kind;
	return {
		kind: kind as DatasetKind,
		role,
		mapping: before?.mapping ?? mappingFor(kind, table.headers),
		defaults: { tahun: null, kodeKab: null, namaKabupaten: null }
	};
}
