// Beyond one laptop: loads any number of IDM files (the national release of every year) with the
// dashboard's own loader and SQL, in DuckDB outside the browser, and writes the pre-aggregated
// tables a hosted site can ship instead of the village rows.
//
//   node scripts/aggregate.mjs --out build/agregat data/synthetic/idm-20*-sintetis.csv
//
// The TypeScript modules of src/lib are loaded through Vite's module runner, so this is the same
// code (schema.ts, load-queries.ts, derived.ts) the browser and the tests run, not a copy of it.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = resolve(outAt >= 0 ? (args[outAt + 1] ?? 'agregat') : 'agregat');
const files = args.filter((arg, i) => arg !== '--out' && i !== outAt + 1);
if (files.length === 0) {
	console.error('usage: node scripts/aggregate.mjs [--out dir] file.csv …');
	process.exit(1);
}

/**
 * The tables derived.ts builds, and what a hosted dashboard reads from them. `status_agg` counts
 * villages per small code; `code_class` gives each code's class under each scheme.
 */
const TABLES = ['status_agg', 'code_class', 'area_year', 'move_agg', 'village_kab_year', 'status_recap'];

const vite = await createServer({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), server: { middlewareMode: true }, appType: 'custom', logLevel: 'error' });
try {
	const load = (/** @type {string} */ path) => vite.ssrLoadModule(path);
	const { openNodeDatabase } = await load('/src/lib/db/node.ts');
	const { prepareDatabase, loadPreparedTable } = await load('/src/lib/load/load-file.ts');
	const { isPrepared } = await load('/src/lib/load/prepare.ts');
	const { prepareFile } = await load('/src/lib/load/prepare-file.ts');
	const db = await openNodeDatabase();
	await prepareDatabase(db);
	for (const file of files) {
		for (const table of await prepareFile(basename(file), new Uint8Array(readFileSync(file)))) {
			if (!isPrepared(table) || !table.kind) throw new Error(`${file}: not a table the loader recognises`);
			const counts = await loadPreparedTable(db, table.name, table, { kind: table.kind, role: 'primary', defaults: { tahun: null, kodeKab: null, namaKabupaten: null } });
			console.error(`${table.name}: ${counts.loaded} of ${counts.read} rows loaded, ${counts.rejected} rejected`);
		}
	}
	mkdirSync(out, { recursive: true });
	for (const name of TABLES) {
		// Reading the table through the database door builds it if the data changed (derived.ts).
		const result = await db.query(`SELECT * FROM ${name}`);
		const columns = result.schema.fields.map((field) => field.name);
		const lines = [columns.join(',')];
		for (const row of result) {
			lines.push(columns.map((column) => csvCell(row[column])).join(','));
		}
		writeFileSync(join(out, `${name}.csv`), lines.join('\n') + '\n');
		console.error(`${name}.csv: ${result.numRows} rows`);
	}
} finally {
	await vite.close();
}

/** @param {unknown} value */
function csvCell(value) {
	if (value === null || value === undefined) return '';
	const text = typeof value === 'bigint' ? value.toString() : String(value);
	return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
