// Writes BENCHMARKS.md from the results `scripts/bench.sh` gathered in a folder (default
// target/bench/results): the native runs' markdown (native-summary-K.md, native-map-K.md), the
// JSON of contenders.mjs (contenders.json), bench.mjs (app-summary.json, app-map.json) and
// latency.mjs (latency.json), and run.json (the command, sizes, load average before and after).
// Adds the machine, the commit, rustc and Chromium, the first-load size of dist/ (T7b), a table of
// the targets T1–T10 of ../shared/BENCHMARK.md, then docs/benchmarks-notes.md (the hand-written
// reading of the numbers) and a link to docs/benchmarks-history.md.
//
//   node tests/e2e/report.mjs [--results DIR] [--out FILE]
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT, median, option, range } from './harness.mjs';

const RESULTS = option('--results') ?? join(ROOT, 'target/bench/results');
const OUT = option('--out') ?? join(ROOT, 'BENCHMARKS.md');

const read = (name) => {
  const path = join(RESULTS, name);
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
};
const run = read('run.json') ?? {};
const contenders = read('contenders.json');
const appSummary = read('app-summary.json');
const appMap = read('app-map.json');
const appHealth = read('app-health.json');
const latency = read('latency.json');

// Formatting.
const int = (x) => new Intl.NumberFormat('en-US').format(Math.round(x));
const s2 = (sec) => `${sec.toFixed(2)} s`;
const mbs = (mb, sec) => (mb / sec).toFixed(0);
const ms0 = (x) => (x === null || x === undefined ? '–' : `${x.toFixed(0)} ms`);
const mb0 = (x) => `${x.toFixed(0)} MB`;
const spread = (xs) => (xs.length > 1 ? `${range(xs).map((x) => x.toFixed(2)).join('–')} s` : 'one run');
const table = (head, rows) => [
  `| ${head.map((h) => h.replace(/^[<>]/, '')).join(' | ')} |`,
  `|${head.map((h) => (h.startsWith('>') ? '---:' : '---')).join('|')}|`,
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');
const sh = (cmd, args) => {
  try { return execFileSync(cmd, args, { cwd: ROOT, encoding: 'utf8' }).trim(); } catch { return null; }
};

// Native: the markdown rows `cargo run --release --example bench` printed, one file per run.
function nativeRuns(mode) {
  const byInput = new Map();
  const files = existsSync(RESULTS) ? readdirSync(RESULTS).filter((f) => f.startsWith(`native-${mode}-`) && f.endsWith('.md')) : [];
  for (const f of files) {
    for (const line of readFileSync(join(RESULTS, f), 'utf8').split('\n')) {
      // | input | size | records | time | MB/s | peak RSS | points kept | B/point | exact |
      const cells = line.split('|').slice(1, -1).map((c) => c.trim());
      // `Records.json 100 MB`, `Records.json legacy 10 MB`, `Takeout zip semantic 10 MB`, `Meta zip 20000 files`…
      const m = cells[0]?.match(/^(.+?) (\d+) (MB|files)$/);
      if (!m || cells.length < 9) continue;
      const mb = m[3] === 'MB' ? Number(m[2]) : parseFloat(cells[1]);
      const records = /^\d+$/.test(cells[2]) ? Number(cells[2]) : cells[2];
      const row = byInput.get(cells[0]) ?? { input: cells[0], label: m[1], mb, size: cells[1], records, runs: [] };
      row.runs.push({ seconds: parseFloat(cells[3]), peak_mb: parseFloat(cells[5]), points: Number(cells[6]), per_point: parseFloat(cells[7]), exact: cells[8] === 'yes' });
      byInput.set(cells[0], row);
    }
  }
  return [...byInput.values()].sort((a, b) => a.mb - b.mb || a.label.localeCompare(b.label));
}
const nativeSummary = nativeRuns('summary');
const nativeMap = nativeRuns('map');

// The app's rows, with medians.
function appRows(results) {
  return (results?.rows ?? []).map((row) => {
    const seconds = row.runs.map((r) => r.seconds);
    const mid = row.runs.find((r) => r.seconds === median(seconds));
    return {
      ...row,
      seconds: median(seconds),
      spread: spread(seconds),
      first_ms: median(row.runs.map((r) => r.first_ms ?? Infinity)),
      moved_ms: median(row.runs.map((r) => r.moved_ms ?? Infinity)),
      peak_mb: Math.max(...row.runs.map((r) => r.peak_mb)),
      before_mb: median(row.runs.map((r) => r.before_mb)),
      long_tasks: row.runs.flatMap((r) => r.long_tasks_ms ?? []),
      exact: row.runs.every((r) => r.exact),
      mid,
    };
  });
}
const summaryRows = appRows(appSummary);
const mapRows = appRows(appMap);
const healthRows = appRows(appHealth);

// Contenders, by size and kind; ratios recomputed from the medians (N from the native runs).
const cRows = contenders?.rows ?? [];
const cSizes = [...new Set(cRows.map((r) => r.mb))].sort((a, b) => a - b);
const nativeMedian = (mb) => {
  const row = nativeSummary.find((r) => r.input === `Records.json ${mb} MB`);
  if (row) return median(row.runs.map((r) => r.seconds));
  const n = contenders?.native?.[mb];
  return n ?? null;
};
const timeOf = (mb, kind) => {
  const r = cRows.find((x) => x.mb === mb && x.kind === kind);
  return r && r.ms !== null && !r.error ? r.ms / 1000 : null;
};
// W/N: the median of the ratios of N run just before each W run, when the contenders measured
// them (the machine's speed drifts between minutes), else from the native runs' median.
const pairsOf = (mb) => contenders?.ratios?.find((r) => r.mb === mb)?.N_pairs ?? [];
const ratios = cSizes.map((mb) => {
  const w = timeOf(mb, 'W');
  const rel = (t) => (w && t ? t / w : null);
  const pairs = pairsOf(mb);
  const n = pairs.length ? median(pairs) : rel(nativeMedian(mb));
  return { mb, N: n, J: rel(timeOf(mb, 'J')), J2: rel(timeOf(mb, 'J2')), O: rel(timeOf(mb, 'O')) };
});

// Targets.
const sizesOf = (rows) => [...new Set(rows.map((r) => r.mb))].sort((a, b) => a - b);
// The target's inputs, or (marked indicative) those that were run.
function inputs(wanted, available) {
  const found = wanted.filter((mb) => available.includes(mb));
  return found.length === wanted.length ? { sizes: found, indicative: false } : { sizes: available, indicative: true };
}
const verdict = (value, must, stretch, better = 'higher', indicative = false) => {
  if (value === null || value === undefined || Number.isNaN(value)) return 'not measured';
  const ok = (bar) => (better === 'higher' ? value >= bar : value <= bar);
  const v = ok(must) ? (stretch !== null && ok(stretch) ? 'yes (stretch too)' : 'yes') : '**no**';
  return indicative ? `${v.replace('**no**', 'no')} (indicative: not the target's inputs)` : v;
};
const targets = [];
function ratioTarget(id, what, kind, wanted, must, stretch) {
  const { sizes, indicative } = inputs(wanted, cSizes);
  const got = ratios.filter((r) => sizes.includes(r.mb) && r[kind] !== null);
  const worst = got.length ? Math.min(...got.map((r) => r[kind])) : null;
  targets.push([id, what, `≥ ${must}`, stretch === null ? '–' : `≥ ${stretch}`,
    got.length ? got.map((r) => `${r[kind].toFixed(2)} at ${r.mb} MB`).join(', ') : 'not measured',
    verdict(worst, must, stretch, 'higher', indicative)]);
}
ratioTarget('T1', 'W / N, 100 MB and 1 GB', 'N', [100, 1000], 0.5, 0.7);
ratioTarget('T2', 'W / J, 10 and 100 MB', 'J', [10, 100], 1.5, 2.5);
ratioTarget('T3', 'W / O, 10 and 100 MB', 'O', [10, 100], 20, 50);
{
  // T4: 1 GB raw and zipped read exactly by the app, where J fails; stretch 2.5 GB raw.
  const gb = summaryRows.filter((r) => r.mb >= 1000);
  const j = cRows.find((r) => r.kind === 'J' && r.mb >= 1000);
  const raw = gb.find((r) => r.label === 'Records.json' && r.mb === 1000);
  const zip = gb.find((r) => r.label === 'Takeout zip' && r.mb === 1000);
  const big = gb.find((r) => r.label === 'Records.json' && r.mb >= 2500);
  const said = (r) => (r ? (r.exact ? `${r.input} exact in ${s2(r.seconds)}` : `${r.input} WRONG`) : null);
  const parts = [said(raw), said(zip), said(big), j ? `J at ${j.mb} MB: ${j.error ? 'fails' : j.exact === 'yes' ? 'succeeds' : j.exact}` : null].filter(Boolean);
  const met = raw && zip ? (raw.exact && zip.exact ? (big?.exact ? 'yes (2.5 GB raw too; ZIP64 > 4 GiB not run)' : 'yes') : '**no**') : 'not measured (no 1 GB run)';
  targets.push(['T4', 'Scale: 1 GB raw and 1 GB zipped succeed (J fails)', 'pass', '2.5 GB raw and a > 4 GiB ZIP64', parts.join('; ') || 'not measured', met]);
}
{
  // T5: summary mode, renderer peak at 1 GB minus at 10 MB.
  const { sizes, indicative } = inputs([10, 1000], sizesOf(summaryRows));
  const [lo, hi] = [Math.min(...sizes), Math.max(...sizes)];
  const growth = ['Records.json', 'Takeout zip'].map((label) => {
    const a = summaryRows.find((r) => r.label === label && r.mb === lo);
    const b = summaryRows.find((r) => r.label === label && r.mb === hi);
    return a && b ? { label, d: b.peak_mb - a.peak_mb } : null;
  }).filter(Boolean);
  // Issue 9: an Apple Health export.xml of several GB, from its smallest size to its largest.
  const health = [...healthRows].sort((a, b) => a.mb - b.mb);
  const healthGrowth = health.length > 1 && health[health.length - 1].mb >= 1000
    ? { label: `Apple Health export.xml, ${health[0].mb} → ${health[health.length - 1].mb} MB`, d: health[health.length - 1].peak_mb - health[0].peak_mb }
    : null;
  const all = [...(lo !== hi ? growth : []), ...(healthGrowth ? [healthGrowth] : [])];
  const worst = all.length ? Math.max(...all.map((g) => g.d)) : null;
  const said = (g) => `${g.d >= 0 ? '+' : ''}${g.d.toFixed(0)} MB (${g.label})`;
  targets.push(['T5', 'Summary mode: renderer peak(1 GB) − peak(10 MB)', '≤ 32 MB', '≤ 8 MB',
    worst === null ? 'not measured' : [lo !== hi && growth.length ? `${growth.map(said).join(', ')}, ${lo} → ${hi} MB` : null, healthGrowth ? said(healthGrowth) : null].filter(Boolean).join('; '),
    verdict(worst, 32, 8, 'lower', indicative)]);
}
{
  const per = mapRows.map((r) => r.mid.point_bytes / r.mid.points).filter((x) => Number.isFinite(x));
  const worst = per.length ? Math.max(...per) : null;
  targets.push(['T5b', 'Map mode: bytes per point kept', '≤ 16 B', '≤ 12 B',
    worst === null ? 'not measured' : `${worst.toFixed(2)} B/point (largest of ${mapRows.length} inputs)`, verdict(worst, 16, 12, 'lower')]);
}
{
  const { sizes, indicative } = inputs([1000], sizesOf(mapRows));
  const rows = mapRows.filter((r) => r.mb === Math.max(...sizes));
  const worst = rows.length ? Math.max(...rows.map((r) => r.peak_mb)) : null;
  targets.push(['T6', 'Renderer peak RSS during the 1 GB run, map mode', '≤ 250 MB', '≤ 150 MB',
    worst === null ? 'not measured' : rows.map((r) => `${mb0(r.peak_mb)} (${r.input})`).join(', '), verdict(worst, 250, 150, 'lower', indicative)]);
}
let t7 = null;
if (latency?.t7?.runs?.length) {
  const m = (k) => median(latency.t7.runs.map((r) => r[k]));
  t7 = { progress: m('progress_ms'), finding: m('finding_ms'), n: latency.t7.runs.length };
  const must = t7.progress <= 100 && t7.finding <= 300;
  const stretch = t7.progress <= 50 && t7.finding <= 100;
  targets.push(['T7', 'First progress / first findings on screen (small file)', '≤ 100 / 300 ms', '≤ 50 / 100 ms',
    `${t7.progress.toFixed(0)} / ${t7.finding.toFixed(0)} ms (samples/${latency.t7.file}, median of ${t7.n})`, must ? (stretch ? 'yes (stretch too)' : 'yes') : '**no**']);
} else targets.push(['T7', 'First progress / first findings on screen (small file)', '≤ 100 / 300 ms', '≤ 50 / 100 ms', 'not measured', 'not measured']);

// T7b: every byte fetched before the drop zone is enabled, gzipped (as scripts/test.sh counts it).
const DIST = join(ROOT, 'dist');
const gz = (f) => execFileSync('gzip', ['-9c', f], { maxBuffer: 1 << 28 }).length;
const dist = existsSync(DIST) ? readdirSync(DIST).map((f) => join(DIST, f)).filter((f) => statSync(f).isFile()) : [];
const firstLoad = dist.length ? dist.reduce((sum, f) => sum + gz(f), 0) : null;
const wasm = ['reflet_bg.wasm'].map((f) => join(DIST, f)).filter(existsSync)
  .map((f) => ({ name: f.replace(/^.*\//, ''), raw: statSync(f).size, gz: gz(f) }));
targets.push(['T7b', 'Whole first load, gzipped', '≤ 1.5 MB', '≤ 800 KB',
  firstLoad === null ? 'not measured (no dist/)' : `${int(firstLoad)} bytes (${dist.length} files of dist/)`, verdict(firstLoad, 1_500_000, 800_000, 'lower')]);

{
  const runs = [...(appSummary?.rows ?? []), ...(appMap?.rows ?? []), ...(appHealth?.rows ?? [])].flatMap((r) => r.runs);
  const tasks = runs.flatMap((r) => r.long_tasks_ms ?? []);
  targets.push(['T8', 'Main-thread long tasks while working', '0', '0',
    runs.length ? `${tasks.length} in ${runs.length} app runs${tasks.length ? ` (${tasks.map((d) => d.toFixed(0)).join(', ')} ms)` : ''}` : 'not measured',
    runs.length ? (tasks.length === 0 ? 'yes' : '**no**') : 'not measured']);
}
let t9 = null;
if (latency?.t9?.runs?.length) {
  const gone = latency.t9.runs.map((r) => r.gone_ms);
  t9 = { gone: gone.includes(null) ? null : median(gone), after: median(latency.t9.runs.map((r) => r.after_gone_mb - r.before_mb)) };
  targets.push(['T9', 'Cancel: worker gone', '≤ 50 ms', '–',
    `${t9.gone === null ? 'not gone in 10 s' : `${t9.gone.toFixed(0)} ms`} (${latency.t9.mb} MB, median of ${gone.length}); renderer 1 s after the worker is gone ${t9.after >= 0 ? '+' : ''}${t9.after.toFixed(0)} MB vs before the file`,
    verdict(t9.gone, 50, null, 'lower', latency.t9.mb !== 1000)]);
} else targets.push(['T9', 'Cancel: worker gone', '≤ 50 ms', '–', 'not measured', 'not measured']);
{
  const wrong = [
    ...nativeSummary.concat(nativeMap).filter((r) => !r.runs.every((x) => x.exact)).map((r) => `native ${r.input}`),
    ...cRows.filter((r) => r.kind !== 'F' && r.exact !== 'yes' && !(r.kind === 'J' && r.mb >= 512)).map((r) => `${r.kind} ${r.mb} MB`),
    ...summaryRows.filter((r) => !r.exact).map((r) => `app ${r.input}`),
    ...mapRows.filter((r) => !r.exact).map((r) => `app map ${r.input}`),
  ];
  const checked = nativeSummary.length + nativeMap.length + cRows.length + summaryRows.length + mapRows.length;
  targets.push(['T10', 'Correctness: exact match with ground truth', 'exact', '–',
    checked ? (wrong.length ? `wrong: ${wrong.join(', ')}` : `all ${checked} result rows exact (J ≥ 512 MB expected to fail)`) : 'not measured',
    checked ? (wrong.length ? '**no**' : 'yes') : 'not measured']);
}

// The document.
const commit = sh('git', ['rev-parse', '--short', 'HEAD']) ?? 'unknown';
const dirty = sh('git', ['status', '--porcelain', '--', '.', ':(exclude)BENCHMARKS.md']);
const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
const cpu = cpuinfo.match(/^model name\s*:\s*(.*)$/m)?.[1] ?? 'unknown CPU';
const ram = Number(readFileSync('/proc/meminfo', 'utf8').match(/^MemTotal:\s*(\d+)/m)?.[1] ?? 0) / 1048576;
const osName = readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]*)"?$/m)?.[1] ?? 'unknown OS';
const chromium = contenders?.chromium ?? appSummary?.chromium ?? latency?.chromium ?? 'unknown';
const out = [];
out.push('# Benchmarks', '');
out.push(`Generated by \`${run.command ?? 'scripts/bench.sh'}\` (\`tests/e2e/report.mjs\`): do not edit by hand; the reading of the numbers is in [\`docs/benchmarks-notes.md\`](docs/benchmarks-notes.md), appended below. The protocol and targets are \`../shared/BENCHMARK.md\`'s.`, '');
out.push(`- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC${run.started ? ` (run started ${run.started})` : ''}`);
// The commit when the run started (scripts/bench.sh), else now.
const [hash, changes] = run.commit ? [run.commit.split(' ')[0], run.commit.includes('uncommitted')] : [commit, Boolean(dirty)];
out.push(`- Commit: \`${hash}\`${changes ? ' + uncommitted changes' : ''}`);
out.push(`- Machine: ${sh('nproc', []) ?? '?'} cores (${cpu}), ${ram.toFixed(0)} GiB RAM, ${osName}`);
out.push(`- Rust: ${sh('rustc', ['--version']) ?? 'unknown'}; Chromium ${chromium} (Debian, headless)`);
out.push(`- Load average (1, 5, 15 min) before: ${run.load_before ?? '?'}; after: ${run.load_after ?? '?'}`);
out.push(`- Sizes: ${(run.sizes ?? cSizes).join(', ')} MB; ${run.runs ?? contenders?.runs ?? '?'} run(s) each, each in a fresh page: medians, and the spread fastest–slowest; renderer peaks are the highest of the runs`);
if (run.failed?.length) out.push(`- **Failed steps**: ${run.failed.join('; ')} (their tables are missing or partial)`);
out.push('');

out.push('## Targets', '');
out.push(table(['#', 'target', 'must', 'stretch', 'measured', 'met'], targets), '');

if (cRows.length) {
  out.push('## Contenders side by side', '');
  out.push(`\`node tests/e2e/contenders.mjs --runs ${contenders.runs}\`: each contender in a fresh page, timed in its worker from the job to its result. W is Reflet's worker (cold; JSPI reads, a second worker reading the next slice while it parses), Wwarm the same file a second time in the same worker, Wsync W as in a browser without JSPI (Safari: \`FileReaderSync\`, no reader worker), J \`file.text()\` + \`JSON.parse\`, J2 a byte framer + \`JSON.parse\` per record, O oboe.js (10/100 MB only), F the read-only floor; N the native run (\`cargo run --release --example bench\`, median of its runs). The contenders run in rounds (each once per round, in a fresh page), and N once more just before each W run: W/N is the median of those pairs' ratios${cSizes.some((mb) => pairsOf(mb).length) ? ` (${cSizes.filter((mb) => pairsOf(mb).length).map((mb) => `${mb} MB: ${pairsOf(mb).map((x) => x.toFixed(2)).join(', ')}`).join('; ')})` : ''}, the others ratios of the medians.`, '');
  const rows = [];
  for (const mb of cSizes) {
    for (const r of cRows.filter((x) => x.mb === mb)) {
      const ok = r.runs.filter((x) => !x.error).map((x) => x.ms / 1000);
      rows.push([`Records.json ${mb} MB`, r.kind, r.ms === null ? '–' : s2(r.ms / 1000), r.error ? '–' : spread(ok), r.ms === null ? '–' : mbs(mb, r.ms / 1000), mb0(r.peak_mb), r.exact.replace(/\|/g, '\\|')]);
    }
    const n = nativeMedian(mb);
    const nRow = nativeSummary.find((x) => x.input === `Records.json ${mb} MB`);
    if (n) rows.push([`Records.json ${mb} MB`, 'N', s2(n), nRow ? spread(nRow.runs.map((x) => x.seconds)) : 'one run', mbs(mb, n), '–', nRow ? (nRow.runs.every((x) => x.exact) ? 'yes' : 'NO') : 'yes']);
  }
  out.push(table(['input', 'contender', '>median', '>spread', '>MB/s', '>renderer peak', 'exact'], rows), '');
  const f = (x) => (x === null ? '–' : x.toFixed(2));
  out.push('Ratios (how many times faster W is; W/N from the pairs, the others of the medians):', '');
  out.push(table(['input', '>W/N (must ≥ 0.5)', '>W/J (≥ 1.5)', '>W/J2', '>W/O (≥ 20)'], ratios.map((r) => [`${r.mb} MB`, f(r.N), f(r.J), f(r.J2), f(r.O)])), '');
}

if (nativeSummary.length) {
  out.push('## Native (N)', '');
  out.push('`cargo run --release --example bench -- [--map] SIZES`: the worker\'s code (`report::describe_input`) compiled natively, one thread, reading the file in chunks. Peak RSS is the whole process\'s (`VmHWM`, reset before each input).', '');
  const rows = nativeSummary.map((r) => {
    const m = nativeMap.find((x) => x.input === r.input);
    const t = median(r.runs.map((x) => x.seconds));
    const mt = m ? median(m.runs.map((x) => x.seconds)) : null;
    return [r.input, r.size, typeof r.records === 'number' ? int(r.records) : r.records, s2(t), spread(r.runs.map((x) => x.seconds)), mbs(r.mb, t), `${Math.max(...r.runs.map((x) => x.peak_mb)).toFixed(1)} MB`,
      mt === null ? '–' : s2(mt), m ? `${Math.max(...m.runs.map((x) => x.peak_mb)).toFixed(1)} MB` : '–', m ? m.runs[0].per_point.toFixed(2) : '–',
      r.runs.concat(m?.runs ?? []).every((x) => x.exact) ? 'yes' : 'NO'];
  });
  out.push(table(['input', '>size', '>records', '>summary mode', '>spread', '>MB/s', '>peak RSS', '>map mode', '>map peak RSS', '>B/point', 'exact'], rows), '');
}

const appTable = (rows, map) => table(
  ['input', '>time', '>spread', '>MB/s', '>first progress', '>bar past 0 %', '>renderer peak', '>renderer before', ...(map ? ['>points kept', '>B/point', '>wasm memory'] : []), 'long tasks', 'exact'],
  rows.map((r) => [r.input, s2(r.seconds), r.spread, mbs(r.mb, r.seconds), ms0(Number.isFinite(r.first_ms) ? r.first_ms : null), ms0(Number.isFinite(r.moved_ms) ? r.moved_ms : null),
    mb0(r.peak_mb), mb0(r.before_mb),
    ...(map ? [int(r.mid.points), (r.mid.point_bytes / r.mid.points).toFixed(2), mb0(r.mid.wasm_bytes / 1048576)] : []),
    r.long_tasks.length ? `${r.long_tasks.map((d) => d.toFixed(0)).join(', ')} ms` : 'none', r.exact ? 'yes' : `NO: ${r.runs.find((x) => !x.exact)?.shown ?? ''}`]),
);
if (summaryRows.length || mapRows.length) {
  out.push('## The app (W, with the page)', '');
  out.push(`\`node tests/e2e/bench.mjs [--map] --runs ${appSummary?.runs ?? appMap?.runs}\`: the release build reads each input in a fresh page; time from handing the file to the page to its row showing the result; "first progress" from the file input's \`change\` event to the progress bar and its line on screen, "bar past 0 %" to its first whole percent; renderer RSS sampled every 50 ms from \`/proc\` (the worker lives in the renderer); long tasks are the main thread's tasks of 50 ms or more (\`PerformanceObserver('longtask')\`, T8) in all runs.`, '');
  if (summaryRows.length) out.push('Summary mode (aggregates only):', '', appTable(summaryRows, false), '');
  if (mapRows.length) out.push('Map mode (`?mode=map`: every position kept for maps and day views; points and bytes as the worker\'s store counts them, wasm memory its `WebAssembly.Memory` after the file):', '', appTable(mapRows, true), '');
}
if (healthRows.length) {
  out.push('## An Apple Health export in the app (issue 9)', '');
  out.push(`\`node tests/e2e/bench.mjs --health --runs ${appHealth.runs}\`: a generated \`export.xml\` (\`synth::health\`: ten years at most, denser as it grows; \`cargo run --release --example bench -- --health SIZE\`) read in summary mode, measured as above; exact when the page's summary line states the ground truth's records, days and workouts.`, '');
  out.push(appTable(healthRows, false), '');
}

if (latency) {
  out.push('## Responsiveness (T7, T9)', '');
  if (latency.t7?.runs?.length) {
    const f = (k) => {
      const xs = latency.t7.runs.map((r) => r[k]);
      return `${median(xs).toFixed(0)} ms (${range(xs).map((x) => x.toFixed(0)).join('–')})`;
    };
    out.push(`T7: \`samples/${latency.t7.file}\` (a small real Records.json) chosen in a fresh page, ${latency.t7.runs.length} run(s) (\`node tests/e2e/latency.mjs\`); from the file input's \`change\` event, median (fastest–slowest). "In the DOM" is when the element appears, "on screen" after the next frame is painted.`, '');
    out.push(table(['from the change event to', '>in the DOM', '>on screen'], [
      ['first progress (the file\'s row shows its status)', f('progress_dom_ms'), f('progress_ms')],
      ['first finding (`#files .finding`)', f('finding_dom_ms'), f('finding_ms')],
    ]), '');
  }
  if (latency.t9?.runs?.length) {
    out.push(`T9: \`${latency.t9.file}\` read by the app, \`#cancel\` clicked about 1 s in; from the click (in the page) to Playwright's \`close\` event for the worker (the DevTools protocol's target detached event, which arrives later than the worker ends by about the protocol latency shown, half an evaluate round trip), and to the row saying it was cancelled; renderer RSS before the file, at its peak, 1 s after the click and 1 s after the worker is gone (Cancel starts a fresh worker at once). Chromium ends a worker at once only when its thread is back in its event loop (a worker busy in one long task is stopped forcibly after 2 s): with JSPI, the worker returns to it between slices and at least every 10 ms.`, '');
    out.push(table(['run', '>read when cancelled', '>click to worker gone', '>protocol latency', '>click to "cancelled" shown', '>renderer before', '>peak', '>1 s after the click', '>1 s after the worker is gone'],
      latency.t9.runs.map((r, i) => [i + 1, `${r.progress_percent} %`, r.gone_ms === null ? 'not gone in 10 s' : `${r.gone_ms.toFixed(1)} ms`, `${r.cdp_latency_ms.toFixed(1)} ms`, ms0(r.cancelled_shown_ms), mb0(r.before_mb), mb0(r.peak_mb), mb0(r.after_mb), mb0(r.after_gone_mb)])), '');
  }
}

// The scanner (issue 7): its speed natively and in the worker, beside the plain read of the
// same file and its analysis by its source.
const scanNative = read('scan-native.json');
const scanWorker = read('scan-worker.json');
if (scanNative || scanWorker) {
  out.push('## The scanner (issue 7)', '');
  out.push('The raw view of the generated `Records.json`: the whole file scanned for its structure and personal data (`report::scan_entry`), beside the plain read of the same file (1 MiB slices: the floor) and its analysis by its source (N natively, W in the worker). Natively `examples/scan_bench.rs`; in the browser `tests/e2e/scan-bench.mjs`, from the click on "Raw view" to the table on screen. Medians of the runs.', '');
  const sizes = [...new Set([...(scanNative?.rows ?? []), ...(scanWorker?.rows ?? [])].map((r) => r.mb))].sort((a, b) => a - b);
  const rate = (mb, sec) => (sec ? `${s2(sec)} (${mbs(mb, sec)} MB/s)` : '–');
  out.push(table(['input', '>read, native', '>source, native (N)', '>scan, native', '>source, worker (W)', '>scan, worker', 'main-thread long tasks'], sizes.map((mb) => {
    const n = scanNative?.rows.find((r) => r.mb === mb);
    const w = scanWorker?.rows.find((r) => r.mb === mb);
    const tasks = w ? w.runs.flatMap((r) => r.long_tasks_ms) : [];
    return [`Records.json ${mb} MB`,
      n ? rate(mb, median(n.read_s)) : '–', n ? rate(mb, median(n.source_s)) : '–', n ? rate(mb, median(n.scan_s)) : '–',
      w ? rate(mb, median(w.runs.map((r) => r.analysed))) : '–', w ? rate(mb, median(w.runs.map((r) => r.scanned))) : '–',
      w ? (tasks.length ? tasks.map((d) => `${d.toFixed(0)} ms`).join(', ') : 'none') : '–'];
  })), '');
}

if (firstLoad !== null) {
  out.push('## First load (T7b)', '');
  out.push(`Every file of \`dist/\` (the release build, all fetched before the drop zone is enabled), each \`gzip -9\`: ${int(firstLoad)} bytes in all.`, '');
  out.push(table(['file', '>bytes', '>gzipped'], wasm.map((w) => [w.name, int(w.raw), int(w.gz)])), '');
}

const notes = join(ROOT, 'docs/benchmarks-notes.md');
if (existsSync(notes)) out.push(readFileSync(notes, 'utf8').trim(), '');
out.push('Earlier measurements, and how each change moved them: [`docs/benchmarks-history.md`](docs/benchmarks-history.md).', '');
writeFileSync(OUT, out.join('\n'));
console.log(`wrote ${OUT}`);
