import type { PreparedTable, UnreadableFile } from './prepare';

/**
 * Reads a file into tables in a Web Worker, so a large file never freezes the page. Cancelling
 * terminates the worker at once; a worker that dies (out of memory) gives a refusal, not a hang.
 * Where there are no workers (Node: the tests, the prerender) it reads in place.
 */
export async function prepareFileOffThread(name: string, bytes: Uint8Array, signal?: AbortSignal): Promise<(PreparedTable | UnreadableFile)[]> {
	// The worker imports this same chunk by its address (prepare.worker.ts). Reading in place here
	// is also what keeps `prepareFile` in it: the bundler sees no other use of it.
	const reader = await import('./prepare-file');
	if (typeof Worker === 'undefined') return reader.prepareFile(name, bytes);
	return prepareInWorker(reader.PREPARE_FILE_URL, name, bytes, signal);
}

function prepareInWorker(reader: string, name: string, bytes: Uint8Array, signal?: AbortSignal): Promise<(PreparedTable | UnreadableFile)[]> {
	return new Promise((resolve, reject) => {
		if (signal?.aborted) return reject(new DOMException('cancelled', 'AbortError'));
		const worker = new Worker(new URL('./prepare.worker.ts', import.meta.url), { type: 'module' });
		const finish = () => {
			worker.terminate();
			signal?.removeEventListener('abort', cancel);
		};
		const cancel = () => {
			finish();
			reject(new DOMException('cancelled', 'AbortError'));
		};
		signal?.addEventListener('abort', cancel);
		worker.onmessage = (event: MessageEvent<{ tables?: (PreparedTable | UnreadableFile)[]; error?: string }>) => {
			finish();
			if (event.data.tables) resolve(event.data.tables);
			else reject(new Error(event.data.error));
		};
		worker.onerror = (event) => {
			event.preventDefault();
			finish();
			resolve([{ name, reason: 'worker-crashed', detail: { message: event.message ?? '' } }]);
		};
		// Copied, not transferred: the page keeps the bytes to store them in the browser.
		worker.postMessage({ reader, name, bytes });
	});
}
