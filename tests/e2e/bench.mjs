// Browser side of the benchmark (W in BENCHMARK.md): the release build in Debian Chromium reads
// the inputs that `cargo run --release --example bench` generated in target/bench/, in its
// worker, while the renderer's memory is sampled from /proc every 50 ms.
//
//   node tests/e2e/bench.mjs [--map | --health] [--runs K] [--json FILE] [SIZE_MB...]     (after `trunk build --release`)
//
// `--health` reads the Apple Health `export.xml` of each size instead (`cargo run --release
// --example bench -- --health SIZE_MB` generates it), in summary mode: BENCHMARK.md's T5 for a
// multi-GB health export (issue 9).
// `--map` runs in map mode (`?mode=map`: the worker keeps every position for maps and day views)
// and adds the points kept, their bytes per point (T5b) and the worker's wasm memory; without it,
// summary mode (aggregates only). `--runs K` reads each input K times (default 1), each in a fresh
// page: the row shows the median time and the spread (fastest–slowest), the highest peak.
// `--json FILE` also writes every run's measurements there (for tests/e2e/report.mjs).
//
// Prints one markdown row per input: wall time from handing the file to the page to its row
// showing the result, MB/s of JSON, time from the file input's change event to the progress bar
// and its line (percentage, entry, time left) on screen (target: 100 ms), then to the bar's first
// move past 0 %, renderer peak RSS, the main thread's long tasks (≥ 50 ms, T8) while the app
// works, and whether the page shows the ground truth.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT, benchStem, median, option, range, rendererPids, rssMb, open, setUp, sizesArg, tearDown, untilReady } from './harness.mjs';

const MAP = process.argv.includes('--map');
const HEALTH = process.argv.includes('--health');
const RUNS = Math.max(1, Number(option('--runs')) || 1);
const JSON_OUT = option('--json');
const sizes = sizesArg();
const SIZES = sizes.length ? sizes : [10, 100, 1000];
const DIR = join(ROOT, 'target/bench');

// Whether the page's summary line states the ground truth: positions with their first and last
// days, or an Apple Health export's records, days and workouts (src/i18n/health.rs).
function states(shown, truth) {
  const n = (x) => new Intl.NumberFormat('en-US').format(x);
  if (truth.records !== undefined) {
    const workouts = Object.values(truth.workouts).reduce((sum, [count]) => sum + count, 0);
    return shown.replace(/\u00a0/g, ' ').startsWith(`${n(truth.records)} records · ${n(truth.days)} days · ${n(workouts)} workouts`);
  }
  return shown.startsWith(`${n(truth.count)} positions, from ${truth.first.slice(0, 10)} to ${truth.last.slice(0, 10)}`);
}

// The inputs of `mb` MB: their label, file name and ground truth.
function inputsOf(mb) {
  const stem = benchStem(DIR, mb, HEALTH ? 'health' : 'records');
  const truth = JSON.parse(readFileSync(join(DIR, `${stem}.truth.json`), 'utf8'));
  if (HEALTH) return [['export.xml (Apple Health)', `${stem}-export.xml`, truth]];
  return [['Records.json', `${stem}.json`, truth], ['Takeout zip', `takeout-${stem}.zip`, truth]];
}

