import type { Database } from '../db/database';
import {
	demoteCodelessDatasets,
	insertScheme,
	insertStagedRecap,
	insertStagedVillages,
	insertStatusAliases,
	insertStatusRanks,
	insertRowIssues,
	insertTargetCsv,
	recordRowsRead,
	registerDataset,
	removeDataset,
	stageCsv,
	stageMapping,
	type DatasetKind,
	type DatasetRole,
	type StagedColumn,
	type StagedCounts,
	type StagedDefaults
} from '../db/load-queries';
import { insertStagedVillagesByColumn } from '../db/columnar-load-queries';
import { insertKecamatanAliases, refreshNameMatches } from '../db/match-queries';
import { createSchema } from '../db/schema';
import { KNOWN_KECAMATAN_ALIASES } from '../domain/names';
import { BUILT_IN_SCHEMES } from '../domain/schemes';
import { STATUS_ALIASES, STATUS_ORDER } from '../domain/status';
import { mappingFor, type PreparedTable } from './prepare';

/** Creates the tables and puts the domain's schemes, status spellings and aliases in them. */
export async function prepareDatabase(db: Database): Promise<void> {
	await createSchema(db);
	for (const scheme of BUILT_IN_SCHEMES) await insertScheme(db, scheme);
	const ownNames = Object.fromEntries(STATUS_ORDER.map((status) => [status, status]));
	await insertStatusAliases(db, { ...ownNames, ...STATUS_ALIASES });
	await insertStatusRanks(db, STATUS_ORDER);
	await insertKecamatanAliases(db, KNOWN_KECAMATAN_ALIASES);
}

/** How to load a prepared table: its kind and role, the mapping (recognised or corrected), defaults. */
export interface LoadChoice {
	kind: DatasetKind;
	role: DatasetRole;
	mapping?: readonly StagedColumn[];
	defaults: StagedDefaults;
}

export const NO_DEFAULTS: StagedDefaults = { tahun: null, kodeKab: null, namaKabupaten: null };

/**
 * Loads one prepared table as a dataset named `source`, replacing a dataset of that name. A table
 * that fails to load, or whose load is cancelled, leaves everything loaded before as it was.
 * Names are matched to codes afterwards unless `matchNames` is false, for a caller that loads
 * several tables and matches once at the end.
 */
export async function loadPreparedTable(
	db: Database,
	source: string,
	table: PreparedTable,
	choice: LoadChoice,
	options: { signal?: AbortSignal; matchNames?: boolean } = {}
): Promise<StagedCounts> {
	const { signal, matchNames = true } = options;
	const mapping = choice.mapping ?? mappingFor(choice.kind, table.headers);
	const staged = `${source}.staged.csv`;
	// Cancelling is checked between statements: DuckDB cannot stop one midway, but nothing of
	// the table is kept once the running statement ends.
	signal?.throwIfAborted();
	await db.registerFile(staged, new TextEncoder().encode(table.text));
	const headers = await stageCsv(db, staged, table.delimiter);
	signal?.throwIfAborted();
	// Headers as DuckDB read them; a corrected mapping names them as the preview showed them.
	const known = new Set(headers);
	await stageMapping(db, mapping.filter((column) => known.has(column.header)));
	signal?.throwIfAborted();
	await removeDataset(db, source);
	await registerDataset(db, source, choice.kind, choice.role);
	try {
		signal?.throwIfAborted();
		await insertRowIssues(db, source, table.rowIssues ?? []);
		const staged =
			choice.kind === 'recap'
				? await insertStagedRecap(db, source, choice.defaults)
				: ((await insertStagedVillagesByColumn(db, source, choice.defaults)) ?? (await insertStagedVillages(db, source, choice.defaults)));
		const counts = { ...staged, rejected: staged.rejected + (table.rowIssues?.length ?? 0) };
		signal?.throwIfAborted();
		await recordRowsRead(db, source, counts.read);
		if (choice.role === 'primary') await demoteCodelessDatasets(db, source);
		signal?.throwIfAborted();
		if (matchNames) await refreshNameMatches(db);
		return counts;
	} catch (error) {
		await removeDataset(db, source);
		throw error;
	}
}

/** Loads a registered target file in the project's target layout. */
export async function loadTargetFile(db: Database, file: string): Promise<number> {
	await registerDataset(db, file, 'targets', 'primary');
	return insertTargetCsv(db, file, file);
}
