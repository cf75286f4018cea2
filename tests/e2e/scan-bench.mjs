// The scanner's speed in the browser worker (issue 7), next to the plain analysis of the same
// file: for each size, the benchmark's generated Records.json is read by the app (summary mode;
// W), then its raw view asked (the worker reads the file again and scans it whole), timed in the
// page from the click to the table's insertion. Prints a markdown table; `--json FILE` keeps the runs.
//
//   node tests/e2e/scan-bench.mjs [--runs N] [--json FILE] SIZE_MB...
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT, benchStem, median, open, option, setUp, sizesArg, tearDown, untilReady } from './harness.mjs';

const RUNS = Math.max(1, Number(option('--runs')) || 1);
const JSON_OUT = option('--json');
const sizes = sizesArg();
const SIZES = sizes.length ? sizes : [10];
const DIR = join(ROOT, 'target/bench');

async function once(env, file) {
  const session = await open(env, '/?mode=summary');
  const { page } = session;
  await untilReady(page);
  await page.evaluate(() => {
    window.scanLongTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.scanLongTasks.push(e.duration); })
      .observe({ type: 'longtask' });
  });
  const start = performance.now();
  await page.setInputFiles('#file-input', file);
  await page.waitForSelector('#files .status.known', { timeout: 600_000 });
  await page.waitForFunction(() => !document.querySelector('#files .status.reading'), null, { timeout: 600_000 });
  const analysed = (performance.now() - start) / 1000;
  // Timed in the page, from the click's event to the table's insertion: Playwright's own click
  // (its checks that the button is ready) and polling for the table add about 0.45 s.
  await page.evaluate(() => {
    const times = {};
    window.scanTimes = times;
    document.addEventListener('click', () => { times.click ??= performance.now(); }, true);
    new MutationObserver((_, observer) => {
      if (document.querySelector('#scan-panel .scan-found')) {
        times.found = performance.now();
        observer.disconnect();
      }
    }).observe(document.body, { subtree: true, childList: true });
  });
  await page.click('#files .scan-open');
  await page.waitForSelector('#scan-panel .scan-found', { timeout: 1_200_000 });
  const times = await page.evaluate(() => window.scanTimes);
  const scanned = (times.found - times.click) / 1000;
  const found = await page.$$eval('.scan-found tbody tr', (trs) => trs.map((tr) => tr.dataset.category));
  const longTasks = await page.evaluate(() => window.scanLongTasks);
  await session.context.close();
  return { analysed, scanned, found, long_tasks_ms: longTasks };
}

const env = await setUp();
const results = { runs: RUNS, chromium: env.browser.version(), rows: [] };
console.log(`Scanner, in the browser worker: median of ${RUNS} run(s)`);
console.log('| input | analysis (W) | raw view (scan) | scan MB/s | long tasks | found |');
console.log('|---|---:|---:|---:|---|---|');
try {
  for (const mb of SIZES) {
    const file = join(DIR, `${benchStem(DIR, mb)}.json`);
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await once(env, file));
    results.rows.push({ mb, file, runs });
    const a = median(runs.map((r) => r.analysed));
    const s = median(runs.map((r) => r.scanned));
    const tasks = runs.flatMap((r) => r.long_tasks_ms);
    console.log(`| Records.json ${mb} MB | ${a.toFixed(2)} s | ${s.toFixed(2)} s | ${(mb / s).toFixed(0)} | ${tasks.length ? tasks.map((d) => d.toFixed(0)).join(', ') + ' ms' : 'none'} | ${runs[0].found.join(', ')} |`);
  }
} finally {
  await tearDown(env);
  if (JSON_OUT) writeFileSync(JSON_OUT, `${JSON.stringify(results, null, 2)}\n`);
}
