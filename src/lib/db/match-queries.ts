import type { Table } from 'apache-arrow';
import type { KecamatanAlias } from '../domain/names';
import type { Database } from './database';

export async function insertKecamatanAliases(db: Database, aliases: readonly KecamatanAlias[]): Promise<void> {
	for (const { kodeKab, alias, nama } of aliases) {
		await db.query(
			`DELETE FROM kecamatan_alias WHERE kode_kab = $1 AND name_key(alias) = name_key($2)`,
			[kodeKab, alias]
		);
		await db.query('INSERT INTO kecamatan_alias VALUES ($1, $2, $3)', [kodeKab, alias, nama]);
	}
}

export async function listKecamatanAliases(db: Database): Promise<Table> {
	return db.query('SELECT kode_kab, alias, nama FROM kecamatan_alias ORDER BY kode_kab, alias');
}

/** Records the user's answer for a name that matched none or several villages. */
export async function resolveName(
	db: Database,
	kodeKab: string,
	kecamatan: string,
	desa: string,
	kodeDesa: string
): Promise<void> {
	await db.query(
		`DELETE FROM name_resolution WHERE kode_kab = $1 AND kecamatan_key = name_key($2) AND desa_key = name_key($3)`,
		[kodeKab, kecamatan, desa]
	);
	await db.query('INSERT INTO name_resolution VALUES ($1, name_key($2), name_key($3), $4)', [kodeKab, kecamatan, desa, kodeDesa]);
}

/**
 * Gives every row without a village code the code its names point to: same regency, same village
 * name and same kecamatan (after the alias table), spelled alike (domain/names nameKey). The
 * user's answers come first. A name that points to no village, or to several, stays without a
 * code and keeps its candidates: never a guess.
 */
export async function refreshNameMatches(db: Database): Promise<void> {
	await db.query('DELETE FROM name_match');
	await db.query(
		`INSERT INTO name_match
		WITH uncoded AS (
			SELECT v.source, v.source_row, v.kode_kab,
				name_key(coalesce(a.nama, v.nama_kecamatan)) AS kecamatan_key,
				name_key(v.nama_desa) AS desa_key
			FROM village_year v
			LEFT JOIN kecamatan_alias a ON a.kode_kab = v.kode_kab AND name_key(a.alias) = name_key(v.nama_kecamatan)
			WHERE v.kode_desa IS NULL
		),
		-- Only the regencies that have rows to match: a national release is all coded, and its
		-- 75,000 names need no spelling key.
		coded AS (
			SELECT DISTINCT kode_desa, kode_kab, name_key(nama_kecamatan) AS kecamatan_key, name_key(nama_desa) AS desa_key
			FROM village_year WHERE kode_desa IS NOT NULL AND kode_kab IN (SELECT kode_kab FROM uncoded)
		),
		candidates AS (
			SELECT u.source, u.source_row, c.kode_desa
			FROM uncoded u
			JOIN coded c ON c.kode_kab = u.kode_kab AND c.desa_key = u.desa_key
				AND (c.kecamatan_key = u.kecamatan_key OR u.kecamatan_key = '')
		)
		SELECT u.source, u.source_row,
			coalesce(r.kode_desa, CASE WHEN count(DISTINCT c.kode_desa) = 1 THEN any_value(c.kode_desa) END),
			list(DISTINCT c.kode_desa ORDER BY c.kode_desa) FILTER (WHERE c.kode_desa IS NOT NULL)
		FROM uncoded u
		LEFT JOIN candidates c USING (source, source_row)
		LEFT JOIN name_resolution r
			ON r.kode_kab = u.kode_kab AND r.kecamatan_key = u.kecamatan_key AND r.desa_key = u.desa_key
		GROUP BY u.source, u.source_row, r.kode_desa`
	);
}

/**
 * The rows of a dataset whose names matched no village or several: what the user must resolve,
 * with the candidates (for several) and the villages of the same kecamatan not yet matched (for none).
 */
export async function unresolvedNames(db: Database, source: string): Promise<Table> {
	return db.query(
		`SELECT v.source_row, v.kode_kab, v.nama_kecamatan, v.nama_desa, v.tahun,
			coalesce(len(m.kandidat), 0)::INTEGER AS jumlah_kandidat, m.kandidat
		FROM village_year v JOIN name_match m USING (source, source_row)
		WHERE v.source = $1 AND m.kode_desa IS NULL
		ORDER BY v.source_row`,
		[source]
	);
}

/** Villages with a code in a regency, to choose from when resolving a name. */
export async function villageChoices(db: Database, kodeKab: string): Promise<Table> {
	return db.query(
		`SELECT kode_desa, arg_max(nama_desa, tahun) AS nama_desa, arg_max(nama_kecamatan, tahun) AS nama_kecamatan
		FROM village_year WHERE kode_kab = $1 AND kode_desa IS NOT NULL
		GROUP BY kode_desa ORDER BY nama_kecamatan, nama_desa`,
		[kodeKab]
	);
}

/** Regency-years that data with village codes already covers, as `kode_kab|tahun`. */
export async function codedRegencyYears(db: Database): Promise<Set<string>> {
	const table = await db.query(
		`SELECT DISTINCT kode_kab || '|' || tahun AS key FROM village_year v JOIN dataset d USING (source)
		WHERE d.role = 'primary' AND v.kode_desa IS NOT NULL`
	);
	return new Set(table.toArray().map((row) => String(row.key)));
}
