// Functions the benchmark runs inside the page. They time with performance.now(), whose origin is
// the navigation's start, and watch the DOM with a MutationObserver, so no polling delay is counted.

/**
 * Installed before any page script: notes when the first chart's SVG is in the document, when
 * `main[data-ready]` first says true (`ready`; `live` once it is no longer the build's prerendered
 * view but DuckDB's), and when a file was chosen.
 */
export const INSTRUMENT = `(() => {
	const marks = {};
	window.__bench = { marks };
	const note = (name) => { if (!(name in marks)) marks[name] = performance.now(); };
	const check = () => {
		if (document.querySelector('[data-testid^="chart-"] svg')) note('firstChart');
		if (document.querySelector('main[data-ready="true"]')) note('ready');
		if (document.querySelector('main[data-ready="true"]:not([data-prerendered])')) note('live');
	};
	new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });
	document.addEventListener('change', (event) => {
		if (event.target instanceof HTMLInputElement && event.target.type === 'file') marks.fileChosen = performance.now();
	}, true);
})();`;

/**
 * Follows a link inside the app (SvelteKit routes it without reloading) and resolves with the
 * time its view says every chart is drawn.
 * @param {string} href
 */
export function navigateAndDraw(href) {
	return new Promise((resolve) => {
		const target = new URL(href, location.href);
		const done = () =>
			location.pathname === target.pathname &&
			location.search === target.search &&
			document.querySelector('main[data-ready="true"]') &&
			document.querySelector('[data-testid^="chart-"] svg');
		const observer = new MutationObserver(() => {
			if (done()) {
				observer.disconnect();
				resolve(performance.now());
			}
		});
		observer.observe(document, { subtree: true, childList: true, attributes: true });
		const link = document.createElement('a');
		link.href = target.href;
		document.body.append(link);
		link.click();
		link.remove();
	});
}

/**
 * Changes a filter select as a user does and resolves with the milliseconds until the view's
 * `data-ready` has gone false and come back true (every visible chart redrawn).
 * @param {{ testid: string, value: string }} change
 */
export function changeSelect({ testid, value }) {
	return new Promise((resolve, reject) => {
		const select = /** @type {HTMLSelectElement} */ (document.querySelector(`[data-testid="${testid}"]`));
		let wentStale = false;
		const start = performance.now();
		const observer = new MutationObserver((records) => {
			for (const record of records) {
				if (record.attributeName === 'data-ready' && (record.oldValue === 'false' || /** @type {Element} */ (record.target).getAttribute('data-ready') === 'false')) wentStale = true;
			}
			if (wentStale && document.querySelector('main[data-ready="true"]')) {
				observer.disconnect();
				clearTimeout(timer);
				resolve(performance.now() - start);
			}
		});
		observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'], attributeOldValue: true });
		const timer = setTimeout(() => {
			observer.disconnect();
			reject(new Error(`no redraw after changing ${testid} to ${value}`));
		}, 120_000);
		select.value = value;
		select.dispatchEvent(new Event('change', { bubbles: true }));
	});
}
