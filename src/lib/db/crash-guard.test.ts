import { describe, expect, it } from 'vitest';
import { DatabaseCrashed, guardDatabase, isFatal, onDatabaseCrash } from './crash-guard';
import { openNodeDatabase } from './node';
import { columnValues } from './arrow';

describe('a database whose worker dies', () => {
	it('answers as before until then; then fails every pending and later query, and says so once', async () => {
		const worker = new EventTarget();
		const inner = await openNodeDatabase();
		const never = { query: () => new Promise<never>(() => undefined), registerFile: inner.registerFile, registerBlob: inner.registerBlob };
		const heard: string[] = [];
		const stop = onDatabaseCrash((crash) => heard.push(crash.reason));
		const db = guardDatabase({ ...inner, query: (sql, params) => (sql === 'hang' ? never.query() : inner.query(sql, params)) }, worker);
		expect([...columnValues<number>(await db.query('SELECT 42 AS n'), 'n')]).toEqual([42]);
		const pending = db.query('hang');
		worker.dispatchEvent(Object.assign(new Event('error'), { message: 'boom' }));
		await expect(pending).rejects.toBeInstanceOf(DatabaseCrashed);
		await expect(db.query('SELECT 1')).rejects.toMatchObject({ reason: 'worker-crashed' });
		worker.dispatchEvent(new Event('error'));
		expect(heard).toEqual(['worker-crashed']);
		stop();
	});

	it('treats running out of memory as a crash, and a query error as an answer', async () => {
		const inner = await openNodeDatabase();
		const db = guardDatabase(inner, new EventTarget());
		await expect(db.query('SELECT * FROM no_such_table')).rejects.toThrow(/no_such_table/);
		expect([...columnValues<number>(await db.query('SELECT 1 AS n'), 'n')]).toEqual([1]);
		await inner.query("SET memory_limit = '1MB'");
		const heard: string[] = [];
		const stop = onDatabaseCrash((crash) => heard.push(crash.reason));
		await expect(db.query('SELECT list(range) FROM range(5000000) GROUP BY range % 1000')).rejects.toBeInstanceOf(DatabaseCrashed);
		expect(heard).toEqual(['out-of-memory']);
		expect(isFatal(new Error('Out of Memory Error: failed to allocate data of size 256.0 KiB (1.0 MiB/1.0 MiB used)'))).toBe(true);
		stop();
	});
});
