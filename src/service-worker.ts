/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />

/**
 * Keeps the dashboard working offline after the first visit: the app and the bundled data are
 * cached when the worker installs, DuckDB's wasm and anything else the site serves when first used.
 */
import { build, files, prerendered, version } from '$service-worker';
import type { KeepMessage } from '$lib/offline/keep-offline';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `idm-${version}`;

/** Too large to fetch on install for a district office's connection; cached when used. */
const ON_USE = /\.wasm$|duckdb-browser-.*\.worker\.js$|idm-2024-nasional\.csv$/;
const PRECACHE = [...build, ...files, ...prerendered].filter((url) => !ON_USE.test(url));

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(CACHE)
			.then((cache) => cache.addAll(PRECACHE))
			.then(() => sw.skipWaiting())
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
			.then(() => sw.clients.claim())
	);
});

sw.addEventListener('message', (event) => {
	const message = event.data as KeepMessage | undefined;
	if (message?.type !== 'keep') return;
	const own = message.urls.filter((url) => new URL(url).origin === sw.location.origin);
	event.waitUntil(
		caches.open(CACHE).then(async (cache) => {
			for (const url of own) if (!(await cache.match(url))) await cache.add(url);
		})
	);
});

/** A prerendered page is stored as `/transisi` (or `/transisi.html` by some hosts): match either. */
async function cachedPage(cache: Cache, url: URL): Promise<Response | undefined> {
	const path = url.pathname.replace(/\/$/, '');
	for (const candidate of [url.pathname, `${path}.html`, `${path}/index.html`, `${path}/`]) {
		const hit = await cache.match(candidate, { ignoreSearch: true });
		if (hit) return hit;
	}
	return undefined;
}

sw.addEventListener('fetch', (event) => {
	const url = new URL(event.request.url);
	// Other origins (a `?data=` link's file) and non-GET requests are the network's business.
	if (event.request.method !== 'GET' || url.origin !== sw.location.origin) return;
	event.respondWith(
		(async () => {
			const cache = await caches.open(CACHE);
			const immutable = url.pathname.includes('/_app/immutable/');
			const cached = event.request.mode === 'navigate' ? await cachedPage(cache, url) : await cache.match(event.request, { ignoreSearch: !immutable });
			// Versioned files never change: the cache answers. Pages and data: the cache answers at
			// once and the network refreshes it for the next visit.
			const refresh = fetch(event.request)
				.then((response) => {
					// A page is kept once, whatever query string it was opened with.
					const key = event.request.mode === 'navigate' ? url.pathname : event.request;
					if (response.ok && response.type === 'basic') cache.put(key, response.clone());
					return response;
				})
				.catch(() => undefined);
			if (cached) {
				if (!immutable) event.waitUntil(refresh);
				return cached;
			}
			return (await refresh) ?? new Response('Offline', { status: 503, statusText: 'Offline' });
		})()
	);
});
