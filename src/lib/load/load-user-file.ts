import type { Database } from '../db/database';
import type { StagedCounts } from '../db/load-queries';
import { missingInputs, type MissingInput, type RememberedChoices } from './choices';
import { UnreadableTableError } from './load-file';
import { isPrepared, prepareTables, type NamedFile, type Preparer, type PreparedTable, type RefusalReason, type UnreadableFile } from './prepare';
import { prepareFileOffThread } from './prepare-off-thread';
import { loadUserTable, suggestFor } from './user-data.svelte';

/** What became of one table of a file: loaded, refused with a reason, waiting for the user, or failed. */
export type TableOutcome =
	| { table: string; outcome: 'loaded'; source: string; counts: StagedCounts }
	| { table: string; outcome: 'refused'; reason: RefusalReason; detail?: Record<string, string | number> }
	| { table: string; outcome: 'needs-input'; missing: MissingInput[]; prepared: PreparedTable }
	| { table: string; outcome: 'failed'; reason: 'cancelled' | 'database-error'; detail: { message: string } };


function failure(table: string, error: unknown, signal?: AbortSignal): TableOutcome {
	if (error instanceof UnreadableTableError) {
		const { reason, detail } = error.refusal;
		return { table, outcome: 'refused', reason, ...(detail ? { detail } : {}) };
	}
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
	file: NamedFile,
	options: { signal?: AbortSignal; prepare?: Preparer; remembered?: RememberedChoices; persist?: boolean } = {}
): Promise<TableOutcome[]> {
	const { signal, prepare = prepareFileOffThread, remembered = {}, persist = false } = options;
	let tables: (PreparedTable | UnreadableFile)[];
	try {
		tables = await prepareTables(file, prepare, signal);
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
			const { source, counts } = await loadUserTable(db, file, table, { ...choice, kind: choice.kind }, { signal, persist, prepare });
			outcomes.push({ table: table.name, outcome: 'loaded', source, counts });
		} catch (error) {
			outcomes.push(failure(table.name, error, signal));
		}
	}
	return outcomes;
}
