// The benchmark's contenders side by side (../shared/BENCHMARK.md), on the inputs and native
// times that `cargo run --release --example bench -- SIZES` wrote in target/bench/:
//
//   node tests/e2e/contenders.mjs [--smoke] [--runs K] [--json FILE] [--native A.json,B.json…] [SIZE_MB...]
//   (after `trunk build --release`)
//
// W (Reflet's worker), J (file.text + JSON.parse), J2 (byte framing + JSON.parse per record),
// O (oboe.js, up to 100 MB as BENCHMARK.md says), F (read-only floor), each in a fresh page of
// Debian Chromium; N is the native time. Prints one markdown row per contender and input, then
// the ratios W/N, W/J, W/J2, W/O. With --smoke (CI: 10 and 50 MB by default) it fails when a
// contender's result differs from the ground truth, when W's renderer peak (the median of its runs) grows by more than
// 16 MB from the smallest to the largest input, or when the app's main thread has a long task (50
// ms or more) while it reads the largest input, or when W/N on the largest input is below half its
// "must" (0.25: the median of three ratios, each from N run just before one of W's runs). It
// reports the other ratios below half their "must" value (W/J 1.5, W/O 20), without failing on
// them until the performance issue meets T2 and T3.
// `--json FILE` also writes every run's time, renderer peak and result there, with N and the
// ratios (for tests/e2e/report.mjs).
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import { ROOT, benchStem, median, openContenders, option, rendererPids, rssMb, setUp, sizesArg, tearDown, untilReady } from './harness.mjs';

const SMOKE = process.argv.includes('--smoke');
// `--runs K`: each contender K times, in a fresh page each time; the median is used, and the
// spread (fastest–slowest) shown beside it. Three runs, except in the smoke where only W, the
// one that gates, runs three times (J and O once: they are reported).
const RUNS = option('--runs') !== undefined ? Math.max(1, Number(option('--runs')) || 1) : 3;
const runsOf = (kind) => (SMOKE && kind !== 'W' && option('--runs') === undefined ? 1 : RUNS);
const JSON_OUT = option('--json');
const sizes = sizesArg();
const SIZES = sizes.length ? sizes : SMOKE ? [10, 50] : [10, 100, 1000];
const DIR = join(ROOT, 'target/bench');
const MUST = { N: 0.5, J: 1.5, O: 20 };

// One contender on one file, in a fresh page (a fresh renderer, so memory is its own).
async function run(env, kind, file) {
  const { context, page } = await openContenders(env);
  await page.setInputFiles('#input', file);
  const pids = rendererPids();
  let peak = Math.max(...pids.map(rssMb));
  const sampler = setInterval(() => { for (const p of pids) peak = Math.max(peak, rssMb(p)); }, 50);
  const result = await page.evaluate((k) => window.runContender(k), kind);
  clearInterval(sampler);
  await context.close();
  return { ...result, peak };
}

