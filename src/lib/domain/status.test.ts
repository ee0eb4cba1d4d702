import { describe, expect, it } from 'vitest';
import { normalizeStatus, STATUS_ORDER } from './status';

describe('normalizeStatus', () => {
	it('reads the statuses as the releases and seeds write them', () => {
		for (const status of STATUS_ORDER) expect(normalizeStatus(status)).toBe(status);
		expect(normalizeStatus('SANGAT TERTINGGAL')).toBe('SANGAT TERTINGGAL');
		expect(normalizeStatus('Sangat  Tertinggal')).toBe('SANGAT TERTINGGAL');
	});

	it('folds case, spacing, a "Desa" prefix and known abbreviations', () => {
		expect(normalizeStatus('Mandiri')).toBe('MANDIRI');
		expect(normalizeStatus('MANDIRI ')).toBe('MANDIRI');
		expect(normalizeStatus('Desa Mandiri')).toBe('MANDIRI');
		expect(normalizeStatus('MD')).toBe('MANDIRI');
		expect(normalizeStatus('sangat-tertinggal')).toBe('SANGAT TERTINGGAL');
	});

	it('reads nothing into blanks, numbers and ambiguous letters', () => {
		expect(normalizeStatus(null)).toBeNull();
		expect(normalizeStatus('')).toBeNull();
		expect(normalizeStatus('0,7274')).toBeNull();
		expect(normalizeStatus('M')).toBeNull();
	});
});
