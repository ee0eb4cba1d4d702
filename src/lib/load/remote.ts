/** Why a `?data=` address gave no file (a reason code; i18n words it). */
export type RemoteFailure = 'not-http' | 'http-error' | 'network' | 'timeout' | 'cancelled' | 'not-data';

export class RemoteFileError extends Error {
	constructor(
		readonly url: string,
		readonly reason: RemoteFailure,
		readonly status?: number
	) {
		super(`${url}: ${reason}${status ? ` ${status}` : ''}`);
	}
}

/**
 * Whether an address may be fetched as data: http(s) only, never `javascript:`, `data:` or `file:`.
 * @example isDataUrl('https://example.org/idm.csv') // true
 * @example isDataUrl('javascript:alert(1)') // false
 */
export function isDataUrl(text: string): boolean {
	try {
		const url = new URL(text);
		return url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}

/** The file name an address stands for: its last path segment, or its host. */
export function fileNameOf(url: string): string {
	const { pathname, hostname } = new URL(url);
	return decodeURIComponent(pathname.split('/').filter(Boolean).pop() ?? hostname);
}

const TIMEOUT_MS = 30_000;

/** Downloads a data file, giving up after 30 s or when `signal` says so; an HTML page is not data. */
export async function fetchDataFile(url: string, signal?: AbortSignal): Promise<Uint8Array> {
	if (!isDataUrl(url)) throw new RemoteFileError(url, 'not-http');
	const timeout = AbortSignal.timeout(TIMEOUT_MS);
	const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
	let response: Response;
	try {
		response = await fetch(url, { signal: combined, credentials: 'omit', referrerPolicy: 'no-referrer' });
	} catch {
		throw new RemoteFileError(url, signal?.aborted ? 'cancelled' : timeout.aborted ? 'timeout' : 'network');
	}
	if (!response.ok) throw new RemoteFileError(url, 'http-error', response.status);
	if ((response.headers.get('content-type') ?? '').includes('text/html')) throw new RemoteFileError(url, 'not-data');
	return new Uint8Array(await response.arrayBuffer());
}
