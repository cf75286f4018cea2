// Shared set-up for the end-to-end tests: Debian Chromium, the server, the guard, console capture
// and axe-core.
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { NetworkGuard } from './guard.mjs';
import { startServer } from './server.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(HERE, '../..');
export const SAMPLES = resolve(ROOT, '../shared/samples');
export const ARTIFACTS = join(HERE, 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const VIEWPORTS = {
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  tablet: { viewport: { width: 1024, height: 768 }, hasTouch: true },
  desktop: { viewport: { width: 1440, height: 900 } },
};

export async function setUp() {
  // REFLET_DIST: another build to serve (scripts/profile-worker.sh serves one that keeps names).
  const server = await startServer({ dist: process.env.REFLET_DIST ? resolve(process.env.REFLET_DIST) : join(ROOT, 'dist'), control: join(HERE, 'control') });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      // JS_FLAGS: V8's own flags, for looking into the engine (`--trace-wasm-compilation-times`
      // prints each function's tier-up); what it prints, and the page's console, go to the
      // browser's output (DEBUG=pw:browser shows it).
      ...(process.env.JS_FLAGS ? [`--js-flags=${process.env.JS_FLAGS}`, '--enable-logging=stderr'] : [])],
  });
  return { server, browser };
}

export async function tearDown({ server, browser }) {
  await browser?.close();
  await server?.close();
}

// A fresh context (a fresh person) with the guard attached and console errors collected.
// `before(page)` runs before the page loads, to attach listeners (workers start early).
// `serviceWorkers: 'block'` turns off Reflet's service worker (sw.js), for tests that change
// responses with `page.route`, which does not see the requests a service worker answers.
export async function open(env, path = '/', { locale = 'en-US', size = 'desktop', before, serviceWorkers = 'allow' } = {}) {
  const context = await env.browser.newContext({ locale, serviceWorkers, ...VIEWPORTS[size] });
  const guard = await NetworkGuard.attach(context, env.server.origin);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  await before?.(page);
  await page.goto(env.server.origin + path);
  return { context, page, guard, errors };
}

// A fresh context whose page is the benchmark's contenders page (bench/contenders.js, the worker's
// boot script, oboe.js), loaded and ready; for tests/e2e/contenders.mjs and profile.mjs.
export async function openContenders(env) {
  const E2E = join(ROOT, 'tests/e2e');
  const PAGE = '<!doctype html><meta charset="utf-8"><title>contenders</title><input type="file" id="input"><script type="module" src="/bench/contenders.js"></script>';
  const context = await env.browser.newContext();
  await context.route('**/bench/index.html', (r) => r.fulfill({ body: PAGE, contentType: 'text/html' }));
  await context.route('**/bench/contenders.js', (r) => r.fulfill({ path: join(E2E, 'bench/contenders.js'), contentType: 'text/javascript' }));
  await context.route('**/bench/boot.js', (r) => r.fulfill({ path: join(ROOT, 'src/worker/boot.js'), contentType: 'text/javascript' }));
  await context.route('**/bench/oboe.js', (r) => r.fulfill({ path: join(E2E, 'node_modules/oboe/dist/oboe-browser.min.js'), contentType: 'text/javascript' }));
  const page = await context.newPage();
  await page.goto(`${env.server.origin}/bench/index.html`);
  await page.waitForFunction(() => window.contendersReady === true);
  return { context, page };
}

// The app's analysis workers, in the order they start, as `{ worker, closed }` entries pushed to
// `list`; the reader each one starts to read files (named 'reflet-reader', src/worker/boot.js)
// goes to `readers` instead. Entries arrive a moment after the worker starts (its name is asked
// first).
export function watchWorkers(page, list, readers = []) {
  page.on('worker', (worker) => {
    const entry = { worker, closed: false };
    worker.on('close', () => { entry.closed = true; });
    worker.evaluate(() => self.name)
      .then((name) => (name === 'reflet-reader' ? readers : list).push(entry), () => {});
  });
}

// `open`, then wait until the app has loaded (engine ready) and tell the guard: from now on,
// any request breaks the promise.
export async function openLoaded(env, path = '/', options = {}) {
  const session = await open(env, path, options);
  await untilReady(session.page);
  session.guard.markLoaded();
  return session;
}

// Reloads the page of `openLoaded`'s session: the guard allows requests again until the app has
// loaded once more.
export async function reloadLoaded({ page, guard }) {
  guard.markReloading();
  await page.reload();
  await untilReady(page);
  guard.markLoaded();
}

