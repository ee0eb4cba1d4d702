import type { Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { Database } from './database';
import { withReadCache } from './read-cache';

/** A database that counts what reached it and answers with a table of `rows` rows. */
function countingDatabase(rows = 1) {
	const asked: string[] = [];
	let release: (() => void) | null = null;
	const db: Database = {
		async query(sql, params = []) {
			asked.push(`${sql} ${params.join()}`);
			if (sql.startsWith('INSERT SLOW')) await new Promise<void>((resolve) => (release = resolve));
			return { numRows: rows } as Table;
		},
		async registerFile() {},
		async registerBlob() {}
	};
	return { db, asked, finishWrite: () => release?.() };
}

describe('withReadCache', () => {
	it('answers a read asked again with the same parameters from memory, other parameters afresh', async () => {
		const { db, asked } = countingDatabase();
		const cached = withReadCache(db);
		await cached.query('SELECT $1', ['18']);
		await cached.query('SELECT $1', ['18']);
		await cached.query('SELECT $1', [18]);
		expect(asked).toEqual(['SELECT $1 18', 'SELECT $1 18']);
	});

	it('forgets every answer on a write and on a new file', async () => {
		const { db, asked } = countingDatabase();
		const cached = withReadCache(db);
		await cached.query('SELECT 1');
		await cached.query('INSERT INTO t VALUES (1)');
		await cached.query('SELECT 1');
		await cached.registerFile('a.csv', new Uint8Array());
		await cached.query('SELECT 1');
		expect(asked.filter((sql) => sql.startsWith('SELECT'))).toHaveLength(3);
	});

	it('does not keep an answer read while a write ran', async () => {
		const { db, asked, finishWrite } = countingDatabase();
		const cached = withReadCache(db);
		const writing = cached.query('INSERT SLOW INTO t VALUES (1)');
		await cached.query('SELECT 1');
		finishWrite();
		await writing;
		await cached.query('SELECT 1');
		expect(asked.filter((sql) => sql.startsWith('SELECT'))).toHaveLength(2);
	});

	it('never keeps reads of files or clocks, nor large answers', async () => {
		const { db, asked } = countingDatabase(50_000);
		const cached = withReadCache(db);
		for (const sql of ["SELECT * FROM read_csv('a.csv')", 'SELECT now()', 'SELECT * FROM village_score']) {
			await cached.query(sql);
			await cached.query(sql);
		}
		expect(asked).toHaveLength(6);
	});

	it('does not keep a failed answer', async () => {
		let calls = 0;
		const cached = withReadCache({
			query: async () => {
				calls++;
				throw new Error('no such table');
			},
			registerFile: async () => {},
			registerBlob: async () => {}
		});
		await expect(cached.query('SELECT 1')).rejects.toThrow('no such table');
		await expect(cached.query('SELECT 1')).rejects.toThrow('no such table');
		expect(calls).toBe(2);
	});
});
