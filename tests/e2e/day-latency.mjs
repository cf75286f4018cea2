// The day view on a large history: how long a day takes to come (the worker's answer, then the
// page's render and map), and the main thread's long tasks meanwhile (BENCHMARK.md T8):
//
//   node tests/e2e/day-latency.mjs [SIZE_MB]     (after `trunk build --release` and the native
//                                                 bench, which generates the input)
//
// The app in its default mode (map mode: every position kept). The first day asked also works
// out the file's days and its chunks' time spans in the worker; each later step reads only the
// chunks around its day.
import { join } from 'node:path';
import { ROOT, benchStem, setUp, tearDown, open, untilReady } from './harness.mjs';

const DIR = join(ROOT, 'target/bench');
const mb = Number(process.argv[2] || 100);
const env = await setUp();
try {
  const session = await open(env, '/');
  const { page } = session;
  await untilReady(page);
  await page.setInputFiles('#file-input', join(DIR, `${benchStem(DIR, mb)}.json`));
  await page.waitForSelector('#files .status.known', { timeout: 900_000 });
  await page.waitForFunction(() => !document.querySelector('#files .status.reading'), null, { timeout: 900_000 });
  const kept = await page.getAttribute('#files', 'data-points-kept');
  await page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.longTasks.push(Math.round(e.duration)); })
      .observe({ type: 'longtask' });
  });
  const day = 'section.day';
  // A click made in the page, timed there until the new day is listed, and until its map is
  // drawn (the canvas's `data-view` changes; `null` if the view drawn is the same, or after 5 s).
  const timed = (selector) => page.evaluate((selector) => new Promise((resolve) => {
    const section = () => document.querySelector('section.day');
    const canvas = () => document.querySelector('figure[data-chart="map"] canvas');
    const before = [section()?.dataset.day, canvas()?.dataset.view];
    const t0 = performance.now();
    let listed = null;
    const done = (drawn) => { observer.disconnect(); resolve([listed, drawn]); };
    const check = () => {
      const s = section();
      if (listed === null && s && s.getAttribute('aria-busy') === 'false' && s.dataset.day && s.dataset.day !== before[0]) {
        listed = performance.now() - t0;
        setTimeout(() => done(null), 5000);
      }
      if (listed !== null && canvas()?.dataset.view !== before[1]) done(performance.now() - t0);
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, attributes: true, childList: true });
    document.querySelector(selector).click();
  }), selector);
  const [firstListed, firstDrawn] = await timed('.day-open button');
  const steps = [];
  for (let i = 0; i < 10; i++) steps.push(await timed(`${day} button[data-step="previous"]`));
  const tasks = await page.evaluate(() => window.longTasks);
  const median = (k) => {
    const values = steps.map((s) => s[k]).filter((v) => v !== null).sort((a, b) => a - b);
    return values.length ? `${values[Math.floor(values.length / 2)].toFixed(0)} ms` : 'n/a';
  };
  const ms = (v) => (v === null ? 'n/a (the same view)' : `${v.toFixed(0)} ms`);
  console.log(`${mb} MB, ${kept} positions kept: the first day listed in ${ms(firstListed)}, drawn in ${ms(firstDrawn)}; a step back (median of 10) listed in ${median(0)}, drawn in ${median(1)}; main-thread long tasks: ${tasks.length ? tasks.join(', ') + ' ms' : 'none'}`);
  await session.context.close();
} finally {
  await tearDown(env);
}