// The app itself on one file: main-thread long tasks while it reads (T8).
async function longTasks(env, file) {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${env.server.origin}/`);
  await untilReady(page);
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.longTasks.push(e.duration); })
      .observe({ type: 'longtask' });
  });
  await page.setInputFiles('#file-input', file);
  await page.waitForSelector('#files .status.known', { timeout: 600_000 });
  await page.waitForFunction(() => !document.querySelector('#files .status.reading'), null, { timeout: 600_000 });
  const tasks = await page.evaluate(() => window.longTasks);
  await context.close();
  return tasks;
}

// N: the native times, `--native A.json,B.json,…` (several runs of the native bench: the median
// of each input's times is used), else target/bench/native-summary.json (its last run).
const nativeRuns = (option('--native')?.split(',') ?? [join(DIR, 'native-summary.json')])
  .map((f) => JSON.parse(readFileSync(f, 'utf8')));
const native = Object.fromEntries(Object.keys(nativeRuns[0])
  .map((key) => [key, median(nativeRuns.map((r) => r[key]).filter((t) => typeof t === 'number'))]));
// One native run of the bench on the `mb` MB input, now: its time in seconds, or null.
function nativeNow(mb) {
  try {
    execFileSync(join(ROOT, 'target/release/examples/bench'), [String(mb)], { stdio: 'ignore' });
    const t = JSON.parse(readFileSync(join(DIR, 'native-summary.json'), 'utf8'))[`Records.json ${mb} MB`];
    return typeof t === 'number' ? t : null;
  } catch { return null; }
}

const env = await setUp();
const results = { runs: RUNS, chromium: env.browser.version(), rows: [], native: {}, ratios: [] };
const failures = [];
const peaks = [];
console.log(`${SMOKE ? `W ${runsOf('W')} run(s), the others ${runsOf('J')}` : `${RUNS} run(s) each`}: median time (fastest–slowest); N the median of ${nativeRuns.length} native run(s)\n`);
console.log('| input | contender | time | spread | MB/s | renderer peak | exact |');
console.log('|---|---|---:|---:|---:|---:|---|');
const ratios = [];
try {
  for (const mb of SIZES) {
    const stem = benchStem(DIR, mb);
    const truth = JSON.parse(readFileSync(join(DIR, `${stem}.truth.json`), 'utf8'));
    const json = join(DIR, `${stem}.json`);
    const times = {};
    const only = process.env.CONTENDERS?.split(',');
    const contenders = (SMOKE ? ['W', 'J', 'O'] : ['W', 'Wwarm', 'Wsync', 'J', 'J2', ...(mb <= 100 ? ['O'] : []), 'F'])
      .filter((k) => !only || only.includes(k));
    // W/N compares W with N run just before each W run: the machine's speed drifts by half
    // between minutes (N alone measured 0.18 s and 0.36 s on one binary), and W/N from runs
    // minutes apart measured that drift, not the code (the smoke gates on its largest input
    // only). For the same reason the contenders run in rounds, each once per round (W, Wwarm…
    // F, then again), so that the runs a ratio compares are minutes apart at most.
    const pairs = [];
    const runsBy = Object.fromEntries(contenders.map((kind) => [kind, []]));
    const rounds = Math.max(0, ...contenders.map(runsOf));
    for (let i = 0; i < rounds; i++) {
      for (const kind of contenders.filter((k) => i < runsOf(k))) {
        const n = kind === 'W' && (!SMOKE || mb === SIZES[SIZES.length - 1]) ? nativeNow(mb) : null;
        const w = await run(env, kind, json);
        runsBy[kind].push(w);
        if (n !== null && !w.error) pairs.push(n / (w.ms / 1000));
      }
    }
    for (const kind of contenders) {
      const all = runsBy[kind];
      // Any failed or inexact run is the one reported; else the median by time.
      const bad = all.find((x) => x.error || (kind !== 'F' && !(x.count === truth.count && x.first === truth.first && x.last === truth.last)));
      const sorted = [...all].sort((a, b) => a.ms - b.ms);
      const r = bad || sorted[Math.floor((sorted.length - 1) / 2)];
      const spread = bad ? '–' : `${(sorted[0].ms / 1000).toFixed(2)}–${(sorted[sorted.length - 1].ms / 1000).toFixed(2)} s`;
      const runs = all.map((x) => ({ ...x }));
      r.peak = Math.max(...all.map((x) => x.peak));
      const exact = kind === 'F' ? 'n/a'
        : r.error ? `failed: ${r.error}`
          : r.count === truth.count && r.first === truth.first && r.last === truth.last ? 'yes'
            : `NO: ${r.count} ${r.first} ${r.last}`;
      if (!r.error) times[kind] = r.ms / 1000;
      // The memory gate compares W's median peaks: the highest of three runs swings by 10–20 MB
      // on this shared machine (the native build's peak RSS does not move from 10 to 50 MB).
      if (kind === 'W') {
        const byPeak = all.map((x) => x.peak).sort((a, b) => a - b);
        peaks.push(byPeak[Math.floor((byPeak.length - 1) / 2)]);
      }
      if (kind !== 'F' && exact !== 'yes' && !(kind === 'J' && mb >= 512)) failures.push(`${kind} ${mb} MB: ${exact}`);
      const time = r.error ? '–' : `${(r.ms / 1000).toFixed(2)} s`;
      const rate = r.error ? '–' : (mb / (r.ms / 1000)).toFixed(0);
      console.log(`| Records.json ${mb} MB | ${kind} | ${time} | ${spread} | ${rate} | ${r.peak.toFixed(0)} MB | ${exact} |`);
      results.rows.push({ mb, kind, runs, ms: r.error ? null : r.ms, error: r.error ?? null, peak_mb: r.peak, exact });
    }
    const n = native[`Records.json ${mb} MB`];
    if (n) results.native[mb] = n;
    if (n) console.log(`| Records.json ${mb} MB | N | ${n.toFixed(2)} s | ${nativeRuns.length > 1 ? `median of ${nativeRuns.length}` : 'one run'} | ${(mb / n).toFixed(0)} | – | yes |`);
    const ratio = (other) => (times.W && other ? other / times.W : null);
    const paired = pairs.length ? median(pairs) : null;
    if (paired !== null) console.log(`W/N from ${pairs.length} pairs of N and W run back to back: ${pairs.map((x) => x.toFixed(2)).join(', ')} (median ${paired.toFixed(2)})`);
    ratios.push({ mb, N: paired ?? ratio(n), N_pairs: pairs, J: ratio(times.J), J2: ratio(times.J2), O: ratio(times.O) });
  }
  console.log('\n| input | W/N | W/J | W/J2 | W/O |\n|---|---:|---:|---:|---:|');
  const f = (x) => (x === null ? '–' : x.toFixed(2));
  for (const r of ratios) console.log(`| ${r.mb} MB | ${f(r.N)} | ${f(r.J)} | ${f(r.J2)} | ${f(r.O)} |`);
  if (SMOKE) {
    // Each ratio is checked against half its "must" value. W/N gates, on the largest input: at
    // 10 MB the worker's fixed costs (its first reads, the report) weigh more than reading, and
    // W/N swings around 0.3 from run to run on this machine. W/J and W/O are reported until the
    // performance issue brings them there (BENCHMARKS.md: about 0.6-1.3 and 6-9 today).
    const gating = { N: SIZES[SIZES.length - 1] };
    for (const r of ratios) {
      for (const [k, must] of Object.entries(MUST)) {
        if (r[k] === null || r[k] >= must / 2) continue;
        const line = `W/${k} at ${r.mb} MB is ${r[k].toFixed(2)}, half of its "must" is ${must / 2}`;
        if (gating[k] === r.mb) failures.push(line);
        else console.log(`below target (not gating yet): ${line}`);
      }
    }
    const growth = peaks[peaks.length - 1] - peaks[0];
    console.log(`\nW renderer peak growth from ${SIZES[0]} to ${SIZES[SIZES.length - 1]} MB (medians of the runs' peaks): ${growth.toFixed(0)} MB`);
    if (growth > 16) failures.push(`summary-mode memory grew by ${growth.toFixed(0)} MB`);
    const largest = join(DIR, `${benchStem(DIR, SIZES[SIZES.length - 1])}.json`);
    const tasks = await longTasks(env, largest);
    console.log(`Main-thread long tasks while the app reads ${SIZES[SIZES.length - 1]} MB: ${tasks.length}${tasks.length ? ` (${tasks.map((d) => d.toFixed(0)).join(', ')} ms)` : ''}`);
    // T8 wants none (BENCHMARK.md: a task of 50 ms or more). Since the results' chart, its
    // table and the focus moved out of the render, the longest task is 20-28 ms (traced).
    const long = tasks.filter((d) => d >= 50);
    if (long.length > 0) failures.push(`${long.length} main-thread task(s) of 50 ms or more: ${long.map((d) => d.toFixed(0)).join(', ')} ms`);
  }
} finally {
  await tearDown(env);
  results.ratios = ratios;
  results.failures = failures;
  if (JSON_OUT) writeFileSync(JSON_OUT, `${JSON.stringify(results, null, 2)}\n`);
}
if (failures.length) {
  console.error(`\nBenchmark smoke failed:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
