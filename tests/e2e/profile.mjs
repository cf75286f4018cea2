// Where Reflet's worker spends its time on one benchmark input: a CPU profile through Chrome
// tracing (`disabled-by-default-v8.cpu_profiler`), summed by function (self time), per thread.
//
//   scripts/profile-worker.sh [SIZE_MB] [W|Wwarm]        (builds a worker that keeps its names)
//   REFLET_DIST=DIR node tests/e2e/profile.mjs [SIZE_MB] [W|Wwarm]
//
// W is a fresh worker as the app starts it, Wwarm the same file a second time in one worker (the
// profile then holds both reads). TOP=N prints more functions; WHO=REGEX also prints the callers
// of the functions whose name matches (six frames up), e.g. WHO='readAsArrayBuffer'. JOB=1 keeps
// only the last job's time (the worker's samples in the contender's own time before its last
// busy one: the warm-up and the boot left out); INCL=N also prints the N functions with the most
// time including what they called.
import { join } from 'node:path';

import { ROOT, benchStem, openContenders, setUp, tearDown } from './harness.mjs';

const DIR = join(ROOT, 'target/bench');
const mb = Number(process.argv[2] || 50);
const kind = process.argv[3] || 'Wwarm';
const TOP = Number(process.env.TOP || 30);
const WHO = process.env.WHO ? new RegExp(process.env.WHO) : null;
const JOB = process.env.JOB === '1';
const INCL = Number(process.env.INCL || 0);

