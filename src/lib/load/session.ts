import type { Database } from '../db/database';
import { insertScheme } from '../db/load-queries';
import { BUILT_IN_SCHEMES, type StatusScheme } from '../domain/schemes';

let opening: Promise<Database> | null = null;
const registeredSchemes = new Set(BUILT_IN_SCHEMES.map((scheme) => scheme.id));

/**
 * The dashboard's one database for the whole visit: started on first use (DuckDB and the bundled
 * files in parallel), shared by every view. A failed start is forgotten so "try again" can work.
 */
export function dashboardDatabase(dataUrl: string): Promise<Database> {
	if (!opening) {
		opening = import('./bundled-browser').then(({ openBundledBrowserDatabase }) => openBundledBrowserDatabase(dataUrl));
		opening.catch(() => (opening = null));
	}
	return opening;
}

/** Makes a user's scheme known to the queries, once per visit. */
export async function ensureScheme(db: Database, scheme: StatusScheme): Promise<void> {
	if (registeredSchemes.has(scheme.id)) return;
	await insertScheme(db, scheme);
	registeredSchemes.add(scheme.id);
}
