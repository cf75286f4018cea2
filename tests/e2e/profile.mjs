// Where Reflet's worker spends its time on one benchmark input: a CPU profile through Chrome
// tracing (`disabled-by-default-v8.cpu_profiler`), summed by function (self time), per thread.
//
//   scripts/profile-worker.sh [SIZE_MB] [W|Wwarm]        (builds a worker that keeps its names)
//   REFLET_DIST=DIR node tests/e2e/profile.mjs [SIZE_MB] [W|Wwarm]
//
// W is a fresh worker as the app starts it, Wwarm the same file a second time in one worker (the
// profile then holds both reads). TOP=N prints more functions; WHO=REGEX also prints the callers
// of the functions whose name matches (six frames up), e.g. WHO='readAsArrayBuffer'.
import { join } from 'node:path';

import { ROOT, benchStem, openContenders, setUp, tearDown } from './harness.mjs';

const DIR = join(ROOT, 'target/bench');
const mb = Number(process.argv[2] || 50);
const kind = process.argv[3] || 'Wwarm';
const TOP = Number(process.env.TOP || 30);
const WHO = process.env.WHO ? new RegExp(process.env.WHO) : null;

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
  const byThread = new Map();
  const callers = new Map();
  for (const e of trace.traceEvents ?? trace) {
    if (e.name !== 'ProfileChunk') continue;
    const profile = `${e.pid}:${e.id}`;
    const { cpuProfile = {}, timeDeltas = [] } = e.args.data;
    for (const n of cpuProfile.nodes ?? []) {
      names.set(`${profile}:${n.id}`, n.callFrame.functionName || n.callFrame.url || '(anonymous)');
      if (n.parent) parents.set(`${profile}:${n.id}`, `${profile}:${n.parent}`);
    }
    const self = byThread.get(profile) ?? new Map();
    byThread.set(profile, self);
    (cpuProfile.samples ?? []).forEach((sample, i) => {
      const node = `${profile}:${sample}`;
      const name = names.get(node) ?? '?';
      const dt = timeDeltas[i] ?? 0;
      self.set(name, (self.get(name) ?? 0) + dt);
      if (WHO?.test(name)) {
        const chain = [];
        for (let k = parents.get(node); k && chain.length < 6; k = parents.get(k)) chain.push((names.get(k) ?? '?').slice(0, 60));
        callers.set(chain.join(' < '), (callers.get(chain.join(' < ')) ?? 0) + dt);
      }
    });
  }
  for (const [thread, self] of byThread) {
    const busy = [...self].filter(([n]) => n !== '(idle)').reduce((sum, [, t]) => sum + t, 0);
    if (busy < 100_000) continue; // threads that did little: the page, the compiler
    console.log(`\nthread ${thread}: ${(busy / 1000).toFixed(0)} ms busy`);
    for (const [name, t] of [...self].filter(([n]) => n !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
      console.log(`  ${(100 * t / busy).toFixed(1).padStart(5)} %  ${(t / 1000).toFixed(0).padStart(5)} ms  ${name.slice(0, 120)}`);
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
