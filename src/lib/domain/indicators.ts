import type { Direction } from './performance';
import type { Status } from './status';
import type { CountBasis, StatusCount } from './status-counts';

export type IndicatorId =
	| 'minimal-maju'
	| 'pengentasan-tertinggal'
	| 'peningkatan-mandiri'
	| 'tertinggal-menjadi-berkembang'
	| 'nilai-idm'
	| 'nilai-iks'
	| 'nilai-ike'
	| 'nilai-ikl';

export type IndicatorUnit = 'persen' | 'desa' | 'indeks';

/** One indicator the regency reports print (IDM.md, "Indicators the reports compute"). */
export interface IndicatorDefinition {
	id: IndicatorId;
	label: { id: string; en: string };
	unit: IndicatorUnit;
	direction: Direction;
	/** Decimals a report prints. */
	decimals: number;
	formula: { id: string; en: string };
	/** The report the definition is taken from. */
	seed: string;
}

export const INDICATORS: readonly IndicatorDefinition[] = [
	{
		id: 'minimal-maju',
		label: { id: 'Persentase desa dengan klasifikasi minimal Maju', en: 'Share of villages at least Advanced (Maju)' },
		unit: 'persen',
		direction: 'higher-better',
		decimals: 2,
		formula: { id: '(Maju + Mandiri) / semua desa × 100', en: '(Maju + Mandiri) / all villages × 100' },
		seed: 'LKjIP Balangan 2022 (seed 002)'
	},
	{
		id: 'pengentasan-tertinggal',
		label: { id: 'Persentase pengentasan desa tertinggal', en: 'Share of underdeveloped villages lifted' },
		unit: 'persen',
		direction: 'higher-better',
		decimals: 2,
		formula: {
			id: 'desa Tertinggal tahun lalu yang kini minimal Berkembang / desa Tertinggal tahun lalu × 100',
			en: 'villages Tertinggal last year now at least Berkembang / villages Tertinggal last year × 100'
		},
		seed: 'LKjIP Banyuasin 2023 (seed 001)'
	},
	{
		id: 'peningkatan-mandiri',
		label: { id: 'Persentase peningkatan status desa Mandiri', en: 'Rise in independent (Mandiri) villages' },
		unit: 'persen',
		direction: 'higher-better',
		decimals: 2,
		formula: {
			id: 'desa yang menjadi Mandiri tahun ini / desa Berkembang tahun lalu × 100',
			en: 'villages that became Mandiri this year / villages Berkembang last year × 100'
		},
		seed: 'LKjIP Banyuasin 2023 (seed 001)'
	},
	{
		id: 'tertinggal-menjadi-berkembang',
		label: {
			id: 'Jumlah desa Sangat Tertinggal dan Tertinggal menjadi Berkembang',
			en: 'Very underdeveloped and underdeveloped villages become Developing'
		},
		unit: 'desa',
		direction: 'higher-better',
		decimals: 0,
		formula: {
			id: 'jumlah desa Berkembang tahun ini (seperti dilaporkan)',
			en: 'villages Berkembang this year (as the report counts it)'
		},
		seed: 'LKjIP Banyuasin 2023 (seed 001)'
	},
	...(['idm', 'iks', 'ike', 'ikl'] as const).map(
		(index): IndicatorDefinition => ({
			id: `nilai-${index}`,
			label: { id: `Nilai ${index.toUpperCase()} kabupaten`, en: `Regency ${index.toUpperCase()}` },
			unit: 'indeks',
			direction: 'higher-better',
			decimals: 4,
			formula: {
				id: `rata-rata ${index.toUpperCase()} desa yang bernilai`,
				en: `mean ${index.toUpperCase()} of villages with a value`
			},
			seed: 'LKjIP Way Kanan 2023 (seed 003)'
		})
	)
];

export function findIndicator(id: string): IndicatorDefinition | undefined {
	return INDICATORS.find((indicator) => indicator.id === id);
}

/** Where a figure's inputs come from: each village, net counts of two years, or one year's counts. */
export type IndicatorBasis = 'villages' | 'counts' | 'scores' | 'status' | 'recap';

