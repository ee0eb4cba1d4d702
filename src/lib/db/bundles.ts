import type { DuckDBBundles } from '@duckdb/duckdb-wasm';
import mvpModule from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehModule from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';

/** The wasm and worker files are bundled by Vite and served by this site: no CDN. */
export const SELF_HOSTED_BUNDLES: DuckDBBundles = {
	mvp: { mainModule: mvpModule, mainWorker: mvpWorker },
	eh: { mainModule: ehModule, mainWorker: ehWorker }
};
