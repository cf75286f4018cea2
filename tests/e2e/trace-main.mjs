// The app's main-thread tasks while it reads one benchmark input, and what ran in them (T8):
//
//   MIN_MS=40 node tests/e2e/trace-main.mjs [SIZE_MB]     (after `trunk build --release` and the
//                                                          native bench, which generates the input)
//
// `FILE=path` reads that file instead (a Takeout zip: target/bench/takeout-records-…-100MB.zip);
// `PAGE=/?mode=summary` opens that address instead of `/` (map mode); `NOPROF=1` leaves the CPU
// profiler out (the tasks' own lengths, without what sampling adds to them); `CSS='…'` adds a
// style sheet first (to try a style's effect on layout without a build).
//
// Chrome tracing with its CPU profiler, in a fresh page: each main-thread task of MIN_MS (default
// 40) or more, the trace events inside it (layout, message handling…), the functions sampled most
// in it, their outermost callers, and (inclusive) Reflet's own functions on the stack. The profiler's own start is one of the tasks listed. Names
// of the UI's wasm functions are not kept by the release build (wasm-function[N]).
import { join } from 'node:path';
import { ROOT, benchStem, setUp, tearDown, open, untilReady } from './harness.mjs';
const DIR = join(ROOT, 'target/bench');
const mb = Number(process.argv[2] || 50);
const env = await setUp();
try {
  const session = await open(env, process.env.PAGE || '/');
  const { page } = session;
  await untilReady(page);
  // CSS='…': a style sheet added before the file is read (a constructed one: the page's
  // Content-Security-Policy refuses inline styles), to try a style's effect on the tasks.
  if (process.env.CSS) {
    await page.evaluate((css) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }, process.env.CSS);
  }
  // NOPROF=1: the tasks' lengths without the CPU profiler's sampling, which lengthens them.
  const categories = process.env.NOPROF ? ['devtools.timeline', 'toplevel'] : ['disabled-by-default-v8.cpu_profiler', 'devtools.timeline', 'toplevel', 'v8'];
  await env.browser.startTracing(page, { categories });
  await page.setInputFiles('#file-input', process.env.FILE || join(DIR, `${benchStem(DIR, mb)}.json`));
  await page.waitForSelector('#files .status.known', { timeout: 600_000 });
  await page.waitForFunction(() => !document.querySelector('#files .status.reading'), null, { timeout: 600_000 });
  await page.waitForTimeout(500);
  const trace = JSON.parse((await env.browser.stopTracing()).toString());
  const ev = trace.traceEvents;
  const busiest = (threads) => threads.sort((a, b) => ev.filter((x) => x.pid === b.pid && x.tid === b.tid).length - ev.filter((x) => x.pid === a.pid && x.tid === a.tid).length)[0];
  const main = process.env.NOPROF
    ? busiest(ev.filter((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain'))
    : ev.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain' && ev.some((x) => x.pid === e.pid && x.name === 'ProfileChunk'));
  const tasks = ev.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur > Number(process.env.MIN_MS || 40) * 1000 && (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask'));
  console.log('long tasks (ms):', tasks.map((t) => (t.dur / 1000).toFixed(0)).join(', '));
  // samples of the main thread's profile within the long tasks
  const nodes = new Map(); const parents = new Map(); const samples = []; const clock = new Map(); const mainProfiles = new Set();
  for (const e of ev.filter((e) => e.pid === main.pid && (e.name === 'Profile' || e.name === 'ProfileChunk'))) {
    if (e.name === 'Profile') { clock.set(e.id, e.args.data.startTime); if (e.tid === main.tid) mainProfiles.add(e.id); continue; }
    if (!mainProfiles.has(e.id)) continue;
    const d = e.args.data; const cp = d.cpuProfile || {};
    for (const n of cp.nodes || []) { nodes.set(n.id, n.callFrame.functionName || n.callFrame.url || '(anon)'); if (n.parent) parents.set(n.id, n.parent); }
    let t = clock.get(e.id);
    (cp.samples || []).forEach((s, i) => { t += (d.timeDeltas || [])[i] || 0; samples.push([t, s]); });
    clock.set(e.id, t);
  }
  for (const task of tasks) {
    const inner = ev.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.ts >= task.ts && e.ts + (e.dur || 0) <= task.ts + task.dur && e !== task && e.dur > 2000);
    const agg = new Map();
    for (const e of inner) agg.set(e.name, (agg.get(e.name) || 0) + e.dur);
    console.log(`task ${(task.dur / 1000).toFixed(0)} ms inner:`, [...agg].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([n, d]) => `${n} ${(d / 1000).toFixed(0)}`).join('; '));

    const inTask = samples.filter(([ts]) => ts >= task.ts && ts <= task.ts + task.dur);
    const self = new Map(); const top = new Map(); const ours = new Map();
    for (const [, s] of inTask) {
      self.set(nodes.get(s), (self.get(nodes.get(s)) || 0) + 1);
      let k = s; const chain = [];
      while (k && chain.length < 40) { chain.push(nodes.get(k)); k = parents.get(k); }
      // Inclusive: each of Reflet's own functions (named in a build that keeps names) on the stack.
      for (const n of new Set(chain.filter((n) => n && n.includes('reflet::')))) ours.set(n, (ours.get(n) || 0) + 1);
      const outer = chain.reverse().filter((n) => !/^\(root\)|^\(program\)/.test(n)).slice(0, 4).join(' > ');
      top.set(outer, (top.get(outer) || 0) + 1);
    }
    console.log(`\ntask ${(task.dur / 1000).toFixed(0)} ms, ${inTask.length} samples; self:`);
    for (const [n, c] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`  ${c}  ${n.slice(0, 100)}`);
    for (const [n, c] of [...top].sort((a, b) => b[1] - a[1]).slice(0, 4)) console.log(`  outer ${c}  ${n.slice(0, 200)}`);
    for (const [n, c] of [...ours].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  within ${c}  ${n.slice(0, 120)}`);
  }
  await session.context.close();
} finally { await tearDown(env); }
