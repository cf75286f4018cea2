// How quickly the app answers (../shared/BENCHMARK.md T7 and T9), in Debian Chromium against the
// release build:
//
//   node tests/e2e/latency.mjs [--runs K] [--cancel-mb MB] [--cancel-zip] [--json FILE]     (after `trunk build --release`)
//
// T7: a small real file (../shared/samples/google/Records.json, 569 bytes) chosen in a fresh page,
// K times (default 5): the time from the file input's `change` event to the file's row showing its
// first status ("Reading…", its progress bar or its result), then to its first finding's text
// (`#files .finding`, ids `f-{key}-{id}`). Each is taken when the DOM changes and again after the
// next frame is painted (requestAnimationFrame, then a task): "on screen" is the latter.
//
// T9: the `MB` MB generated Records.json (default 1000, from `cargo run --release --example bench`)
// read by the app, `#cancel` pressed about 1 s after the file was chosen, 3 times: the time from the
// click (in the page) to the worker being gone (Playwright's `close` event for the worker, from the
// DevTools protocol's target detached event; both clocks are the wall clock at millisecond
// precision, and the protocol's own latency, about half an evaluate round trip, is reported beside
// it), the time to the row saying it was cancelled (seen from Node), and the renderer's RSS before
// the file, at its peak, 1 s after the click and 1 s after the worker is gone.
// Chromium ends a worker at once only when its thread gets back to its event loop; a worker busy
// in one long task is stopped forcibly after 2 s (its `kForcibleTerminationDelay`).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT, benchStem, median, open, option, range, rendererPids, rssMb, sample, setUp, tearDown, untilReady } from './harness.mjs';

const RUNS = Math.max(1, Number(option('--runs')) || 5);
const CANCEL_MB = Number(option('--cancel-mb')) || 1000;
// `--cancel-zip`: Cancel in the Takeout zip of the same records instead (its entry is inflated:
// each read of the file is about 14 times as much JSON to parse).
const CANCEL_FILE = (stem) => (process.argv.includes('--cancel-zip') ? `takeout-${stem}.zip` : `${stem}.json`);
const JSON_OUT = option('--json');
const SMALL = sample('google/Records.json');
const DIR = join(ROOT, 'target/bench');

// Wall-clock milliseconds with sub-millisecond precision, comparable between Node and the page.
const now = () => performance.timeOrigin + performance.now();

