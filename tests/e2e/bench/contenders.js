// The benchmark's contenders (../shared/BENCHMARK.md), each in its own Web Worker, on the same
// `File`: W (Reflet's worker, started as the app starts it, timed from the job to its `finished`
// message, no page rendering), J (`file.text()` + `JSON.parse`), J2 (a byte scanner framing each
// record, `JSON.parse` per record), O (oboe.js fed 512 KB chunks, as location-history-visualizer
// does) and F (the floor: reading the file in 1 MB slices, nothing else). Each returns the time in
// the worker and the summary it found (positions, first and last instants), checked against the
// generator's ground truth by tests/e2e/bench.mjs. Served by the benchmark only, never by the app.

// Reflet's worker, booted as src/worker/spawn.rs does, with its boot script. `sync`: as in a
// browser without JSPI (Safari): FileReaderSync reads, not suspending ones.
const NO_JSPI = ';WebAssembly.Suspending = undefined;\n';
const reflet = {};
async function refletWorker(sync) {
  if (!reflet.module) {
    reflet.glue = await (await fetch('/reflet.js')).text();
    reflet.boot = await (await fetch('/bench/boot.js')).text();
    reflet.module = await WebAssembly.compileStreaming(fetch('/reflet_bg.wasm'));
  }
  const parts = sync ? [NO_JSPI, reflet.glue, reflet.boot] : [reflet.glue, reflet.boot];
  const url = URL.createObjectURL(new Blob(parts, { type: 'text/javascript' }));
  const born = performance.now();
  // A module worker: the glue is an ES module (src/worker/spawn.rs).
  const worker = new Worker(url, { type: 'module' });
  const ready = new Promise((resolve) => {
    // Messages are tagged by their variant (src/worker/protocol.rs): `"ready"`, `{"found": {…}}`.
    worker.onmessage = (e) => { if (JSON.parse(e.data.json) === 'ready') resolve(); };
  });
  worker.postMessage(reflet.module);
  URL.revokeObjectURL(url);
  await ready;
  worker.readyMs = performance.now() - born;
  return worker;
}

// One job in Reflet's worker: the time from posting it to `finished`, and the summary found.
function job(worker, file, id) {
  const message = JSON.stringify({ analyse: { jobs: [{ id, index: 0, path: file.name }] } });
  return new Promise((resolve) => {
    let summary = null;
    let start = 0;
    worker.onmessage = (e) => {
      const m = JSON.parse(e.data.json);
      if (m.found) {
        for (const r of m.found.reports) if (r.summary && !summary) summary = r.summary;
      } else if (m.finished) {
        resolve({ ms: performance.now() - start, summary });
      }
    };
    start = performance.now();
    worker.postMessage({ json: message, files: [file] });
  });
}

// W: a fresh worker, as for the first file a person opens. `warm`: the same file read once
// before, untimed (the worker's one-off costs paid: compiled code tiered up, tables decoded).
async function runW(file, warm, sync) {
  const worker = await refletWorker(sync);
  if (warm) await job(worker, file, 1);
  const result = await job(worker, file, 2);
  worker.terminate();
  const s = result.summary || {};
  return { ms: result.ms, readyMs: worker.readyMs, count: s.count ?? 0, first: s.first ?? null, last: s.last ?? null };
}

// The JS contenders' shared summary: what Reflet counts (a position with coordinates and a time).
const SUMMARY = `
function Summary() { this.count = 0; this.first = Infinity; this.last = -Infinity; }
Summary.prototype.add = function (r) {
  if (r == null || typeof r.latitudeE7 !== 'number' || typeof r.longitudeE7 !== 'number') return;
  const t = r.timestamp !== undefined ? Date.parse(r.timestamp) : Number(r.timestampMs);
  if (!Number.isFinite(t)) return;
  this.count++;
  if (t < this.first) this.first = t;
  if (t > this.last) this.last = t;
};
Summary.prototype.done = function (ms) {
  const iso = (t) => (Number.isFinite(t) ? new Date(t).toISOString() : null);
  return { ms, count: this.count, first: iso(this.first), last: iso(this.last) };
};
`;

