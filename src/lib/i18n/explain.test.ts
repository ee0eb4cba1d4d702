import { describe, expect, it } from 'vitest';
import { explainIndicator } from './explain';

describe('explainIndicator', () => {
	it('shows the counts behind Banyuasin’s 2023 pengentasan, computed from counts', () => {
		const line = explainIndicator(
			{ indikator: 'pengentasan-tertinggal', tahun: 2023, tahun_banding: 2022, pembilang: 22, penyebut: 27, nilai: 81.48, dasar: 'counts' },
			'id'
		);
		expect(line).toBe('(27 − 5) dari 27 desa Tertinggal pada 2022 tidak lagi Tertinggal pada 2023 — dihitung dari selisih jumlah dua tahun, bukan per desa');
	});

	it('shows Balangan’s 2022 minimal Maju from the status lists, in English too', () => {
		const value = { indikator: 'minimal-maju', tahun: 2022, tahun_banding: null, pembilang: 103, penyebut: 154, nilai: 66.88, dasar: 'status' } as const;
		expect(explainIndicator(value, 'id')).toBe('103 desa Maju atau Mandiri dari 154 desa pada 2022 (status terbit, tanpa nilai)');
		expect(explainIndicator(value, 'en')).toBe('103 Maju or Mandiri villages of 154 in 2022 (published status, no scores)');
	});
});
