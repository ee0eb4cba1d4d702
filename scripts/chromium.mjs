// Debian's Chromium and the flags every headless run here uses (the browser tests and the
// benchmark): no sandbox, GPU or QUIC in a container, and nothing the browser would fetch for
// itself (updates, sync, component downloads), since only this machine's site may be asked.

/** Where Debian's `chromium` package puts the browser; tests never download one of their own. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];
