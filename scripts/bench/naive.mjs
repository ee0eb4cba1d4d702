// The naive path the issue compares against: the file read as text, PapaParse into row objects,
// JavaScript columns built from them, then villages per status per year counted, in a page of
// its own (same browser and run) so the app's CSP and DuckDB play no part.
export const NAIVE_PAGE = `<!doctype html>
<meta charset="utf-8">
<title>naive</title>
<script src="/__bench/papaparse.min.js"></script>
<input type="file" id="file">
<script>
const CUTOFFS = [0.4907, 0.5989, 0.7072, 0.8155];
document.getElementById('file').addEventListener('change', async (event) => {
	const start = performance.now();
	const text = await event.target.files[0].text();
	const parsed = Papa.parse(text, { header: true, skipEmptyLines: true, dynamicTyping: false });
	const columns = {};
	for (const field of parsed.meta.fields) columns[field] = parsed.data.map((row) => row[field]);
	const idm = columns.NILAI_IDM.map((v) => (v === '' ? NaN : Number(v)));
	const tahun = columns.TAHUN.map(Number);
	const counts = {};
	for (let i = 0; i < idm.length; i++) {
		if (Number.isNaN(idm[i])) continue;
		const rank = CUTOFFS.findIndex((c) => idm[i] <= c);
		const year = (counts[tahun[i]] ??= [0, 0, 0, 0, 0]);
		year[rank === -1 ? 4 : rank]++;
	}
	window.naiveResult = { ms: performance.now() - start, rows: parsed.data.length, counts };
});
</script>`;
