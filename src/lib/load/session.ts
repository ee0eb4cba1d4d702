import type { Database } from '../db/database';
import { insertScheme } from '../db/load-queries';
import { BUILT_IN_SCHEMES, type StatusScheme } from '../domain/schemes';

let opening: Promise<Database> | null = null;

/** Stored files that could not be loaded again at the start of this visit. */
export let restoreFailures: string[] = [];
/** Each scheme's registration, shared: two views asking at once insert its bands once. */
const registeredSchemes = new Map<string, Promise<void>>(BUILT_IN_SCHEMES.map((scheme) => [scheme.id, Promise.resolve()]));

/**
 * The dashboard's one database for the whole visit: started on first use (DuckDB and the bundled
 * files in parallel), with what the user loaded in earlier visits put back, shared by every view.
 * A failed start is forgotten so "try again" can work.
 */
export function dashboardDatabase(dataUrl: string): Promise<Database> {
	if (!opening) {
		opening = Promise.all([import('./bundled-browser'), import('./user-data.svelte')]).then(
			async ([{ openBundledBrowserDatabase }, { restoreUserData }]) => {
				const db = await openBundledBrowserDatabase(dataUrl);
				restoreFailures = await restoreUserData(db);
				return db;
			}
		);
		opening.catch(() => (opening = null));
	}
	return opening;
}

/** Makes a user's scheme known to the queries, once per visit. */
export function ensureScheme(db: Database, scheme: StatusScheme): Promise<void> {
	let registered = registeredSchemes.get(scheme.id);
	if (!registered) {
		registered = insertScheme(db, scheme);
		registeredSchemes.set(scheme.id, registered);
		// A failed insert is tried again by the next view that needs the scheme.
		registered.catch(() => registeredSchemes.delete(scheme.id));
	}
	return registered;
}
