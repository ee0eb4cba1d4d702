// Reads a file into tables off the page's thread: decoding, finding the header, shaping the rows
// and unpacking a workbook take seconds on a large file, and the page must stay responsive.
//
// The reading code is not bundled into the worker, as Vite would bundle it (a second copy of
// papaparse, the loader and the zip library: vitejs/vite#16719): the page sends the address of
// its own chunk of prepare-file.ts, and the worker imports that, sharing the page's chunks.
self.onmessage = async (event: MessageEvent<{ reader: string; name: string; bytes: Uint8Array }>) => {
	try {
		const { prepareFile }: typeof import('./prepare-file') = await import(/* @vite-ignore */ event.data.reader);
		self.postMessage({ tables: await prepareFile(event.data.name, event.data.bytes) });
	} catch (error) {
		self.postMessage({ error: error instanceof Error ? error.message : String(error) });
	}
};
