import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** Where the site is served from: '' at a host's root, or a sub-path such as `/idm` (GitHub Pages). */
const base = process.env.BASE_PATH ?? '';
/** The folder the static site is written to. */
const out = process.env.BUILD_DIR ?? 'build';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ pages: out, assets: out, fallback: undefined, strict: true }),
		paths: { base, relative: true },
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
		// A static host sends no headers of ours, so the policy travels in each page's <meta>.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// Observable Plot writes a <style> into each chart and Svelte sets style attributes.
				'style-src': ['self', 'unsafe-inline'],
				// PNG export draws the chart's SVG through a blob: image.
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				// `?data=` links load a file from the address the user gave, wherever it is.
				'connect-src': ['self', 'http:', 'https:'],
				'worker-src': ['self', 'blob:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
