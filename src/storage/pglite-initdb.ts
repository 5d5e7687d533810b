import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * Creates a new embedded database's files in a worker thread, when `dataDir` holds none yet.
 * PGlite runs initdb as a WebAssembly instance of its own; in the server's thread that instance's
 * memory stays resident until a garbage collection happens to release it (measured: the node's
 * RSS at 720–840 MiB right after a first start, 500 MiB once collected, against ~300 MiB for the
 * same database opened again). A worker that ends takes all of it with it.
 */
export async function initPgliteDataDir(dataDir: string): Promise<void> {
  if (await exists(join(dataDir, 'PG_VERSION'))) return;
  const moduleUrl = import.meta.resolve('@electric-sql/pglite');
  // An eval'd worker is CommonJS: the ES module is loaded by URL, resolved here where it is known.
  const source = `
    const { workerData } = require('node:worker_threads');
    (async () => {
      const { PGlite } = await import(workerData.moduleUrl);
      const db = await PGlite.create({ dataDir: workerData.dataDir });
      await db.close();
    })().catch((error) => { console.error(error); process.exitCode = 1; });`;
  await new Promise<void>((resolve, reject) => {
    const worker = new Worker(source, { eval: true, workerData: { moduleUrl, dataDir } });
    worker.once('error', reject);
    worker.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`creating the embedded database in ${dataDir} failed (exit ${code})`)),
    );
  });
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
