import type { LoadChoice } from './load-file';

/** A dataset the user loaded, kept in this browser (IndexedDB) so a reload loses nothing. */
export interface StoredFile {
	source: string;
	fileName: string;
	/** The table of the file it is (a workbook's sheet). */
	tableName: string;
	/** The file as chosen: a Blob is kept on disk by the browser, not held in memory. */
	blob: Blob;
	choice: LoadChoice;
	storedAt: number;
}

const DB_NAME = 'idm-dasbor';
const STORE = 'berkas';

function open(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const request = indexedDB.open(DB_NAME, 1);
		request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'source' });
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
}

async function transact<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
	const db = await open();
	try {
		return await new Promise<T>((resolve, reject) => {
			const request = run(db.transaction(STORE, mode).objectStore(STORE));
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
	} finally {
		db.close();
	}
}

export function storeFile(file: StoredFile): Promise<IDBValidKey> {
	return transact('readwrite', (store) => store.put(file));
}

export async function storedFiles(): Promise<StoredFile[]> {
	const files = await transact<StoredFile[]>('readonly', (store) => store.getAll());
	return files.sort((a, b) => a.storedAt - b.storedAt);
}

export function forgetFile(source: string): Promise<undefined> {
	return transact('readwrite', (store) => store.delete(source));
}

export function forgetAllFiles(): Promise<undefined> {
	return transact('readwrite', (store) => store.clear());
}
