import { describe, expect, it } from 'vitest';
import { nameKey } from './names';

describe('nameKey', () => {
	it('meets the spellings of the seeds and the releases', () => {
		expect(nameKey('WONO HARJO')).toBe(nameKey('WONOHARJO'));
		expect(nameKey("JU'UH")).toBe(nameKey('JUUH'));
		expect(nameKey('BUMI  AGUNG')).toBe(nameKey('Bumi Agung'));
		expect(nameKey('KILING-KILING')).toBe('KILINGKILING');
		expect(nameKey('Ujung\nGading')).toBe('UJUNGGADING');
	});

	it('keeps different names apart', () => {
		expect(nameKey('BALI SADAR TENGAH')).not.toBe(nameKey('BALI SADHAR TENGAH'));
		expect(nameKey(null)).toBe('');
	});
});
