import { MAX_FILE_BYTES } from './limits';
import { sniffFormat } from './text';

/** Why a `?data=` address gave no file (a reason code; i18n words it). */
export type RemoteFailure = 'not-http' | 'http-error' | 'network' | 'timeout' | 'cancelled' | 'not-data' | 'image' | 'too-large';

export class RemoteFileError extends Error {
	constructor(
		readonly url: string,
		readonly reason: RemoteFailure,
		readonly status?: number,
		readonly detail?: Record<string, string | number>
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

/**
 * Where data comes from, as the page shows it: the scheme, host and port of its address.
 * @example originOf('https://bappeda.example.go.id/data/idm.csv?v=2') // 'https://bappeda.example.go.id'
 */
export function originOf(url: string): string {
	return isDataUrl(url) ? new URL(url).origin : url;
}

/** The file name an address stands for: its last path segment, or its host. */
export function fileNameOf(url: string): string {
	const { pathname, hostname } = new URL(url);
	const segment = pathname.split('/').filter(Boolean).pop();
	try {
		return segment ? decodeURIComponent(segment) : hostname;
	} catch {
		return segment ?? hostname;
	}
}

export const TIMEOUT_MS = 30_000;

/**
 * Downloads a data file, giving up after `timeoutMs` or when `signal` says so. Refused: an address
 * that is not http(s), an error status, a web page or an image (by its type or its first bytes),
 * and a body larger than the limit (by its announced length, before reading it).
 */
export async function fetchDataFile(url: string, signal?: AbortSignal, timeoutMs = TIMEOUT_MS): Promise<Uint8Array<ArrayBuffer>> {
	if (!isDataUrl(url)) throw new RemoteFileError(url, 'not-http');
	const timeout = AbortSignal.timeout(timeoutMs);
	const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
	const stopped = () => new RemoteFileError(url, signal?.aborted ? 'cancelled' : timeout.aborted ? 'timeout' : 'network');
	let response: Response;
	try {
		response = await fetch(url, { signal: combined, credentials: 'omit', referrerPolicy: 'no-referrer' });
	} catch {
		throw stopped();
	}
	if (!response.ok) throw new RemoteFileError(url, 'http-error', response.status);
	const type = response.headers.get('content-type') ?? '';
	if (type.includes('text/html')) throw new RemoteFileError(url, 'not-data');
	if (type.startsWith('image/')) throw new RemoteFileError(url, 'image');
	const length = Number(response.headers.get('content-length') ?? 0);
	if (length > MAX_FILE_BYTES) {
		await response.body?.cancel();
		throw new RemoteFileError(url, 'too-large', undefined, { size: length, limit: MAX_FILE_BYTES });
	}
	let bytes: Uint8Array<ArrayBuffer>;
	try {
		bytes = new Uint8Array(await response.arrayBuffer());
	} catch {
		throw stopped();
	}
	const format = sniffFormat(bytes);
	if (format === 'HTML') throw new RemoteFileError(url, 'not-data');
	if (format && ['PNG', 'JPEG', 'GIF', 'WEBP'].includes(format)) throw new RemoteFileError(url, 'image');
	return bytes;
}