/** One indicator in one year with what went into it; `nilai` is null where `penyebut` is 0. */
export interface IndicatorValue {
	indikator: IndicatorId;
	tahun: number;
	tahun_banding: number | null;
	pembilang: number;
	penyebut: number | null;
	nilai: number | null;
	dasar: IndicatorBasis;
}

/** One year of an area as the reference computation takes it. */
export interface YearInput {
	tahun: number;
	/** Villages per status, all villages counted (with those that have neither score nor status). */
	counts: Record<Status, number>;
	total: number;
	basis: 'scores' | 'status' | 'recap';
	/** Each village's class by code, where the year has village rows with codes. */
	villages: ReadonlyMap<string, Status | null> | null;
}

const RANK: Record<Status, number> = {
	'SANGAT TERTINGGAL': 0,
	TERTINGGAL: 1,
	BERKEMBANG: 2,
	MAJU: 3,
	MANDIRI: 4
};

function percent(numerator: number, denominator: number): number | null {
	return denominator === 0 ? null : (100 * numerator) / denominator;
}

/**
 * The status indicators computed in plain TypeScript: the reference the SQL in
 * db/indicator-queries.ts is tested against. Years must be oldest first.
 */
export function referenceStatusIndicators(years: readonly YearInput[]): IndicatorValue[] {
	const values: IndicatorValue[] = [];
	years.forEach((year, i) => {
		const atLeastMaju = year.counts.MAJU + year.counts.MANDIRI;
		values.push(
			{
				indikator: 'minimal-maju',
				tahun: year.tahun,
				tahun_banding: null,
				pembilang: atLeastMaju,
				penyebut: year.total,
				nilai: percent(atLeastMaju, year.total),
				dasar: year.basis
			},
			{
				indikator: 'tertinggal-menjadi-berkembang',
				tahun: year.tahun,
				tahun_banding: null,
				pembilang: year.counts.BERKEMBANG,
				penyebut: null,
				nilai: year.counts.BERKEMBANG,
				dasar: year.basis
			}
		);
		const previous = years[i - 1];
		if (!previous) return;
		const perVillage = previous.villages !== null && year.villages !== null;
		let lifted: number, lagging: number, becameMandiri: number, developing: number;
		if (perVillage) {
			const before = [...previous.villages!.entries()];
			const now = year.villages!;
			const laggingBefore = before.filter(([, status]) => status === 'TERTINGGAL');
			lagging = laggingBefore.length;
			lifted = laggingBefore.filter(([code]) => {
				const status = now.get(code);
				return status != null && RANK[status] >= RANK.BERKEMBANG;
			}).length;
			developing = before.filter(([, status]) => status === 'BERKEMBANG').length;
			becameMandiri = before.filter(([code, status]) => status !== 'MANDIRI' && now.get(code) === 'MANDIRI').length;
		} else {
			lagging = previous.counts.TERTINGGAL;
			lifted = previous.counts.TERTINGGAL - year.counts.TERTINGGAL;
			developing = previous.counts.BERKEMBANG;
			becameMandiri = year.counts.MANDIRI - previous.counts.MANDIRI;
		}
		const dasar = perVillage ? 'villages' : 'counts';
		values.push(
			{
				indikator: 'pengentasan-tertinggal',
				tahun: year.tahun,
				tahun_banding: previous.tahun,
				pembilang: lifted,
				penyebut: lagging,
				nilai: percent(lifted, lagging),
				dasar
			},
			{
				indikator: 'peningkatan-mandiri',
				tahun: year.tahun,
				tahun_banding: previous.tahun,
				pembilang: becameMandiri,
				penyebut: developing,
				nilai: percent(becameMandiri, developing),
				dasar
			}
		);
	});
	return values.sort((a, b) => a.indikator.localeCompare(b.indikator) || a.tahun - b.tahun);
}

/** An area's village movements from one year with village rows to the next (derived.ts move_agg). */
export interface MoveCounts {
	dari_tahun: number;
	ke_tahun: number;
	tertinggal_awal: number;
	tertinggal_naik: number;
	berkembang_awal: number;
	jadi_mandiri: number;
}

/**
 * The status indicators from an area's status counts and its villages' movements, as the SQL of
 * db/indicator-queries computes them: a pair of years with a movement row follows each village,
 * any other pair takes the net change of the two years' counts. Ringkasan has the counts already,
 * so this spares the worker a second count inside the indicators' query.
 */
