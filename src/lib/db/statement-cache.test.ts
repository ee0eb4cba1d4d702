import { describe, expect, it } from 'vitest';
import { readsOnly } from './database';
import { statementCache } from './statement-cache';

/** An engine that answers with what ran, and notes every prepare and close. */
function fakeEngine() {
	const log: string[] = [];
	return {
		log,
		query: async (sql: string) => (log.push(`query ${sql}`), sql),
		prepare: async (sql: string) => {
			if (sql.includes('bad')) throw new Error('syntax error');
			log.push(`prepare ${sql}`);
			return {
				query: async (...params: unknown[]) => (log.push(`run ${sql} ${params.join()}`), `${sql} ${params.join()}`),
				close: async () => void log.push(`close ${sql}`)
			};
		}
	};
}

describe('readsOnly', () => {
	it('takes SELECT and WITH … SELECT for reads, anything that may change the database for a write', () => {
		expect(readsOnly('SELECT count(*) FROM status_band WHERE scheme_id = $1')).toBe(true);
		expect(readsOnly('  WITH latest AS (SELECT 1) SELECT * FROM latest LIMIT 1 OFFSET 2')).toBe(true);
		expect(readsOnly('INSERT INTO status_band VALUES ($1)')).toBe(false);
		expect(readsOnly('CREATE OR REPLACE TABLE village_score AS SELECT 1')).toBe(false);
		expect(readsOnly('WITH x AS (SELECT 1) DELETE FROM dataset')).toBe(false);
		expect(readsOnly('DROP TABLE dataset')).toBe(false);
		expect(readsOnly('SET threads = 1')).toBe(false);
	});
});

describe('statementCache', () => {
	it('prepares a read once and runs it again with new parameters', async () => {
		const engine = fakeEngine();
		const cache = statementCache(engine);
		expect(await cache.run('SELECT $1', [1])).toBe('SELECT $1 1');
		expect(await cache.run('SELECT $1', [2])).toBe('SELECT $1 2');
		expect(engine.log).toEqual(['prepare SELECT $1', 'run SELECT $1 1', 'run SELECT $1 2']);
	});

	it('prepares, runs and closes a write each time, and lets every kept read go first', async () => {
		const engine = fakeEngine();
		const cache = statementCache(engine);
		await cache.run('SELECT $1', [1]);
		await cache.run('INSERT INTO t VALUES ($1)', [1]);
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect(engine.log).toContain('close SELECT $1');
		expect(engine.log).toContain('close INSERT INTO t VALUES ($1)');
		await cache.run('SELECT $1', [3]);
		expect(engine.log.filter((line) => line === 'prepare SELECT $1')).toHaveLength(2);
	});

	it('closes a released statement only after its last run', async () => {
		const engine = fakeEngine();
		const cache = statementCache(engine);
		const running = cache.run('SELECT $1', [1]);
		await cache.run('CREATE TABLE t AS SELECT 1', []);
		await running;
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect(engine.log.indexOf('close SELECT $1')).toBeGreaterThan(engine.log.indexOf('run SELECT $1 1'));
	});

	it('keeps at most `limit` statements, letting the least recently used go', async () => {
		const engine = fakeEngine();
		const cache = statementCache(engine, 2);
		await cache.run('SELECT $1 AS a', [1]);
		await cache.run('SELECT $1 AS b', [1]);
		await cache.run('SELECT $1 AS a', [2]);
		await cache.run('SELECT $1 AS c', [1]);
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect(engine.log.filter((line) => line.startsWith('close'))).toEqual(['close SELECT $1 AS b']);
	});

	it('does not keep a statement that failed to prepare', async () => {
		const engine = fakeEngine();
		const cache = statementCache(engine);
		await expect(cache.run('SELECT bad $1', [1])).rejects.toThrow('syntax error');
		await expect(cache.run('SELECT bad $1', [1])).rejects.toThrow('syntax error');
	});
});
