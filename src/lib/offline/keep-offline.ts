import { selectBundle } from '@duckdb/duckdb-wasm';
import { SELF_HOSTED_BUNDLES } from '../db/bundles';

/** What the page asks its service worker to keep: files too large to fetch on install. */
export interface KeepMessage {
	type: 'keep';
	urls: string[];
}

/**
 * Asks the service worker to keep the DuckDB files this browser uses. DuckDB's worker fetched them
 * before the service worker took over the first visit, so without this the first visit would
 * leave the site unable to open offline. Import dynamically, on the client only.
 */
export async function keepDatabaseOffline(): Promise<void> {
	if (!('serviceWorker' in navigator)) return;
	const registration = await navigator.serviceWorker.ready;
	const bundle = await selectBundle(SELF_HOSTED_BUNDLES);
	const urls = [bundle.mainModule, bundle.mainWorker].filter((url): url is string => typeof url === 'string');
	const message: KeepMessage = { type: 'keep', urls: urls.map((url) => new URL(url, location.href).href) };
	registration.active?.postMessage(message);
}
