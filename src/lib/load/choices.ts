import type { DatasetKind, DatasetRole, StagedColumn, StagedDefaults } from '../db/load-queries';
import type { LoadChoice } from './load-file';
import { nameKey } from '../domain/names';
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

/** A regency the dashboard knows, by code and name. */
export interface KnownRegency {
	kode_kab: string;
	nama_kabupaten: string;
}

/** What was filled in for the user, and from where, so the page can say so. */
export interface Suggestion {
	choice: LoadChoice & { kind: DatasetKind | null };
	guessed: ('tahun' | 'kodeKab' | 'role')[];
}

/**
 * What of the loaded data a suggestion for `choice` looks at: the regencies' names, for a table
 * that does not say its regency; the regency-years coded data covers, for villages without codes.
 * A release with codes needs neither, so a file of one loads without asking the database.
 */
export function suggestionNeeds(choice: LoadChoice & { kind: DatasetKind | null }): { regencies: boolean; coverage: boolean } {
	return {
		regencies: missingInputs(choice.kind, choice.mapping ?? [], choice.defaults).includes('kodeKab'),
		coverage: choice.kind !== 'recap' && !(choice.mapping ?? []).some((column) => column.field === 'kode_desa')
	};
}

/**
 * Fills what a table does not say from what surrounds it: the year and the regency from its title
 * lines or its file name ("KABUPATEN WAY KANAN TAHUN 2023"), and, for villages without codes in a
 * regency-year that coded data already covers, the reconciliation role (so a report's table is
 * compared with the release instead of counted twice). Every guess is named in `guessed`.
 */
export function suggestChoice(
	table: PreparedTable,
	choice: LoadChoice & { kind: DatasetKind | null },
	regencies: readonly KnownRegency[],
	codedRegencyYears: ReadonlySet<string>
): Suggestion {
	const next = { ...choice, defaults: { ...choice.defaults } };
	const guessed: Suggestion['guessed'] = [];
	const context = `${table.preamble}\n${table.name}`;
	const needs = suggestionNeeds(next);
	if (missingInputs(next.kind, next.mapping ?? [], next.defaults).includes('tahun')) {
		const years = context.match(/\b(?:19|20)\d\d\b/g);
		if (years) {
			next.defaults.tahun = Number(years[years.length - 1]);
			guessed.push('tahun');
		}
	}
	if (needs.regencies) {
		const key = nameKey(context);
		// A regency loaded from a file without its name (codes only) cannot be named in a title.
		const named = regencies
			.filter((regency) => regency.nama_kabupaten)
			.sort((a, b) => b.nama_kabupaten.length - a.nama_kabupaten.length)
			.find((regency) => nameKey(regency.nama_kabupaten).length > 3 && key.includes(nameKey(regency.nama_kabupaten)));
		if (named) {
			next.defaults.kodeKab = named.kode_kab;
			next.defaults.namaKabupaten = named.nama_kabupaten;
			guessed.push('kodeKab');
		}
	}
	if (
		needs.coverage &&
		next.defaults.kodeKab &&
		next.defaults.tahun &&
		codedRegencyYears.has(`${next.defaults.kodeKab}|${next.defaults.tahun}`)
	) {
		next.role = 'reconciliation';
		guessed.push('role');
	}
	return { choice: next, guessed };
}
