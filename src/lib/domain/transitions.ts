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
	return [...cells.values()].sort(compareCells);
}

/** Text in SQL's order: by code unit (the statuses are ASCII, where it is the bytes' order), null last. */
function compareText(x: string | null, y: string | null): number {
	if (x === y) return 0;
	if (x === null) return 1;
	if (y === null) return -1;
	return x < y ? -1 : 1;
}

/** Matrix cells in the SQL's order: absent years first, then the classes, an unclassed one last. */
function compareCells(x: TransitionCell, y: TransitionCell): number {
	const order = (present: boolean) => (present ? 1 : 0);
	return order(x.ada_dari) - order(y.ada_dari) || order(x.ada_ke) - order(y.ada_ke) || compareText(x.dari, y.dari) || compareText(x.ke, y.ke);
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

/** The columns of the movements per place: each movement, and the villages that became Mandiri. */
export const MOVEMENT_COLUMNS = [...MOVEMENTS, 'menjadi_mandiri'] as const;
export type MovementColumn = (typeof MOVEMENT_COLUMNS)[number];

/** Movements of one place between two years (a kecamatan, or the area as one, named by its code). */
export type MovementRow = { kode: string; nama: string | null } & Record<MovementColumn, number>;

/**
 * A pair of codes a village can have in the two years (0: absent that year) under a scheme: its
 * cell of the matrix, and 1 in each movement column it counts in (db/transition-queries.ts says
 * which, as for the village rows).
 */
export type CodeMove = { a: number; b: number } & Omit<TransitionCell, 'jumlah'> & Record<MovementColumn, number>;

/** A kecamatan along its villages' paths: each village's code in every year of the paths, one village after another. */
export interface PathPlace {
	kode: string;
	nama: string | null;
	codes: ArrayLike<number>;
}

/** The matrix and the movements per kecamatan and of the whole area between two years. */
export interface PathTransitions {
	matrix: TransitionCell[];
	kecamatan: MovementRow[];
	/** The area as one: the line under the kecamatan; none when no village is in either year. */
	wilayah: MovementRow[];
}

/**
 * What Transisi shows for two years, counted along the villages' paths of an area's kecamatan:
 * each village's two codes, the pair's move under the scheme (`moves`), summed per kecamatan and
 * for the area. A village absent from both years has no move and counts nowhere; a kecamatan with
 * no such village has no row. Kecamatan keep the order of `places`; cells come as the SQL over
 * the village rows orders them, by presence then class.
 */
export function transitionsAlongPaths(
	places: readonly PathPlace[],
	years: readonly number[],
	moves: readonly CodeMove[],
	fromYear: number,
	toYear: number,
	area: string
): PathTransitions {
	const width = years.length;
	const from = years.indexOf(fromYear);
	const to = years.indexOf(toYear);
	const moveOf = pairLookup(moves);
	const columns = MOVEMENT_COLUMNS.length;
	// Typed arrays and a lookup per village: a national change of years walks 75,000 villages.
	const adds = Int32Array.from(moves.flatMap((move) => MOVEMENT_COLUMNS.map((column) => move[column])));
	const villages = new Int32Array(moves.length);
	const counts = new Int32Array(columns);
	const total = new Int32Array(columns);
	const kecamatan: MovementRow[] = [];
	for (const place of places) {
		counts.fill(0);
		let counted = 0;
		for (let at = 0; at + width <= place.codes.length; at += width) {
			const i = moveOf(from < 0 ? 0 : place.codes[at + from]!, to < 0 ? 0 : place.codes[at + to]!);
			if (i < 0) continue;
			counted += 1;
			villages[i]! += 1;
			for (let c = 0; c < columns; c++) counts[c]! += adds[i * columns + c]!;
		}
		if (counted === 0) continue;
		kecamatan.push(movementRow(place.kode, place.nama, counts));
		for (let c = 0; c < columns; c++) total[c]! += counts[c]!;
	}
	return { matrix: matrixOf(moves, villages), kecamatan, wilayah: kecamatan.length > 0 ? [movementRow(area, area, total)] : [] };
}

/** Each movement column's place in MOVEMENT_COLUMNS. */
const AT = Object.fromEntries(MOVEMENT_COLUMNS.map((column, c) => [column, c])) as Record<MovementColumn, number>;

/** A row of movements from counts in MOVEMENT_COLUMNS' order, written out: one shape for a national list of 7,000. */
function movementRow(kode: string, nama: string | null, counts: Int32Array): MovementRow {
	return {
		kode,
		nama,
		naik: counts[AT.naik]!,
		tetap: counts[AT.tetap]!,
		turun: counts[AT.turun]!,
		baru: counts[AT.baru]!,
		hilang: counts[AT.hilang]!,
		tanpa_nilai: counts[AT.tanpa_nilai]!,
		menjadi_mandiri: counts[AT.menjadi_mandiri]!
	};
}

/** The index in `moves` of a pair of codes, -1 where no move has it (a village absent from both years). */
function pairLookup(moves: readonly CodeMove[]): (a: number, b: number) => number {
	// Codes are dense ranks of scores and statuses: a few dozen, so a square table of them is small.
	const side = moves.reduce((most, move) => Math.max(most, move.a, move.b), 0) + 1;
	const table = new Int32Array(side * side).fill(-1);
	moves.forEach((move, i) => (table[move.a * side + move.b] = i));
	return (a, b) => (a < side && b < side ? table[a * side + b]! : -1);
}

/** The matrix's cells from the villages of each pair of codes: pairs of one cell summed, cells ordered as the SQL orders them. */
function matrixOf(moves: readonly CodeMove[], villages: Int32Array): TransitionCell[] {
	const cells = new Map<string, TransitionCell>();
	moves.forEach(({ dari, ke, ada_dari, ada_ke, gerak }, i) => {
		if (villages[i] === 0) return;
		const key = JSON.stringify([dari, ke, ada_dari, ada_ke, gerak]);
		const cell = cells.get(key) ?? cells.set(key, { dari, ke, ada_dari, ada_ke, gerak, jumlah: 0 }).get(key)!;
		cell.jumlah += villages[i]!;
	});
	return [...cells.values()].sort(compareCells);
}
