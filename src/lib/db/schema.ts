import type { Database } from './database';

/**
 * The tables every query reads. `village_year` holds one row per village per year per source file,
 * as read (names and codes as text, scores as numbers); `status_recap` holds counts printed without
 * villages; `status_band` and `status_alias` carry the domain's schemes and status spellings as data.
 */
const SCHEMA = [
	`CREATE TABLE IF NOT EXISTS dataset (
		source VARCHAR PRIMARY KEY,
		kind VARCHAR NOT NULL,
		role VARCHAR NOT NULL
	)`,
	`CREATE TABLE IF NOT EXISTS village_year (
		source VARCHAR NOT NULL,
		source_row INTEGER NOT NULL,
		kode_prov VARCHAR,
		nama_provinsi VARCHAR,
		kode_kab VARCHAR,
		nama_kabupaten VARCHAR,
		kode_kec VARCHAR,
		nama_kecamatan VARCHAR,
		kode_desa VARCHAR,
		nama_desa VARCHAR,
		tahun INTEGER,
		iks DOUBLE,
		ike DOUBLE,
		ikl DOUBLE,
		idm DOUBLE,
		status_text VARCHAR,
		status_published VARCHAR,
		keterangan VARCHAR
	)`,
	`CREATE TABLE IF NOT EXISTS status_recap (
		source VARCHAR NOT NULL,
		kode_kab VARCHAR NOT NULL,
		nama_kabupaten VARCHAR,
		tahun INTEGER NOT NULL,
		status VARCHAR NOT NULL,
		jumlah INTEGER NOT NULL
	)`,
	`CREATE TABLE IF NOT EXISTS status_band (
		scheme_id VARCHAR NOT NULL,
		rank INTEGER NOT NULL,
		status VARCHAR NOT NULL,
		lower DOUBLE NOT NULL,
		upper DOUBLE NOT NULL,
		lower_inclusive BOOLEAN NOT NULL,
		upper_inclusive BOOLEAN NOT NULL,
		PRIMARY KEY (scheme_id, rank)
	)`,
	`CREATE TABLE IF NOT EXISTS status_alias (
		written VARCHAR PRIMARY KEY,
		status VARCHAR NOT NULL
	)`,
	// The score a class is computed from: the published IDM, else IDM from its three components
	// exactly as domain/idm.ts idmFromComponents computes it (through the indicator points when the
	// components are whole points over 175, 60 and 15; else from the components as published).
	`CREATE OR REPLACE VIEW village_score AS
		SELECT v.*,
			coalesce(idm, CASE
				WHEN abs(round(iks * 175) / 175 - iks) <= 0.0000500001
					AND abs(round(ike * 60) / 60 - ike) <= 0.0000500001
					AND abs(round(ikl * 15) / 15 - ikl) <= 0.0000500001
				THEN floor((200 * (12 * round(iks * 175) + 35 * round(ike * 60) + 140 * round(ikl * 15)) + 63) / 126) / 10000
				ELSE round((round(iks * 10000) + round(ike * 10000) + round(ikl * 10000)) / 3) / 10000
			END) AS score
		FROM village_year v JOIN dataset d USING (source)
		WHERE d.role = 'primary'`
] as const;

export async function createSchema(db: Database): Promise<void> {
	for (const statement of SCHEMA) await db.query(statement);
}