// One read of `file` by the app, in a fresh page.
async function once(env, file, truth) {
  const session = await open(env, MAP ? '/?mode=map' : '/?mode=summary');
  const { page } = session;
  await untilReady(page);
  const pids = rendererPids();
  const before = Math.max(...pids.map(rssMb));
  let peak = before;
  const sampler = setInterval(() => { for (const p of pids) peak = Math.max(peak, rssMb(p)); }, 50);
  await page.evaluate(() => {
    const t = { longTasks: [] };
    window.benchTimes = t;
    document.querySelector('#file-input').addEventListener('change', () => { t.change = performance.now(); }, { capture: true, once: true });
    new MutationObserver(() => {
      const bar = document.querySelector('#files progress');
      const line = document.querySelector('#files .progress-line');
      if (t.progress === undefined && bar && line?.textContent) t.progress = performance.now();
      if (t.moved === undefined && bar && Number(bar.value) > 0) t.moved = performance.now();
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
    // T8: the main thread's tasks of 50 ms or more while the app works.
    new PerformanceObserver((list) => { for (const e of list.getEntries()) t.longTasks.push(e.duration); })
      .observe({ type: 'longtask' });
  });
  const start = performance.now();
  await page.setInputFiles('#file-input', file);
  await page.waitForSelector('#files .status.known', { timeout: 600_000 });
  await page.waitForFunction(() => !document.querySelector('#files .status.reading'), null, { timeout: 600_000 });
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sampler);
  const times = await page.evaluate(() => window.benchTimes);
  const since = (t) => (t === undefined ? null : t - times.change);
  const shown = await page.innerText('#files .summary');
  let exact = states(shown, truth);
  const run = { seconds, first_ms: since(times.progress), moved_ms: since(times.moved), peak_mb: peak, before_mb: before, long_tasks_ms: times.longTasks, shown };
  if (MAP) {
    await page.waitForSelector('#files[data-points-kept]');
    const attr = async (name) => Number(await page.getAttribute('#files', name));
    Object.assign(run, { points: await attr('data-points-kept'), point_bytes: await attr('data-point-bytes'), wasm_bytes: await attr('data-wasm-bytes') });
    exact = exact && run.points === truth.count;
  }
  run.exact = exact;
  await session.context.close();
  return run;
}

const env = await setUp();
const results = { mode: MAP ? 'map' : 'summary', health: HEALTH, runs: RUNS, chromium: env.browser.version(), rows: [] };
console.log(MAP ? 'Map mode' : `Summary mode${HEALTH ? ', Apple Health exports' : ''}`);
if (RUNS > 1) console.log(`${RUNS} runs each: median time (fastest–slowest), highest peak`);
console.log(`| input | time |${RUNS > 1 ? ' spread |' : ''} MB/s | first progress | bar past 0 % | renderer peak RSS | renderer RSS before |${MAP ? ' points kept | B/point | wasm memory |' : ''} long tasks | exact |`);
console.log(`|---|---:|${RUNS > 1 ? '---:|' : ''}---:|---:|---:|---:|---:|${MAP ? '---:|---:|---:|' : ''}---|---|`);
try {
  for (const mb of SIZES) {
    for (const [label, file, truth] of inputsOf(mb)) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await once(env, join(DIR, file), truth));
      // A generated health export is about its nominal size: its row says its real one.
      const size = HEALTH ? Math.round(statSync(join(DIR, file)).size / 1e6) : mb;
      results.rows.push({ input: `${label} ${size} MB`, label, mb: size, nominal_mb: mb, file, runs });
      // Any inexact run is the one shown; else the median by time.
      const r = runs.find((x) => !x.exact) ?? runs.find((x) => x.seconds === median(runs.map((y) => y.seconds)));
      const [fast, slow] = range(runs.map((x) => x.seconds));
      const ms = (t) => (t === null ? 'none' : `${t.toFixed(0)} ms`);
      const peak = Math.max(...runs.map((x) => x.peak_mb));
      const tasks = runs.flatMap((x) => x.long_tasks_ms);
      const kept = MAP ? ` ${r.points} | ${(r.point_bytes / r.points).toFixed(2)} | ${(r.wasm_bytes / 1048576).toFixed(0)} MB |` : '';
      console.log(`| ${label} ${size} MB | ${r.seconds.toFixed(2)} s |${RUNS > 1 ? ` ${fast.toFixed(2)}–${slow.toFixed(2)} s |` : ''} ${(size / r.seconds).toFixed(0)} | ${ms(r.first_ms)} | ${ms(r.moved_ms)} | ${peak.toFixed(0)} MB | ${r.before_mb.toFixed(0)} MB |${kept} ${tasks.length ? tasks.map((d) => d.toFixed(0)).join(', ') + ' ms' : 'none'} | ${r.exact ? 'yes' : `NO: ${r.shown}`} |`);
    }
  }
} finally {
  await tearDown(env);
  if (JSON_OUT) writeFileSync(JSON_OUT, `${JSON.stringify(results, null, 2)}\n`);
}
