// Experiment (not a test): can Reflet's synchronous wasm reader read a File asynchronously, so
// that reading overlaps parsing and Cancel ends the worker at once? It uses JSPI
// (`WebAssembly.Suspending` / `WebAssembly.promising`, in Chromium since 137) with a stand-in
// for the reader: a wasm loop that asks an import for each chunk, then sums its bytes WORK times
// (the "parse"). The module is read-loop.wat, assembled by binaryen's `wasm-as`, inlined below.
//
//   node tests/e2e/experiments/jspi-reads.mjs FILE [WORK]
//
// Modes: mem (no reading: the parse alone), sync (FileReaderSync, as Reflet reads today), async
// (await blob.slice().arrayBuffer() through a Suspending import), prefetch (the same, the next
// chunk's read started before this one is parsed). Then Cancel: terminate() while the worker is
// busy in sync mode, and while it is suspended in prefetch mode. Results of 2026-11-29 are in
// docs/benchmarks-notes.md.
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';

const FILE = process.argv[2];
const WORK = Number(process.argv[3] || 1);
const WASM = 'AGFzbQEAAAABDAJgAX8Bf2ACf38BfwIMAQNlbnYEcmVhZAAAAwIBAQUEAQCAAgcNAgNtZW0CAANydW4AAQppAWcBBX9BACECAkADQCACIABPDQEgAhAAIQNBACEFAkADQCAFIAFPDQFBACEEAkADQCAEIANPDQEgBiAELQAAaiEGIARBAWohBAwACwALIAVBAWohBQwACwALIAJBAWohAgwACwALIAYL';
const server = createServer((q, s) => { s.setHeader('content-type', 'text/html'); s.end('<!doctype html><input type=file id=f>'); }).listen(0);
const origin = `http://127.0.0.1:${server.address().port}`;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const WORKER = `
const bytes = Uint8Array.from(atob('${WASM}'), c => c.charCodeAt(0));
const module = new WebAssembly.Module(bytes);
self.onmessage = async (e) => {
  const { file, mode, C, work } = e.data;
  const chunks = Math.ceil(file.size / C);
  let mem;
  const copy = (buf) => { const a = new Uint8Array(buf); new Uint8Array(mem.buffer, 0, a.length).set(a); return a.length; };
  const frs = new FileReaderSync();
  const slice = (k) => file.slice(k * C, (k + 1) * C);
  let pending = null;
  const reads = {
    mem: (k) => Math.min(C, file.size - k * C),
    sync: (k) => copy(frs.readAsArrayBuffer(slice(k))),
    async: new WebAssembly.Suspending(async (k) => copy(await slice(k).arrayBuffer())),
    prefetch: new WebAssembly.Suspending(async (k) => {
      const p = pending ?? slice(k).arrayBuffer();
      pending = k + 1 < chunks ? slice(k + 1).arrayBuffer() : null;
      return copy(await p);
    }),
  };
  const inst = new WebAssembly.Instance(module, { env: { read: reads[mode] } });
  mem = inst.exports.mem;
  if (C > mem.buffer.byteLength) mem.grow((C - mem.buffer.byteLength) / 65536 + 1);
  const run = mode === 'async' || mode === 'prefetch' ? WebAssembly.promising(inst.exports.run) : inst.exports.run;
  const t = performance.now();
  const sum = await run(chunks, work);
  postMessage({ ms: performance.now() - t, sum });
};`;
const page = await b.newPage();
await page.goto(origin);
await page.setInputFiles('#f', FILE);
for (const C of [1 << 20, 8 << 20]) {
  for (const mode of ['mem', 'sync', 'async', 'prefetch']) {
    const ms = [];
    for (let i = 0; i < 3; i++) {
      ms.push(await page.evaluate(async ({ src, mode, C, work }) => {
        const w = new Worker(URL.createObjectURL(new Blob([src])));
        const r = await new Promise((res) => { w.onmessage = (e) => res(e.data); w.onerror = (e) => res({ err: e.message }); w.postMessage({ file: document.querySelector('#f').files[0], mode, C, work }); });
        w.terminate();
        return r.err ? r.err : r.ms;
      }, { src: WORKER, mode, C, work: WORK }));
    }
    console.log(`C=${C >> 20} MB ${mode}: ${ms.map((x) => (typeof x === 'number' ? x.toFixed(0) : x)).join(' ')} ms`);
  }
}
// Cancel: terminate while suspended-async vs busy-sync
for (const mode of ['sync', 'prefetch']) {
  const closed = new Promise((res) => page.once('worker', (w) => w.once('close', () => res(Date.now()))));
  const sent = await page.evaluate(async ({ src, mode }) => {
    const w = new Worker(URL.createObjectURL(new Blob([src])));
    w.postMessage({ file: document.querySelector('#f').files[0], mode, C: 1 << 20, work: 1 });
    await new Promise((r) => setTimeout(r, 300));
    const t = Date.now();
    w.terminate();
    return t;
  }, { src: WORKER, mode });
  console.log(`cancel ${mode}: worker gone ${(await closed) - sent} ms after terminate()`);
}
await b.close();
server.close();
