import type { IndicatorValue } from '../domain/indicators';
import { formatCount } from './format';
import type { Lang } from './messages';

/**
 * The "how this was computed" line of an indicator: the counts that went in, in words.
 * @example explainIndicator({indikator: 'pengentasan-tertinggal', tahun: 2023, tahun_banding: 2022, pembilang: 22, penyebut: 27, dasar: 'counts', …}, 'id')
 * // '(27 − 5) dari 27 desa Tertinggal pada 2022 tidak lagi Tertinggal pada 2023 — dihitung dari jumlah, bukan per desa'
 */
export function explainIndicator(value: IndicatorValue, lang: Lang): string {
	const n = (x: number | null) => (x === null ? '–' : formatCount(x, lang));
	const { pembilang: p, penyebut: q, tahun: t, tahun_banding: tb } = value;
	const fromCounts =
		value.dasar === 'counts'
			? lang === 'id'
				? ' — dihitung dari selisih jumlah dua tahun, bukan per desa'
				: ' — computed from the two years’ counts, not village by village'
			: '';
	const source =
		value.dasar === 'recap'
			? lang === 'id'
				? ' (rekap jumlah dalam laporan)'
				: ' (counts printed in a report)'
			: value.dasar === 'status'
				? lang === 'id'
					? ' (status terbit, tanpa nilai)'
					: ' (published status, no scores)'
				: '';
	switch (value.indikator) {
		case 'minimal-maju':
			return lang === 'id'
				? `${n(p)} desa Maju atau Mandiri dari ${n(q)} desa pada ${t}${source}`
				: `${n(p)} Maju or Mandiri villages of ${n(q)} in ${t}${source}`;
		case 'tertinggal-menjadi-berkembang':
			return lang === 'id' ? `${n(p)} desa Berkembang pada ${t}${source}` : `${n(p)} Berkembang villages in ${t}${source}`;
		case 'pengentasan-tertinggal':
			if (value.dasar === 'counts' && q !== null)
				return lang === 'id'
					? `(${n(q)} − ${n(q - p)}) dari ${n(q)} desa Tertinggal pada ${tb} tidak lagi Tertinggal pada ${t}${fromCounts}`
					: `(${n(q)} − ${n(q - p)}) of ${n(q)} Tertinggal villages of ${tb} no longer Tertinggal in ${t}${fromCounts}`;
			return lang === 'id'
				? `${n(p)} dari ${n(q)} desa Tertinggal pada ${tb} minimal Berkembang pada ${t}`
				: `${n(p)} of ${n(q)} Tertinggal villages of ${tb} at least Berkembang in ${t}`;
		case 'peningkatan-mandiri':
			return lang === 'id'
				? `${n(p)} desa menjadi Mandiri (${tb} → ${t}) dibagi ${n(q)} desa Berkembang pada ${tb}${fromCounts}`
				: `${n(p)} villages became Mandiri (${tb} → ${t}) over ${n(q)} Berkembang villages of ${tb}${fromCounts}`;
		default:
			return lang === 'id' ? `rata-rata dari ${n(q)} desa bernilai pada ${t}` : `mean over ${n(q)} villages with a value in ${t}`;
	}
}