async function firstFinding(env) {
  const session = await open(env, '/');
  const { page } = session;
  await untilReady(page);
  await page.evaluate(() => {
    const t = {};
    window.latency = t;
    // After the next paint: a frame's callback runs before it, a task queued there runs after it.
    const painted = (key) => requestAnimationFrame(() => setTimeout(() => { t[key] = performance.now(); }, 0));
    document.querySelector('#file-input').addEventListener('change', () => { t.change = performance.now(); }, { capture: true, once: true });
    new MutationObserver(() => {
      if (t.status === undefined && document.querySelector('#files tbody tr .status')) {
        t.status = performance.now();
        painted('statusPainted');
      }
      if (t.finding === undefined && document.querySelector('#files .finding[id^="f-"]')?.textContent) {
        t.finding = performance.now();
        painted('findingPainted');
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.setInputFiles('#file-input', SMALL);
  await page.waitForFunction(() => window.latency.findingPainted !== undefined && window.latency.statusPainted !== undefined, null, { timeout: 15_000 });
  const t = await page.evaluate(() => window.latency);
  await session.context.close();
  // The row appears in the very task of the change event: clamp the rounding below zero.
  return {
    progress_dom_ms: Math.max(0, t.status - t.change),
    progress_ms: t.statusPainted - t.change,
    finding_dom_ms: t.finding - t.change,
    finding_ms: t.findingPainted - t.change,
  };
}

async function cancel(env, file) {
  const workers = [];
  const session = await open(env, '/', { before: (p) => p.on('worker', (w) => workers.push(w)) });
  const { page } = session;
  await untilReady(page);
  for (let i = 0; i < 50 && !workers.length; i++) await page.waitForTimeout(100);
  if (!workers.length) throw new Error('the app started no worker');
  // Half an evaluate round trip: about what the protocol adds to an event's arrival.
  const trips = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await page.evaluate(() => 0);
    trips.push(performance.now() - t0);
  }
  const pids = rendererPids();
  // Let the page settle before the baseline.
  await page.waitForTimeout(300);
  const before = Math.max(...pids.map(rssMb));
  let peak = before;
  const sampler = setInterval(() => { for (const p of pids) peak = Math.max(peak, rssMb(p)); }, 50);
  const worker = workers[workers.length - 1];
  const gone = new Promise((resolve) => worker.once('close', () => resolve(now())));
  await page.evaluate(() => {
    document.addEventListener('click', (e) => {
      if (e.target.closest?.('#cancel')) window.clickedAt = performance.timeOrigin + performance.now();
    }, { capture: true });
  });
  await page.setInputFiles('#file-input', file);
  await page.waitForSelector('#files progress', { timeout: 10_000 });
  await page.waitForTimeout(1000);
  const progress = Number(await page.getAttribute('#files progress', 'value'));
  await page.click('#cancel');
  await page.waitForSelector('#files .status.error', { timeout: 10_000 });
  const shownAt = now();
  const clickedAt = await page.evaluate(() => window.clickedAt);
  await page.waitForTimeout(Math.max(0, clickedAt + 1000 - now()));
  const after = Math.max(...pids.map(rssMb));
  const goneAt = await Promise.race([gone, new Promise((resolve) => { setTimeout(() => resolve(null), 10_000); })]);
  // And once the worker is gone (if it took longer than the second above).
  if (goneAt !== null) await page.waitForTimeout(Math.max(0, goneAt + 1000 - now()));
  clearInterval(sampler);
  const afterGone = Math.max(...pids.map(rssMb));
  await session.context.close();
  return {
    gone_ms: goneAt === null ? null : goneAt - clickedAt,
    cancelled_shown_ms: shownAt - clickedAt,
    after_gone_mb: afterGone,
    cdp_latency_ms: median(trips) / 2,
    progress_percent: progress,
    before_mb: before,
    peak_mb: peak,
    after_mb: after,
    workers_started: workers.length,
  };
}

const env = await setUp();
const results = { chromium: env.browser.version(), t7: { file: 'google/Records.json', runs: [] }, t9: { mb: CANCEL_MB, runs: [] } };
try {
  for (let i = 0; i < RUNS; i++) results.t7.runs.push(await firstFinding(env));
  const f = (key) => {
    const xs = results.t7.runs.map((r) => r[key]);
    const [lo, hi] = range(xs);
    return `${median(xs).toFixed(0)} ms (${lo.toFixed(0)}–${hi.toFixed(0)})`;
  };
  console.log(`T7, ${SMALL.replace(/^.*samples\//, 'samples/')} in a fresh page, median of ${RUNS} (fastest–slowest)\n`);
  console.log('| from the change event to | in the DOM | on screen (after the next frame) |\n|---|---:|---:|');
  console.log(`| first progress (the row's status) | ${f('progress_dom_ms')} | ${f('progress_ms')} |`);
  console.log(`| first finding | ${f('finding_dom_ms')} | ${f('finding_ms')} |`);

  const stem = benchStem(DIR, CANCEL_MB);
  results.t9.file = CANCEL_FILE(stem);
  for (let i = 0; i < 3; i++) results.t9.runs.push(await cancel(env, join(DIR, results.t9.file)));
  console.log(`\nT9, Cancel about 1 s into ${results.t9.file} (${CANCEL_MB} MB of records)\n`);
  console.log('| run | read when cancelled | click to worker gone | protocol latency | click to "cancelled" shown | renderer RSS before | peak | 1 s after the click | 1 s after the worker is gone |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  results.t9.runs.forEach((r, i) => {
    console.log(`| ${i + 1} | ${r.progress_percent} % | ${r.gone_ms === null ? 'not gone in 10 s' : `${r.gone_ms.toFixed(1)} ms`} | ${r.cdp_latency_ms.toFixed(1)} ms | ${r.cancelled_shown_ms.toFixed(0)} ms | ${r.before_mb.toFixed(0)} MB | ${r.peak_mb.toFixed(0)} MB | ${r.after_mb.toFixed(0)} MB | ${r.after_gone_mb.toFixed(0)} MB |`);
  });
} finally {
  await tearDown(env);
  if (JSON_OUT) writeFileSync(JSON_OUT, `${JSON.stringify(results, null, 2)}\n`);
}
