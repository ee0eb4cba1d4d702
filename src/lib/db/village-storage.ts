import { COMPRESSED_CATALOG, howKept, inTransaction, type Database } from './database';
import { VILLAGE_YEAR_COLUMNS } from './schema';

/**
 * Where the village rows are kept. A few (a regency's years, a national year) are kept in an
 * uncompressed temporary table, which names resolve to before the database's own: at 75,000
 * rows, writing into DuckDB's compressed in-memory storage took as long as reading the file.
 * Before a load takes them past `COMPRESS_FROM_ROWS`, they move into the compressed database,
 * where a 740,000-row panel takes a seventh of the memory.
 */
export const COMPRESS_FROM_ROWS = 200_000;

async function villageRows(db: Database): Promise<{ rows: number; uncompressed: boolean }> {
	const [count, kept] = await Promise.all([db.query('SELECT count(*)::INTEGER AS n FROM village_year'), howKept(db, 'village_year')]);
	return { rows: Number(count.toArray()[0]?.n ?? 0), uncompressed: kept.includes('temp:TABLE') };
}

/** Keeps a new database's village rows uncompressed; rows it already holds stay where they are. */
export async function startVillageRowsUncompressed(db: Database): Promise<void> {
	const { rows, uncompressed } = await villageRows(db);
	if (rows === 0 && !uncompressed) await db.query(`CREATE TEMP TABLE village_year (${VILLAGE_YEAR_COLUMNS})`);
}

/** Moves the village rows into the compressed database if `incoming` more would take them past `compressFrom`. */
export async function makeRoomForVillageRows(db: Database, incoming: number, compressFrom = COMPRESS_FROM_ROWS): Promise<void> {
	const { rows, uncompressed } = await villageRows(db);
	if (!uncompressed || rows + incoming <= compressFrom) return;
	await inTransaction(db, async () => {
		await db.query(`INSERT INTO ${COMPRESSED_CATALOG}.main.village_year SELECT * FROM temp.main.village_year`);
		await db.query('DROP TABLE temp.main.village_year');
	});
}
