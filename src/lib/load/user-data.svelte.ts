import type { Database } from '../db/database';
import { removeDataset, type StagedCounts } from '../db/load-queries';
import { codedRegencyYears, insertKecamatanAliases, refreshNameMatches, resolveName } from '../db/match-queries';
import { listRegencies } from '../db/status-queries';
import { rowsOf } from '../db/arrow';
import type { KecamatanAlias } from '../domain/names';
import { loadPreparedTable, type LoadChoice } from './load-file';
import { prepareFileOffThread } from './prepare-off-thread';
import { initialChoice, missingInputs, suggestChoice, suggestionNeeds, type RememberedChoices, type Suggestion } from './choices';
import { isPrepared, prepareTables, type NamedFile, type PreparedTable, type Preparer } from './prepare';
import { fetchDataFile, fileNameOf, RemoteFileError } from './remote';
import { forgetAllFiles, forgetFile, storedFiles, storeFile, type StoredFile } from './stored-files';

const ALIASES_KEY = 'idm-dasbor:alias-kecamatan';
const RESOLUTIONS_KEY = 'idm-dasbor:nama-desa';

/** A user's answer to "which village is this name?", kept in the browser. */
export interface NameResolution {
	kodeKab: string;
	kecamatan: string;
	desa: string;
	kodeDesa: string;
}

function readList<T>(key: string): T[] {
	try {
		const value: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
		return Array.isArray(value) ? (value as T[]) : [];
	} catch {
		return [];
	}
}

/** A dataset name not yet taken: the table's name, numbered when loaded twice. */
export async function freeSourceName(db: Database, name: string): Promise<string> {
	const taken = new Set(rowsOf<{ source: string }>(await db.query('SELECT source FROM dataset')).map((d) => d.source));
	let candidate = name;
	for (let n = 2; taken.has(candidate); n++) candidate = `${name} (${n})`;
	return candidate;
}

/** Loads a user's table and keeps it in the browser; replaces `replacing` only once it loaded. */
export async function loadUserTable(
	db: Database,
	file: NamedFile,
	table: PreparedTable,
	choice: LoadChoice,
	options: { signal?: AbortSignal; replacing?: string; persist?: boolean; prepare?: Preparer; matchNames?: boolean } = {}
): Promise<{ source: string; counts: StagedCounts }> {
	const source = await freeSourceName(db, table.name);
	const counts = await loadPreparedTable(db, source, table, choice, {
		signal: options.signal,
		prepare: options.prepare ?? prepareFileOffThread,
		matchNames: options.matchNames
	});
	if (options.replacing) await removeUserDataset(db, options.replacing);
	if (options.persist !== false) {
		// A choice edited in a form is a Svelte proxy: IndexedDB stores plain data.
		const plain = $state.snapshot(choice) as LoadChoice;
		await storeFile({ source, fileName: file.name, tableName: table.name, blob: file.blob, choice: plain, storedAt: Date.now() });
	}
	return { source, counts };
}

export async function removeUserDataset(db: Database, source: string): Promise<void> {
	await removeDataset(db, source);
	await refreshNameMatches(db);
	await forgetFile(source);
}

/** Removes everything the user loaded or told the dashboard; the bundled data stays. */
export async function clearUserData(db: Database, sources: readonly string[]): Promise<void> {
	for (const source of sources) await removeDataset(db, source);
	await forgetAllFiles();
	localStorage.removeItem(ALIASES_KEY);
	localStorage.removeItem(RESOLUTIONS_KEY);
	await db.query('DELETE FROM name_resolution');
	await refreshNameMatches(db);
}

export async function addKecamatanAlias(db: Database, alias: KecamatanAlias): Promise<void> {
	await insertKecamatanAliases(db, [alias]);
	localStorage.setItem(ALIASES_KEY, JSON.stringify([...readList<KecamatanAlias>(ALIASES_KEY), alias]));
	await refreshNameMatches(db);
}

export async function addNameResolution(db: Database, resolution: NameResolution): Promise<void> {
	await resolveName(db, resolution.kodeKab, resolution.kecamatan, resolution.desa, resolution.kodeDesa);
	localStorage.setItem(RESOLUTIONS_KEY, JSON.stringify([...readList<NameResolution>(RESOLUTIONS_KEY), resolution]));
	await refreshNameMatches(db);
}

/**
 * Puts back what the user loaded and told the dashboard in earlier visits. Returns the names of
 * the files that could not be loaded again (they stay stored).
 */
export async function restoreUserData(db: Database): Promise<string[]> {
	const aliases = readList<KecamatanAlias>(ALIASES_KEY);
	const resolutions = readList<NameResolution>(RESOLUTIONS_KEY);
	const files = await storedFiles();
	// Nothing kept: the names of what is loaded (the bundled data) are matched already.
	if (aliases.length + resolutions.length + files.length === 0) return [];
	await insertKecamatanAliases(db, aliases);
	for (const r of resolutions) await resolveName(db, r.kodeKab, r.kecamatan, r.desa, r.kodeDesa);
	const failed: string[] = [];
	for (const stored of files) {
		try {
			const file = { name: stored.fileName, blob: storedBlob(stored) };
			const table = (await prepareTables(file, prepareFileOffThread)).find((t) => t.name === stored.tableName);
			if (!table || !isPrepared(table)) throw new Error('table not found');
			await loadPreparedTable(db, stored.source, table, stored.choice, { matchNames: false, prepare: prepareFileOffThread });
		} catch {
			failed.push(stored.source);
		}
	}
	await refreshNameMatches(db);
	return failed;
}

/** A stored file's content; files kept by earlier versions hold their bytes. */
function storedBlob(stored: StoredFile & { bytes?: Uint8Array<ArrayBuffer> }): Blob {
	return stored.blob ?? new Blob([stored.bytes ?? new Uint8Array()]);
}

/** The first choice for a table, with what its title and the loaded data let the page fill in. */
export async function suggestFor(db: Database, table: PreparedTable, remembered: RememberedChoices): Promise<Suggestion> {
	const choice = initialChoice(table, remembered);
	// Only what the suggestion looks at: both are scans of every loaded village row, and each of
	// ten yearly releases chosen together would wait for them over the years before it.
	const needs = suggestionNeeds(choice);
	const [regencies, covered] = await Promise.all([
		needs.regencies ? listRegencies(db) : [],
		needs.coverage ? codedRegencyYears(db) : new Set<string>()
	]);
	return suggestChoice(table, choice, regencies, covered);
}

/**
 * Loads a file a shared link names with the choices its columns suggest. Returns problems as
 * `[address, reason code]` texts; a table that needs the user's input is reported, not guessed.
 */
export async function loadUrlForView(db: Database, url: string): Promise<string[]> {
	let bytes: Uint8Array<ArrayBuffer>;
	try {
		bytes = await fetchDataFile(url);
	} catch (error) {
		return [`${url}|${error instanceof RemoteFileError ? error.reason : 'network'}`];
	}
	const problems: string[] = [];
	const file = { name: fileNameOf(url), blob: new Blob([bytes]) };
	for (const table of await prepareTables(file, prepareFileOffThread)) {
		if (!isPrepared(table)) {
			problems.push(`${url}|${table.reason}`);
			continue;
		}
		const { choice } = await suggestFor(db, table, {});
		if (!choice.kind || missingInputs(choice.kind, choice.mapping ?? [], choice.defaults).length > 0) {
			problems.push(`${url}|needs-input`);
			continue;
		}
		await loadUserTable(db, file, table, { ...choice, kind: choice.kind }, { persist: false });
	}
	return problems;
}
