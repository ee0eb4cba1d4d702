/** Targets a user typed, per regency, indicator and year; they override the printed ones. */
export type TargetEntries = Record<string, number>;

const STORAGE_KEY = 'idm-dasbor:target';

/**
 * The key one target is stored under.
 * @example targetKey('6311', 'minimal-maju', 2022) // '6311|minimal-maju|2022'
 */
export function targetKey(kodeKab: string, indikator: string, tahun: number): string {
	return `${kodeKab}|${indikator}|${tahun}`;
}

/** Reads stored targets, ignoring anything that is not a finite number. */
export function parseTargets(text: string | null): TargetEntries {
	if (!text) return {};
	try {
		const parsed: unknown = JSON.parse(text);
		if (typeof parsed !== 'object' || parsed === null) return {};
		return Object.fromEntries(
			Object.entries(parsed).filter((entry): entry is [string, number] => Number.isFinite(entry[1]))
		);
	} catch {
		return {};
	}
}

/** Targets kept in this browser's localStorage, so they survive a reload. */
export function loadTargets(storage: Storage): TargetEntries {
	return parseTargets(storage.getItem(STORAGE_KEY));
}

export function saveTargets(storage: Storage, targets: TargetEntries): void {
	storage.setItem(STORAGE_KEY, JSON.stringify(targets));
}

/**
 * Reads a target as typed, with a decimal comma or point; null for blank or not a number.
 * @example parseTargetInput('23,38') // 23.38
 */
export function parseTargetInput(text: string): number | null {
	const normalised = text.trim().replace('%', '').replace(',', '.');
	if (normalised === '' || !/^-?\d+(\.\d+)?$/.test(normalised)) return null;
	return Number(normalised);
}