const env = await setUp();
try {
  const { context, page } = await openContenders(env);
  await page.setInputFiles('#input', join(DIR, `${benchStem(DIR, mb)}.json`));
  await env.browser.startTracing(page, { categories: ['disabled-by-default-v8.cpu_profiler', 'v8'] });
  const result = await page.evaluate((k) => window.runContender(k), kind);
  const trace = JSON.parse((await env.browser.stopTracing()).toString());
  console.log(`${kind} on ${mb} MB: ${(result.ms / 1000).toFixed(2)} s, ${result.count} positions`);
  const names = new Map();
  const parents = new Map();
  // Every sample: its thread, node and time (µs, the trace's clock) and how long it stood for.
  const samples = [];
  const starts = new Map();
  for (const e of trace.traceEvents ?? trace) {
    if (e.name === 'Profile') starts.set(`${e.pid}:${e.id}`, e.args.data.startTime);
    if (e.name !== 'ProfileChunk') continue;
    const profile = `${e.pid}:${e.id}`;
    const { cpuProfile = {}, timeDeltas = [] } = e.args.data;
    for (const n of cpuProfile.nodes ?? []) {
      names.set(`${profile}:${n.id}`, n.callFrame.functionName || n.callFrame.url || '(anonymous)');
      if (n.parent) parents.set(`${profile}:${n.id}`, `${profile}:${n.parent}`);
    }
    let t = starts.get(`${profile}:last`) ?? starts.get(profile) ?? 0;
    (cpuProfile.samples ?? []).forEach((sample, i) => {
      const dt = timeDeltas[i] ?? 0;
      t += dt;
      samples.push({ profile, node: `${profile}:${sample}`, t, dt });
    });
    starts.set(`${profile}:last`, t);
  }
  const isIdle = (s) => names.get(s.node) === '(idle)';
  // JOB: the window of the contender's own time that ends at each thread's last busy sample.
  const lastBusy = new Map();
  for (const s of samples) if (!isIdle(s)) lastBusy.set(s.profile, Math.max(lastBusy.get(s.profile) ?? 0, s.t));
  const kept = JOB ? samples.filter((s) => s.t >= lastBusy.get(s.profile) - result.ms * 1000) : samples;
  const byThread = new Map();
  const inclusive = new Map();
  const callers = new Map();
  for (const s of kept) {
    const name = names.get(s.node) ?? '?';
    const self = byThread.get(s.profile) ?? new Map();
    byThread.set(s.profile, self);
    self.set(name, (self.get(name) ?? 0) + s.dt);
    if (INCL && name !== '(idle)') {
      const all = inclusive.get(s.profile) ?? new Map();
      inclusive.set(s.profile, all);
      const seen = new Set();
      for (let k = s.node; k; k = parents.get(k)) seen.add(names.get(k) ?? '?');
      for (const n of seen) all.set(n, (all.get(n) ?? 0) + s.dt);
    }
    if (WHO?.test(name)) {
      const chain = [];
      for (let k = parents.get(s.node); k && chain.length < 6; k = parents.get(k)) chain.push((names.get(k) ?? '?').slice(0, 60));
      callers.set(chain.join(' < '), (callers.get(chain.join(' < ')) ?? 0) + s.dt);
    }
  }
  for (const [thread, self] of byThread) {
    const busy = [...self].filter(([n]) => n !== '(idle)').reduce((sum, [, t]) => sum + t, 0);
    if (busy < 100_000 && !JOB) continue; // threads that did little: the page, the compiler
    if (busy < 10_000) continue;
    console.log(`\nthread ${thread}: ${(busy / 1000).toFixed(0)} ms busy`);
    for (const [name, t] of [...self].filter(([n]) => n !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
      console.log(`  ${(100 * t / busy).toFixed(1).padStart(5)} %  ${(t / 1000).toFixed(0).padStart(5)} ms  ${name.slice(0, 120)}`);
    }
    if (INCL) {
      console.log(`  including what they called:`);
      for (const [name, t] of [...(inclusive.get(thread) ?? [])].sort((a, b) => b[1] - a[1]).slice(0, INCL)) {
        console.log(`  ${(100 * t / busy).toFixed(1).padStart(5)} %  ${(t / 1000).toFixed(0).padStart(5)} ms  ${name.slice(0, 120)}`);
      }
    }
  }
  // TIMELINE=MS: each thread's job, bucket by bucket, and what took most of each.
  if (process.env.TIMELINE) {
    const step = Number(process.env.TIMELINE) * 1000;
    for (const thread of byThread.keys()) {
      const mine = kept.filter((s) => s.profile === thread);
      if (mine.length === 0) continue;
      const t0 = mine[0].t;
      console.log(`\ntimeline of ${thread}:`);
      const buckets = new Map();
      for (const s of mine) {
        const b = Math.floor((s.t - t0) / step);
        const m = buckets.get(b) ?? new Map();
        buckets.set(b, m);
        let name = names.get(s.node) ?? '?';
        // Named by the outermost Reflet frame under the root, for context.
        const chain = [];
        for (let k = s.node; k; k = parents.get(k)) chain.push(names.get(k) ?? '?');
        const top = chain.reverse().slice(1, 4).map((n) => n.replace(/::h[0-9a-f]{16}$/, '').slice(-40)).join(' > ');
        name = `${top} | ${name.replace(/::h[0-9a-f]{16}$/, '').slice(-40)}`;
        m.set(name, (m.get(name) ?? 0) + s.dt);
      }
      for (const [b, m] of [...buckets].sort((x, y) => x[0] - y[0])) {
        const busy = [...m].filter(([n]) => !n.endsWith('(idle)')).reduce((a, [, t]) => a + t, 0);
        const best = [...m].sort((x, y) => y[1] - x[1]).slice(0, 2).map(([n, t]) => `${(t / 1000).toFixed(1)} ${n}`).join(' ; ');
        console.log(`  ${String(b * step / 1000).padStart(5)} ms busy ${(busy / 1000).toFixed(1).padStart(5)}: ${best}`);
      }
    }
  }
  if (WHO) {
    console.log(`\ncallers of /${WHO.source}/:`);
    for (const [chain, t] of [...callers].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`  ${(t / 1000).toFixed(0).padStart(5)} ms  ${chain}`);
  }
  await context.close();
} finally {
  await tearDown(env);
}
