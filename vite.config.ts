import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// duckdb-wasm ships prebuilt workers and wasm: serve them as files, do not pre-bundle them.
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.test.ts'],
					environment: 'node',
					// Loading a whole release into DuckDB takes seconds on a busy two-core machine.
					testTimeout: 30_000
				}
			},
			{
				extends: true,
				test: {
					name: 'browser',
					include: ['tests/browser/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['tests/browser/global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 60_000,
					fileParallelism: false
				}
			}
		]
	}
});
