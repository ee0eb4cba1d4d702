import type { Database } from '../db/database';
import {
	insertRecapCsv,
	insertTargetCsv,
	insertScheme,
	insertStagedVillages,
	insertStatusAliases,
	insertStatusRanks,
	registerDataset,
	stageCsv,
	stageMapping,
	type DatasetKind,
	type DatasetRole,
	type StagedDefaults
} from '../db/load-queries';
import { createSchema } from '../db/schema';
import { BUILT_IN_SCHEMES } from '../domain/schemes';
import { STATUS_ALIASES, STATUS_ORDER } from '../domain/status';
import { recognizeColumns } from './columns';

/** Creates the tables and puts the domain's schemes and status spellings in them. */
export async function prepareDatabase(db: Database): Promise<void> {
	await createSchema(db);
	for (const scheme of BUILT_IN_SCHEMES) await insertScheme(db, scheme);
	const ownNames = Object.fromEntries(STATUS_ORDER.map((status) => [status, status]));
	await insertStatusAliases(db, { ...ownNames, ...STATUS_ALIASES });
	await insertStatusRanks(db, STATUS_ORDER);
}

/** Loads a registered CSV of villages (scores or statuses); returns the village-year rows added. */
export async function loadVillageFile(
	db: Database,
	file: string,
	kind: DatasetKind,
	role: DatasetRole,
	defaults: StagedDefaults
): Promise<number> {
	const headers = await stageCsv(db, file);
	const mapping = recognizeColumns(headers);
	if (!mapping.some((column) => column.field === 'nama_desa' || column.field === 'kode_desa')) {
		throw new Error(`${file}: no village code or name column among ${headers.join(', ')}`);
	}
	await stageMapping(db, mapping);
	await registerDataset(db, file, kind, role);
	return insertStagedVillages(db, file, defaults);
}

/** Loads a registered target file in the project's target layout. */
export async function loadTargetFile(db: Database, file: string): Promise<number> {
	await registerDataset(db, file, 'targets', 'primary');
	return insertTargetCsv(db, file, file);
}

/** Loads a registered status-count file in the project's recap layout. */
export async function loadRecapFile(db: Database, file: string): Promise<number> {
	await registerDataset(db, file, 'recap', 'primary');
	return insertRecapCsv(db, file, file);
}