export function statusIndicatorsFromCounts(counts: readonly StatusCount[], moves: readonly MoveCounts[]): IndicatorValue[] {
	const byYear = new Map<number, { tahun: number; semua: number; mandiri: number; maju: number; berkembang: number; tertinggal: number; basis: CountBasis | null }>();
	for (const row of counts) {
		let year = byYear.get(row.tahun);
		if (!year) byYear.set(row.tahun, (year = { tahun: row.tahun, semua: 0, mandiri: 0, maju: 0, berkembang: 0, tertinggal: 0, basis: null }));
		year.semua += row.jumlah;
		if (row.status === 'MANDIRI') year.mandiri += row.jumlah;
		else if (row.status === 'MAJU') year.maju += row.jumlah;
		else if (row.status === 'BERKEMBANG') year.berkembang += row.jumlah;
		else if (row.status === 'TERTINGGAL') year.tertinggal += row.jumlah;
		// max(basis) in SQL: the greatest word.
		if (row.basis !== null && (year.basis === null || row.basis > year.basis)) year.basis = row.basis;
	}
	const years = [...byYear.values()].sort((a, b) => a.tahun - b.tahun);
	const values: IndicatorValue[] = [];
	years.forEach((year, i) => {
		const dasar = year.basis as IndicatorBasis;
		const atLeastMaju = year.maju + year.mandiri;
		values.push(
			{ indikator: 'minimal-maju', tahun: year.tahun, tahun_banding: null, pembilang: atLeastMaju, penyebut: year.semua, nilai: percent(atLeastMaju, year.semua), dasar },
			{ indikator: 'tertinggal-menjadi-berkembang', tahun: year.tahun, tahun_banding: null, pembilang: year.berkembang, penyebut: null, nilai: year.berkembang, dasar }
		);
		const previous = years[i - 1];
		if (!previous) return;
		const move = moves.find((m) => m.dari_tahun === previous.tahun && m.ke_tahun === year.tahun);
		const lifted = move ? move.tertinggal_naik : previous.tertinggal - year.tertinggal;
		const lagging = move?.tertinggal_awal ?? previous.tertinggal;
		const becameMandiri = move ? move.jadi_mandiri : year.mandiri - previous.mandiri;
		const developing = move?.berkembang_awal ?? previous.berkembang;
		const basis = move ? 'villages' : 'counts';
		values.push(
			{ indikator: 'pengentasan-tertinggal', tahun: year.tahun, tahun_banding: previous.tahun, pembilang: lifted, penyebut: lagging, nilai: percent(lifted, lagging), dasar: basis },
			{ indikator: 'peningkatan-mandiri', tahun: year.tahun, tahun_banding: previous.tahun, pembilang: becameMandiri, penyebut: developing, nilai: percent(becameMandiri, developing), dasar: basis }
		);
	});
	// ORDER BY indikator, tahun: the words compared as SQL compares them, code unit by code unit.
	return values.sort((a, b) => (a.indikator < b.indikator ? -1 : a.indikator > b.indikator ? 1 : a.tahun - b.tahun));
}

/** Mean scores of an area in one year (db/indicator-queries meanScores). */
export interface MeanScoreRow {
	tahun: number;
	n_idm: number;
	idm: number;
	iks: number | null;
	ike: number | null;
	ikl: number | null;
}

/**
 * The nilai-idm / iks / ike / ikl indicators from an area's mean scores.
 * @example meanIndicatorValues([{tahun: 2023, n_idm: 221, idm: 0.7306, …}])[0] // {indikator: 'nilai-idm', nilai: 0.7306, penyebut: 221, …}
 */
export function meanIndicatorValues(rows: readonly MeanScoreRow[]): IndicatorValue[] {
	return rows.flatMap((row) =>
		(['idm', 'iks', 'ike', 'ikl'] as const).map(
			(index): IndicatorValue => ({
				indikator: `nilai-${index}`,
				tahun: row.tahun,
				tahun_banding: null,
				pembilang: row[index] ?? 0,
				penyebut: row.n_idm,
				nilai: row[index],
				dasar: 'scores'
			})
		)
	);
}
