/**
 * The key two spellings of a place name share: upper case, without spaces, punctuation or
 * apostrophes, so "WONO HARJO" meets "WONOHARJO" and "JU'UH" meets "JUUH". The same folding is
 * written in SQL (db/schema.ts `name_key`); tests check they agree on the real names.
 * @example nameKey("Bumi  Agung ") // 'BUMIAGUNG'
 * @example nameKey('KILING-KILING') // 'KILINGKILING'
 */
export function nameKey(name: string | null | undefined): string {
	return (name ?? '').toUpperCase().replace(/[^A-Z0-9]+/g, '');
}

/** A kecamatan spelling and the spelling it stands for, within one regency. */
export interface KecamatanAlias {
	kodeKab: string;
	alias: string;
	nama: string;
}

/**
 * Spellings of kecamatan seen in the regency reports for names the releases spell otherwise.
 * The user can add more; these are the ones the seeds show.
 */
export const KNOWN_KECAMATAN_ALIASES: readonly KecamatanAlias[] = [
	{ kodeKab: '1808', alias: 'UMPU SEMENGIK', nama: 'UMPU SEMENGUK' },
	{ kodeKab: '1808', alias: 'UMPU SEMENGGUK', nama: 'UMPU SEMENGUK' }
];