const BODIES = {
  J: `async (file) => {
    const s = new Summary();
    const text = await file.text();
    if (text.length === 0 && file.size > 0) throw new Error('file.text() came back empty');
    const doc = JSON.parse(text);
    for (const r of doc.locations || []) s.add(r);
    return s;
  }`,
  J2: `async (file) => {
    const s = new Summary();
    const decoder = new TextDecoder();
    // Depth 3 is a record inside {"locations": [ ... ]}.
    let depth = 0, inString = false, escaped = false, carry = null;
    for (let at = 0; at < file.size; at += 1 << 20) {
      const bytes = new Uint8Array(await file.slice(at, at + (1 << 20)).arrayBuffer());
      let start = depth >= 3 ? 0 : -1;
      for (let i = 0; i < bytes.length; i++) {
        const b = bytes[i];
        if (inString) {
          if (escaped) escaped = false;
          else if (b === 92) escaped = true;
          else if (b === 34) inString = false;
          continue;
        }
        if (b === 34) inString = true;
        else if (b === 123 || b === 91) { depth++; if (depth === 3 && b === 123) start = i; }
        else if (b === 125 || b === 93) {
          if (depth === 3 && b === 125) {
            let part = bytes.subarray(start, i + 1);
            if (carry) { const all = new Uint8Array(carry.length + part.length); all.set(carry); all.set(part, carry.length); part = all; carry = null; }
            s.add(JSON.parse(decoder.decode(part)));
            start = -1;
          }
          depth--;
        }
      }
      if (depth >= 3 && start >= 0) {
        const part = bytes.subarray(start);
        if (carry) { const all = new Uint8Array(carry.length + part.length); all.set(carry); all.set(part, carry.length); carry = all; } else carry = part.slice();
      }
    }
    return s;
  }`,
  O: `async (file) => {
    importScripts(ORIGIN + '/bench/oboe.js');
    const s = new Summary();
    const parser = oboe();
    parser.node('locations.*', (r) => { s.add(r); return oboe.drop; });
    const decoder = new TextDecoder();
    for (let at = 0; at < file.size; at += 512 * 1024) {
      const bytes = await file.slice(at, at + 512 * 1024).arrayBuffer();
      parser.emit('data', decoder.decode(bytes, { stream: true }));
    }
    parser.emit('done');
    return s;
  }`,
  F: `async (file) => {
    const s = new Summary();
    let n = 0;
    for (let at = 0; at < file.size; at += 1 << 20) {
      n += (await file.slice(at, at + (1 << 20)).arrayBuffer()).byteLength;
    }
    if (n !== file.size) throw new Error('short read');
    return s;
  }`,
};

async function runJs(kind, file) {
  const source = `${SUMMARY}
const ORIGIN = ${JSON.stringify(location.origin)};
const run = ${BODIES[kind]};
self.onmessage = async (e) => {
  const start = performance.now();
  try {
    const s = await run(e.data);
    self.postMessage(s.done(performance.now() - start));
  } catch (error) {
    self.postMessage({ ms: performance.now() - start, error: String(error && error.message || error) });
  }
};`;
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  const worker = new Worker(url);
  const result = await new Promise((resolve) => {
    worker.onmessage = (e) => resolve(e.data);
    worker.onerror = (e) => { e.preventDefault(); resolve({ error: e.message || 'worker error' }); };
    worker.postMessage(file);
  });
  worker.terminate();
  URL.revokeObjectURL(url);
  return result;
}

window.runContender = async (kind) => {
  const file = document.querySelector('#input').files[0];
  try {
    if (kind === 'W' || kind === 'Wwarm' || kind === 'Wsync') return await runW(file, kind === 'Wwarm', kind === 'Wsync');
    return await runJs(kind, file);
  } catch (error) {
    return { error: String(error && error.message || error) };
  }
};
window.contendersReady = true;
