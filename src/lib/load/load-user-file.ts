import type { Database } from '../db/database';
import type { StagedCounts } from '../db/load-queries';
import { missingInputs, type MissingInput, type RememberedChoices } from './choices';
import { checkFileSize } from './limits';
import { isPrepared, prepareFile, type PreparedTable, type RefusalReason, type UnreadableFile } from './prepare';
import { loadUserTable, suggestFor } from './user-data.svelte';

/** What became of one table of a file: loaded, refused with a reason, waiting for the user, or failed. */
export type TableOutcome =
	| { table: string; outcome: 'loaded'; source: string; counts: StagedCounts }
	| { table: string; outcome: 'refused'; reason: RefusalReason; detail?: Record<string, string | number> }
	| { table: string; outcome: 'needs-input'; missing: MissingInput[]; prepared: PreparedTable }
	| { table: string; outcome: 'failed'; reason: 'cancelled' | 'database-error'; detail: { message: string } };

/** Reads a file's tables: in a worker in the browser (prepare-off-thread.ts), directly in Node. */
export type Preparer = (name: string, bytes: Uint8Array, signal?: AbortSignal) => Promise<(PreparedTable | UnreadableFile)[]>;

/** A file as the page gets it: its name and size first, its bytes only when asked. */
export interface FileLike {
	name: string;
	size: number;
	arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * The bytes of a file, or its refusal when it is larger than the limit: the size is known
 * before reading, so a 2 GB file costs nothing.
 */
export async function readWithinLimit(file: FileLike): Promise<{ bytes: Uint8Array } | UnreadableFile> {
	const refusal = checkFileSize(file);
	if (refusal) return refusal;
	return { bytes: new Uint8Array(await file.arrayBuffer()) };
}

function failure(table: string, error: unknown, signal?: AbortSignal): TableOutcome {
	const cancelled = signal?.aborted || (error instanceof Error && error.name === 'AbortError');
	return {
		table,
		outcome: 'failed',
		reason: cancelled ? 'cancelled' : 'database-error',
		detail: { message: error instanceof Error ? error.message : String(error) }
	};
}

/**
 * Loads every table of a file with the choices its columns and title suggest, as a shared link's
 * file is loaded. Never throws: whatever goes wrong comes back as an outcome per table, and a
 * table that fails leaves everything loaded before as it was.
 */
export async function loadFileAsSuggested(
	db: Database,
	file: { name: string; bytes: Uint8Array },
	options: { signal?: AbortSignal; prepare?: Preparer; remembered?: RememberedChoices; persist?: boolean } = {}
): Promise<TableOutcome[]> {
	const { signal, prepare = prepareFile, remembered = {}, persist = false } = options;
	let tables: (PreparedTable | UnreadableFile)[];
	try {
		tables = await prepare(file.name, file.bytes, signal);
	} catch (error) {
		return [failure(file.name, error, signal)];
	}
	const outcomes: TableOutcome[] = [];
	for (const table of tables) {
		if (!isPrepared(table)) {
			outcomes.push({ table: table.name, outcome: 'refused', reason: table.reason, ...(table.detail ? { detail: table.detail } : {}) });
			continue;
		}
		try {
			signal?.throwIfAborted();
			const { choice } = await suggestFor(db, table, remembered);
			const missing = missingInputs(choice.kind, choice.mapping ?? [], choice.defaults);
			if (!choice.kind || missing.length > 0) {
				outcomes.push({ table: table.name, outcome: 'needs-input', missing, prepared: table });
				continue;
			}
			const { source, counts } = await loadUserTable(db, file, table, { ...choice, kind: choice.kind }, { signal, persist });
			outcomes.push({ table: table.name, outcome: 'loaded', source, counts });
		} catch (error) {
			outcomes.push(failure(table.name, error, signal));
		}
	}
	return outcomes;
}
