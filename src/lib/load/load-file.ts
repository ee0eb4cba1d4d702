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
	recordDatasetRows,
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
import { insertTypedVillages } from '../db/typed-load-queries';
import { insertKecamatanAliases, refreshNameMatches } from '../db/match-queries';
import { createSchema } from '../db/schema';
import { makeRoomForVillageRows, startVillageRowsUncompressed } from '../db/village-storage';
import { KNOWN_KECAMATAN_ALIASES } from '../domain/names';
import { BUILT_IN_SCHEMES } from '../domain/schemes';
import { STATUS_ALIASES, STATUS_ORDER } from '../domain/status';
import { isPrepared, mappingFor, prepareWhole, type PreparedTable, type Preparer, type UnreadableFile } from './prepare';
import { prepareFileOffThread } from './prepare-off-thread';
import { typedReadOf } from './typed-read';
import { lineParts } from './line-parts';

/** Creates the tables and puts the domain's schemes, status spellings and aliases in them. */
export async function prepareDatabase(db: Database): Promise<void> {
	await createSchema(db);
	await startVillageRowsUncompressed(db);
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

/** A table that turned out unreadable once its whole file was read (a head can look clean). */
export class UnreadableTableError extends Error {
	constructor(readonly refusal: UnreadableFile) {
		super(refusal.reason);
		this.name = 'UnreadableTableError';
	}
}

let typedFiles = 0;

/** How much of a large file DuckDB reads per statement (line-parts.ts says why). */
const TYPED_PART_BYTES = 8 * 1024 * 1024;

/** Registers a large file's parts for DuckDB, each under a name of its own, in order. */
async function registerParts(db: Database, file: Blob, partBytes: number): Promise<string[]> {
	const id = ++typedFiles;
	const parts = await lineParts(file, partBytes);
	const names = parts.map((_, index) => `typed-${id}-${index + 1}.csv`);
	for (const [index, part] of parts.entries()) await db.registerBlob(names[index]!, part);
	return names;
}

/**
 * Loads one prepared table as a dataset named `source`, replacing a dataset of that name. A table
 * that fails to load, or whose load is cancelled, leaves everything loaded before as it was.
 * Names are matched to codes afterwards unless `matchNames` is false, for a caller that loads
 * several tables and matches once at the end. A table prepared from the head of a large file
 * (`whole`) is read by DuckDB straight from the file when it is clean, `partBytes` at a time;
 * otherwise the whole file is prepared (by `prepare`) and loaded the validated way.
 */
export async function loadPreparedTable(
	db: Database,
	source: string,
	table: PreparedTable,
	choice: LoadChoice,
	options: { signal?: AbortSignal; matchNames?: boolean; prepare?: Preparer; partBytes?: number; compressFromRows?: number } = {}
): Promise<StagedCounts> {
	const { signal, prepare = prepareFileOffThread, partBytes = TYPED_PART_BYTES } = options;
	const mapping = choice.mapping ?? mappingFor(choice.kind, table.headers);
	// Cancelling is checked between statements: DuckDB cannot stop one midway, but nothing of
	// the table is kept once the running statement ends.
	signal?.throwIfAborted();
	if (choice.kind === 'scores' || choice.kind === 'status') {
		await makeRoomForVillageRows(db, estimatedVillageYears(table, mapping), options.compressFromRows);
	}
	if (table.whole) {
		const layout = typedReadOf(table, choice.kind, mapping);
		if (layout) {
			const files = await registerParts(db, table.whole, partBytes);
			const read = { ...layout, files };
			const counts = await asDataset(db, source, choice, options, () => insertTypedVillages(db, source, read, choice.defaults, STATUS_ORDER, signal));
			if (counts) return counts;
		}
		const whole = await prepareWhole(table, prepare, signal);
		if (!isPrepared(whole)) throw new UnreadableTableError(whole);
		table = whole;
	}
	const staged = `${source}.staged.csv`;
	await db.registerFile(staged, new TextEncoder().encode(table.text));
	const headers = await stageCsv(db, staged, table.delimiter);
	signal?.throwIfAborted();
	// Headers as DuckDB read them; a corrected mapping names them as the preview showed them.
	const known = new Set(headers);
	await stageMapping(db, mapping.filter((column) => known.has(column.header)));
	const rowIssues = table.rowIssues ?? [];
	const counts = await asDataset(db, source, choice, options, async () => {
		await insertRowIssues(db, source, rowIssues);
		const staged =
			choice.kind === 'recap'
				? await insertStagedRecap(db, source, choice.defaults)
				: ((await insertStagedVillagesByColumn(db, source, choice.defaults)) ?? (await insertStagedVillages(db, source, choice.defaults)));
		return { ...staged, rejected: staged.rejected + rowIssues.length };
	});
	return counts!;
}

/**
 * About how many village-years a table gives: the file's size over the bytes per line of its
 * first 64 KB, times the years a line holds (a wide file has a column per year).
 */
function estimatedVillageYears(table: PreparedTable, mapping: readonly StagedColumn[]): number {
	const sample = table.text.slice(0, 65_536);
	const bytesPerLine = sample.length / Math.max(1, sample.split('\n').length - 1);
	const years = new Set(mapping.flatMap((column) => (column.tahun == null ? [] : [column.tahun]))).size;
	return Math.ceil((table.whole?.size ?? table.text.length) / Math.max(1, bytesPerLine)) * Math.max(1, years);
}

/**
 * Registers `source` and puts its rows in with `insert`, then what every load does after: the
 * rows read, demoting code-less datasets, matching names. Whatever fails, or an insert that
 * declines (null), leaves nothing of `source`.
 */
async function asDataset(
	db: Database,
	source: string,
	choice: LoadChoice,
	options: { signal?: AbortSignal; matchNames?: boolean },
	insert: () => Promise<StagedCounts | null>
): Promise<StagedCounts | null> {
	const { signal, matchNames = true } = options;
	signal?.throwIfAborted();
	await removeDataset(db, source);
	await registerDataset(db, source, choice.kind, choice.role);
	try {
		signal?.throwIfAborted();
		const counts = await insert();
		if (!counts) {
			await removeDataset(db, source);
			return null;
		}
		signal?.throwIfAborted();
		await recordDatasetRows(db, source, counts.read);
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
