import { STATUS_ORDER, type Status } from './status';

/** How a village moved between two years; `baru`/`hilang` are villages only one of the years has. */
export type Movement = 'naik' | 'tetap' | 'turun' | 'baru' | 'hilang' | 'tanpa_nilai';

export const MOVEMENTS: readonly Movement[] = ['naik', 'tetap', 'turun', 'baru', 'hilang', 'tanpa_nilai'];

/**
 * How one village moved. `undefined` means absent that year; `null` present but without a class.
 * @example movementOf('BERKEMBANG', 'MAJU') // 'naik'
 * @example movementOf(undefined, 'MAJU') // 'baru'
 */
export function movementOf(from: Status | null | undefined, to: Status | null | undefined): Movement {
	if (from === undefined) return 'baru';
	if (to === undefined) return 'hilang';
	if (from === null || to === null) return 'tanpa_nilai';
	const change = STATUS_ORDER.indexOf(to) - STATUS_ORDER.indexOf(from);
	return change > 0 ? 'naik' : change < 0 ? 'turun' : 'tetap';
}

/** One cell of a from × to matrix; a null class is absent (`ada_*` false) or unclassed. */
export interface TransitionCell {
	dari: Status | null;
	ke: Status | null;
	ada_dari: boolean;
	ada_ke: boolean;
	gerak: Movement;
	jumlah: number;
}

/**
 * The from × to matrix of villages between two years, by village code: the reference the SQL of
 * db/transition-queries.ts is tested against. Cells come sorted as the SQL sorts them.
 */
export function referenceTransitions(
	from: ReadonlyMap<string, Status | null>,
	to: ReadonlyMap<string, Status | null>
): TransitionCell[] {
	const cells = new Map<string, TransitionCell>();
	for (const code of new Set([...from.keys(), ...to.keys()])) {
		const a = from.has(code) ? from.get(code)! : undefined;
		const b = to.has(code) ? to.get(code)! : undefined;
		const cell: TransitionCell = {
			dari: a ?? null,
			ke: b ?? null,
			ada_dari: a !== undefined,
			ada_ke: b !== undefined,
			gerak: movementOf(a, b),
			jumlah: 0
		};
		const key = JSON.stringify([cell.dari, cell.ke, cell.ada_dari, cell.ada_ke]);
		(cells.get(key) ?? cells.set(key, cell).get(key)!).jumlah += 1;
	}
	const order = (x: boolean) => (x ? 1 : 0);
	const text = (s: Status | null) => s ?? '\uffff';
	return [...cells.values()].sort(
		(x, y) =>
			order(x.ada_dari) - order(y.ada_dari) ||
			order(x.ada_ke) - order(y.ada_ke) ||
			text(x.dari).localeCompare(text(y.dari)) ||
			text(x.ke).localeCompare(text(y.ke))
	);
}

/**
 * Villages per movement, from matrix cells.
 * @example movementTotals(cells).naik // 71 for Way Kanan 2023→2024
 */
export function movementTotals(cells: readonly { gerak: Movement; jumlah: number }[]): Record<Movement, number> {
	const totals = Object.fromEntries(MOVEMENTS.map((m) => [m, 0])) as Record<Movement, number>;
	for (const cell of cells) totals[cell.gerak] += cell.jumlah;
	return totals;
}

/** Rows and columns of a transition matrix: the statuses, then unclassed, then absent villages. */
export const MATRIX_CLASSES = [...STATUS_ORDER, 'TANPA NILAI', 'TIDAK ADA'] as const;
export type MatrixClass = (typeof MATRIX_CLASSES)[number];

function matrixClass(status: Status | null, present: boolean): MatrixClass {
	return !present ? 'TIDAK ADA' : (status ?? 'TANPA NILAI');
}

/**
 * Matrix cells as a full grid, `grid[from][to]`, zeros included.
 * @example transitionGrid(cells).BERKEMBANG.MAJU // 50 for Way Kanan 2023→2024
 */
export function transitionGrid(
	cells: readonly TransitionCell[]
): Record<MatrixClass, Record<MatrixClass, number>> {
	const grid = Object.fromEntries(
		MATRIX_CLASSES.map((from) => [from, Object.fromEntries(MATRIX_CLASSES.map((to) => [to, 0]))])
	) as Record<MatrixClass, Record<MatrixClass, number>>;
	for (const cell of cells) {
		grid[matrixClass(cell.dari, cell.ada_dari)][matrixClass(cell.ke, cell.ada_ke)] += cell.jumlah;
	}
	return grid;
}
