import type { Database } from '../db/database';
import { openBrowserDatabase } from '../db/browser';
import { BUNDLED_DATASETS, loadBundledDatasets } from './bundled';

async function fetchBytes(url: string): Promise<Uint8Array> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
	return new Uint8Array(await response.arrayBuffer());
}

/**
 * Starts DuckDB and downloads the bundled files at the same time, then loads them.
 * Browser only: import it dynamically from a page.
 */
export async function openBundledBrowserDatabase(dataUrl: string): Promise<Database> {
	const downloads = new Map(BUNDLED_DATASETS.map(({ file }) => [file, fetchBytes(`${dataUrl}/${file}`)]));
	for (const download of downloads.values()) download.catch(() => {}); // awaited below; no unhandled rejection meanwhile
	const db = await openBrowserDatabase();
	// User Timing marks: the benchmark (scripts/bench.mjs) reads them; free when nobody does.
	performance.mark('idm:duckdb-ready');
	await loadBundledDatasets(db, (file) => downloads.get(file) ?? Promise.reject(new Error(`not bundled: ${file}`)));
	performance.mark('idm:bundled-loaded');
	return db;
}
