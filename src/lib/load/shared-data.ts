import type { Database } from '../db/database';
import { loadFileAsSuggested } from './load-user-file';
import { prepareFileOffThread } from './prepare-off-thread';
import { fetchDataFile, fileNameOf, originOf, RemoteFileError } from './remote';

/** What could not be loaded from a shared link's address: where from, why, and what the message needs. */
export interface SharedProblem {
	url: string;
	origin: string;
	/** The table of the file, for a workbook's sheet or a file that gave a table. */
	table?: string;
	reason: string;
	status?: number;
	detail?: Record<string, string | number>;
}

const loads = new Map<string, Promise<SharedProblem[]>>();

async function loadOne(db: Database, url: string, signal: AbortSignal): Promise<SharedProblem[]> {
	const origin = originOf(url);
	let bytes: Uint8Array<ArrayBuffer>;
	try {
		bytes = await fetchDataFile(url, signal);
	} catch (error) {
		if (error instanceof RemoteFileError) return [{ url, origin, reason: error.reason, status: error.status, detail: error.detail }];
		return [{ url, origin, reason: 'network' }];
	}
	const outcomes = await loadFileAsSuggested(db, { name: fileNameOf(url), blob: new Blob([bytes]) }, { signal, prepare: prepareFileOffThread });
	return outcomes.flatMap((outcome): SharedProblem[] => {
		switch (outcome.outcome) {
			case 'loaded':
				return [];
			case 'needs-input':
				return [{ url, origin, table: outcome.table, reason: 'needs-input' }];
			default:
				return [{ url, origin, table: outcome.table, reason: outcome.reason, detail: outcome.detail }];
		}
	});
}

/**
 * Loads the files a shared link names (`?data=`), once per address and visit, not kept in the
 * browser. Never throws; a cancelled address is forgotten so the next view can try it again.
 */
export function loadSharedFiles(db: Database, urls: readonly string[], signal: AbortSignal): Promise<SharedProblem[]> {
	return Promise.all(
		urls.map((url) => {
			let loading = loads.get(url);
			if (!loading) {
				loading = loadOne(db, url, signal);
				loads.set(url, loading);
				loading.then((problems) => {
					if (problems.some((p) => p.reason === 'cancelled')) loads.delete(url);
				});
			}
			return loading;
		})
	).then((problems) => problems.flat());
}
