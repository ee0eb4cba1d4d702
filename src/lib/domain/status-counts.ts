import { STATUS_ORDER, isStatus, type Status } from './status';

/** Where a year's counts come from: classified scores, published statuses, or a printed recap. */
export type CountBasis = 'scores' | 'status' | 'recap';

/** Villages in one status in one year; `status` is null for villages with neither score nor status. */
export interface StatusCount {
	tahun: number;
	status: string | null;
	jumlah: number;
	jumlah_terbit: number;
	/** Villages counted here whose published status contradicts the class of their score. */
	berbeda: number;
	basis: CountBasis;
}

/** One year of the status table: a count per status, the villages without any, the total. */
export interface StatusYear {
	tahun: number;
	basis: CountBasis;
	counts: Record<Status, number>;
	published: Record<Status, number>;
	unscored: number;
	total: number;
	/** Villages whose published status contradicts the class of their score. */
	disagreements: number;
}

function zeroCounts(): Record<Status, number> {
	return Object.fromEntries(STATUS_ORDER.map((status) => [status, 0])) as Record<Status, number>;
}

/**
 * Pivots status counts into one record per year, oldest first.
 * @example statusYears([{tahun: 2022, status: 'MAJU', jumlah: 96, jumlah_terbit: 96, berbeda: 0, basis: 'status'}])[0].counts.MAJU // 96
 */
export function statusYears(rows: readonly StatusCount[]): StatusYear[] {
	const years = new Map<number, StatusYear>();
	for (const row of rows) {
		let year = years.get(row.tahun);
		if (!year) {
			year = {
				tahun: row.tahun,
				basis: row.basis,
				counts: zeroCounts(),
				published: zeroCounts(),
				unscored: 0,
				total: 0,
				disagreements: 0
			};
			years.set(row.tahun, year);
		}
		year.total += row.jumlah;
		year.disagreements += row.berbeda;
		if (row.status !== null && isStatus(row.status)) {
			year.counts[row.status] += row.jumlah;
			year.published[row.status] += row.jumlah_terbit;
		} else {
			year.unscored += row.jumlah;
		}
	}
	return [...years.values()].sort((a, b) => a.tahun - b.tahun);
}

/**
 * Each status's share of all villages of the year, in percent (unrounded).
 * @example statusShares(wayKanan2023).MANDIRI // 11.764… (26 of 221)
 */
export function statusShares(year: StatusYear): Record<Status, number> {
	return Object.fromEntries(
		STATUS_ORDER.map((status) => [status, year.total === 0 ? 0 : (100 * year.counts[status]) / year.total])
	) as Record<Status, number>;
}
