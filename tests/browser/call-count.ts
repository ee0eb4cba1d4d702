import type { Page } from 'playwright-core';

/**
 * Counts how often the page calls some functions of the built site, with V8's block coverage over
 * the DevTools protocol: the site carries no counter of its own. Each function is the smallest one
 * whose minified source matches its marker (property names and strings survive minifying, local
 * names do not). Block coverage counts calls, not the resumptions after each `await` that
 * function-level counts add; a function compiled before counting began (by an earlier page of the
 * site in the same browser) has only function-level counts, so start counting in a fresh browser,
 * before it loads the site. Each `calls()` gives, per marker, the calls since the one before: one
 * counter per page, since taking V8's counts resets them for every reader.
 */
export async function countCalls<K extends string>(page: Page, baseUrl: string, markers: Record<K, RegExp>) {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
	const sources = new Map<string, string>();

	async function source(url: string): Promise<string> {
		if (!sources.has(url)) sources.set(url, await (await fetch(url)).text());
		return sources.get(url)!;
	}

	const seen = new Set<K>();

	return {
		async calls(): Promise<Record<K, number>> {
			const { result } = await cdp.send('Profiler.takePreciseCoverage');
			const counts = {} as Record<K, number>;
			for (const [name, marker] of Object.entries(markers) as [K, RegExp][]) {
				let found: { length: number; count: number; perCall: boolean } | null = null;
				let inSource = false;
				for (const script of result.filter((s) => s.url.startsWith(`${baseUrl}/`) && s.url.endsWith('.js'))) {
					const text = await source(script.url);
					inSource ||= marker.test(text);
					for (const fn of script.functions) {
						const whole = fn.ranges[0];
						// The script itself is a function too, and holds every marker.
						if (!whole || (whole.startOffset === 0 && whole.endOffset >= text.length)) continue;
						const body = text.slice(whole.startOffset, whole.endOffset);
						if (marker.test(body) && (!found || body.length < found.length)) found = { length: body.length, count: whole.count, perCall: fn.isBlockCoverage };
					}
				}
				// V8 leaves out a function not called since the last count, once it has counted it,
				// and one never called at all; a marker no loaded script holds is a mistake of the test.
				if (!found && (seen.has(name) || inSource)) {
					counts[name] = 0;
					continue;
				}
				if (!found) throw new Error(`no function of the site matches ${marker}`);
				seen.add(name);
				// Not run at all: no calls, whatever kind of count V8 keeps for it.
				if (found.count === 0) counts[name] = 0;
				else if (!found.perCall) throw new Error(`${marker}: compiled before counting began, its count is not of calls`);
				else counts[name] = found.count;
			}
			return counts;
		}
	};
}
