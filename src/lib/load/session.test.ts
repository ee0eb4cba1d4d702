import { describe, expect, it } from 'vitest';
import { openFreshDatabase } from '../../../tests/helpers/bundled-db';
import { rowsOf } from '../db/arrow';
import { parseScheme } from '../domain/schemes';
import { ensureScheme } from './session';

describe('ensureScheme', () => {
	it('registers a scheme two views ask for at once a single time', async () => {
		const db = await openFreshDatabase();
		const scheme = parseScheme('0.45],0.55),0.7],0.8)')!;
		// The summary reads ahead while the router navigates, then asks again when it updates.
		await Promise.all([ensureScheme(db, scheme), ensureScheme(db, scheme), ensureScheme(db, scheme)]);
		const bands = rowsOf<{ rank: number; lower: number }>(
			await db.query('SELECT rank, lower FROM status_band WHERE scheme_id = $1 ORDER BY rank', [scheme.id])
		);
		expect(bands).toEqual([
			{ rank: 0, lower: 0 },
			{ rank: 1, lower: 0.45 },
			{ rank: 2, lower: 0.55 },
			{ rank: 3, lower: 0.7 },
			{ rank: 4, lower: 0.8 }
		]);
	});
});
