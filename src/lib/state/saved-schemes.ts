import { parseScheme, type StatusScheme } from '../domain/schemes';

const STORAGE_KEY = 'idm-dasbor:skema';

/** The user's own schemes saved in this browser, valid ones only. */
export function loadSavedSchemes(storage: Storage): StatusScheme[] {
	try {
		const ids: unknown = JSON.parse(storage.getItem(STORAGE_KEY) ?? '[]');
		if (!Array.isArray(ids)) return [];
		return ids.flatMap((id) => (typeof id === 'string' ? (parseScheme(id) ?? []) : []));
	} catch {
		return [];
	}
}

/** Adds a scheme to the saved ones (once). */
export function saveScheme(storage: Storage, scheme: StatusScheme): StatusScheme[] {
	const saved = loadSavedSchemes(storage).filter((s) => s.id !== scheme.id);
	const next = [...saved, scheme];
	storage.setItem(STORAGE_KEY, JSON.stringify(next.map((s) => s.id)));
	return next;
}