// Waits until the app has loaded: the engine is ready (the drop zone's buttons are enabled) and
// the files are kept for offline use.
export async function untilReady(page) {
  await page.waitForSelector('#choose-files:not([disabled])', { timeout: 15000 });
  await untilKept(page);
}

// Waits until the service worker (sw.js) is no longer fetching the files it keeps for offline
// use, nor boot.js checking sw.js: boot.js writes where that stands as data-offline on the
// page's root. Those requests are the load's, and the app counts as loaded only once they are
// over.
export async function untilKept(page) {
  await page.waitForSelector('html:not([data-offline="pending"])', { state: 'attached', timeout: 15000 });
}

// The renderer processes of the browser (the workers live in them), for memory sampling: only
// those this Node process started (through the browser and its zygote), so that another Chromium
// on a shared machine is not measured.
export function rendererPids() {
  const pids = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmd.includes('--type=renderer') && !cmd.includes('--extension-process') && descends(pid)) pids.push(pid);
    } catch { /* gone */ }
  }
  return pids;
}

// Whether `pid` descends from this Node process.
function descends(pid) {
  const self = String(process.pid);
  for (let p = pid, hops = 0; p && p !== '0' && p !== '1' && hops < 16; hops++) {
    if (p === self) return true;
    // The parent is the fourth field of /proc/PID/stat, after the command in parentheses.
    const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
    p = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1];
  }
  return false;
}

// The median of numbers (the lower middle one for an even count), and the fastest–slowest range.
export function median(xs) {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

export function range(xs) {
  return [Math.min(...xs), Math.max(...xs)];
}

// `--name VALUE` from the command line (undefined when absent), and the numbers left once every
// such option and its value are removed (the sizes in MB).
export function option(name) {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
}

export function sizesArg(valued = ['--runs', '--json', '--native']) {
  return process.argv.slice(2).filter((a, i, all) => !valued.includes(all[i - 1]))
    .map(Number).filter((n) => n > 0);
}

// A process's resident memory in MB, from /proc (0 once it is gone).
export function rssMb(pid) {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return Number(line.split(/\s+/)[1]) / 1024;
  } catch { return 0; }
}

// The stem of the newest generated benchmark input of `mb` MB in `dir` (`records-g3-s7-10MB`,
// `health-g2-s7-10MB` for `kind` 'health'): the native bench (examples/bench.rs) names inputs by
// kind, generator version, seed and size.
export function benchStem(dir, mb, kind = 'records') {
  const pattern = new RegExp(`^${kind}-g(\\d+)-s7-${mb}MB\\.truth\\.json$`);
  const found = readdirSync(dir).map((f) => f.match(pattern)).filter(Boolean)
    .sort((a, b) => Number(b[1]) - Number(a[1]));
  const flag = kind === 'records' ? '' : ` --${kind}`;
  if (!found.length) throw new Error(`no ${mb} MB ${kind} input in ${dir}: run cargo run --release --example bench --${flag} ${mb}`);
  return `${kind}-g${found[0][1]}-s7-${mb}MB`;
}

export function sample(rel) {
  return join(SAMPLES, rel);
}

// Paths, or `{ name, mimeType, buffer }` payloads for made-up files.
export async function pickFiles(page, paths) {
  // Playwright takes either paths or payloads: read the files when both are given.
  const files = paths.every((p) => typeof p === 'string') ? paths
    : paths.map((p) => (typeof p === 'string' ? { name: basename(p), mimeType: 'application/octet-stream', buffer: readFileSync(p) } : p));
  await page.setInputFiles('#file-input', files);
  await page.waitForFunction((n) => document.querySelectorAll('#files > tbody > tr').length === n
    && !document.querySelector('#files .status.reading'), paths.length);
}

// axe-core, injected through the DevTools protocol (no inline script: the CSP stays as it is).
// Fails on any WCAG 2.0/2.1 A or AA violation.
export async function axe(page, screen) {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    resultTypes: ['violations'],
  }));
  const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  if (found.length) throw new Error(`axe found WCAG violations on ${screen}:\n  ${found.join('\n  ')}`);
  return result;
}

export async function screenshot(page, name) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

export async function finish({ context, guard, errors }, { expectErrors = [] } = {}) {
  await context.close();
  const unexpected = errors.filter((e) => !expectErrors.some((re) => re.test(e)));
  if (unexpected.length) throw new Error(`browser console errors:\n  ${unexpected.join('\n  ')}`);
  guard.assertClean();
}
