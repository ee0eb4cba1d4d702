import { describe, expect, it } from 'vitest';
import { lineParts } from './line-parts';

const text = async (parts: Blob[]) => Promise.all(parts.map((part) => part.text()));

describe('cutting a large file into whole lines', () => {
	it('cuts after the first line break past each part size, and loses no byte', async () => {
		const file = new Blob(['KODE,IDM\n1,0.5\n22,0.61\n333,0.7\r\n4,0.9']);
		const parts = await text(await lineParts(file, 10));
		expect(parts).toEqual(['KODE,IDM\n1,0.5\n', '22,0.61\n333,0.7\r\n', '4,0.9']);
		expect(parts.join('')).toBe(await file.text());
	});

	it('keeps a small file, and a file whose only break is its last byte, whole', async () => {
		expect(await text(await lineParts(new Blob(['a,b\n1,2\n']), 100))).toEqual(['a,b\n1,2\n']);
		expect(await text(await lineParts(new Blob(['a,b,c,d,e,f\n']), 2))).toEqual(['a,b,c,d,e,f\n']);
	});

	it('finds a line break further away than one read ahead', async () => {
		const long = 'x'.repeat(200_000);
		const parts = await text(await lineParts(new Blob([`h\n${long}\nlast\n`]), 1));
		expect(parts).toEqual(['h\n', `${long}\n`, 'last\n']);
	});
});
