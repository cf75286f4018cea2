// Browser side of the benchmark (W in BENCHMARK.md): the release build in Debian Chromium reads
// the inputs that `cargo run --release --example bench` generated in target/bench/, in its
// worker, while the renderer's memory is sampled from /proc every 50 ms.
//
//   node tests/e2e/bench.mjs [--map] [SIZE_MB...]     (after `trunk build --release`)
//
// `--map` runs in map mode (`?mode=map`: the worker keeps every position for maps and day views)
// and adds the points kept, their bytes per point (T5b) and the worker's wasm memory; without it,
// summary mode (aggregates only).
//
// Prints one markdown row per input: wall time from handing the file to the page to its row
// showing the result, MB/s of JSON, time from the file input's change event to the progress bar
// and its line (percentage, entry, time left) on screen (target: 100 ms), then to the bar's first
// move past 0 %, renderer peak RSS, and whether the page shows the ground truth.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT, benchStem, rendererPids, rssMb, open, setUp, tearDown, untilReady } from './harness.mjs';

const MAP = process.argv.includes('--map');
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const SIZES = sizes.length ? sizes : [10, 100, 1000];
const DIR = join(ROOT, 'target/bench');

const env = await setUp();
console.log(MAP ? 'Map mode' : 'Summary mode');
console.log(`| input | time | MB/s | first progress | bar past 0 % | renderer peak RSS | renderer RSS before |${MAP ? ' points kept | B/point | wasm memory |' : ''} exact |`);
console.log(`|---|---:|---:|---:|---:|---:|---:|${MAP ? '---:|---:|---:|' : ''}---|`);
try {
  for (const mb of SIZES) {
    const stem = benchStem(DIR, mb);
    const truth = JSON.parse(readFileSync(join(DIR, `${stem}.truth.json`), 'utf8'));
    for (const [label, file] of [['Records.json', `${stem}.json`], ['Takeout zip', `takeout-${stem}.zip`]]) {
      const session = await open(env, MAP ? '/?mode=map' : '/');
      const { page } = session;
      await untilReady(page);
      const pids = rendererPids();
      const before = Math.max(...pids.map(rssMb));
      let peak = before;
      const sampler = setInterval(() => { for (const p of pids) peak = Math.max(peak, rssMb(p)); }, 50);
      await page.evaluate(() => {
        const t = {};
        window.benchTimes = t;
        document.querySelector('#file-input').addEventListener('change', () => { t.change = performance.now(); }, { capture: true, once: true });
        new MutationObserver(() => {
          const bar = document.querySelector('#files progress');
          const line = document.querySelector('#files .progress-line');
          if (t.progress === undefined && bar && line?.textContent) t.progress = performance.now();
          if (t.moved === undefined && bar && Number(bar.value) > 0) t.moved = performance.now();
        }).observe(document.body, { subtree: true, childList: true, attributes: true });
      });
      const start = performance.now();
      await page.setInputFiles('#file-input', join(DIR, file));
      await page.waitForSelector('#files .status.known', { timeout: 600_000 });
      await page.waitForFunction(() => !document.querySelector('#files .status.reading'), null, { timeout: 600_000 });
      const seconds = (performance.now() - start) / 1000;
      clearInterval(sampler);
      const times = await page.evaluate(() => window.benchTimes);
      const since = (t) => (t === undefined ? 'none' : `${(t - times.change).toFixed(0)} ms`);
      const [first, moved] = [since(times.progress), since(times.moved)];
      const shown = await page.innerText('#files .summary');
      const count = new Intl.NumberFormat('en-US').format(truth.count);
      let exact = shown.startsWith(`${count} positions, from ${truth.first.slice(0, 10)} to ${truth.last.slice(0, 10)}`);
      let kept = '';
      if (MAP) {
        await page.waitForSelector('#files[data-points-kept]');
        const attr = async (name) => Number(await page.getAttribute('#files', name));
        const [points, bytes, wasm] = [await attr('data-points-kept'), await attr('data-point-bytes'), await attr('data-wasm-bytes')];
        exact = exact && points === truth.count;
        kept = ` ${points} | ${(bytes / points).toFixed(2)} | ${(wasm / 1048576).toFixed(0)} MB |`;
      }
      console.log(`| ${label} ${mb} MB | ${seconds.toFixed(2)} s | ${(mb / seconds).toFixed(0)} | ${first} | ${moved} | ${peak.toFixed(0)} MB | ${before.toFixed(0)} MB |${kept} ${exact ? 'yes' : `NO: ${shown}`} |`);
      await session.context.close();
    }
  }
} finally {
  await tearDown(env);
}
