// End-to-end tests of the release build in Debian Chromium (run by scripts/test.sh after
// `trunk build --release`). Each test opens a fresh browser context behind the network guard.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';

import { NetworkGuard } from './guard.mjs';
import {
  ROOT, axe, finish, open, openLoaded, pickFiles, reloadLoaded, sample, screenshot, setUp, tearDown, untilKept, untilReady, watchWorkers,
} from './harness.mjs';
import { SUB_PATH, startServer } from './server.mjs';
import { storedZip } from './zipfile.mjs';

const RECORDS = sample('google/Records.json');
// A file no source reads, for the scanner: LinkedIn's connections under another name, their date
// column renamed (the file itself is recognised since issue 8).
const CONNECTIONS = {
  name: 'club_members.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(readFileSync(sample('linkedin/Connections.csv'), 'utf8').replace('Connected On', 'Member Since')),
};
const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; "
  + "worker-src 'self' blob:; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data: blob:; "
  + "font-src 'self'; manifest-src 'self'; form-action 'none'; base-uri 'none'";

let env;
before(async () => { env = await setUp(); });
after(async () => { await tearDown(env); });

// Three weeks from Monday 2024-01-08, Paris time (UTC+1): home at night, at work from 9:00 to
// 17:00 on weekdays, no position at 8:00 and 17:00 (on the way); a position every 15 minutes, as
// an Android Timeline.json. The same plan as tests/integration/home.rs, whose report says the
// same sentence.
function commuterTimeline() {
  const signals = [];
  for (let day = 0; day < 21; day++) {
    const weekday = day % 7;
    for (let quarter = 0; quarter < 96; quarter++) {
      const hour = Math.floor(quarter / 4);
      if (hour === 8 || hour === 17) continue;
      const atWork = weekday < 5 && hour >= 9 && hour < 17;
      const at = atWork ? '46.1450000°, -1.1700000°' : '46.1603000°, -1.1511000°';
      const utc = Date.UTC(2024, 0, 8 + day, 0, 0) + quarter * 15 * 60_000 - 3_600_000;
      signals.push({ position: { LatLng: at, source: 'WIFI', timestamp: new Date(utc).toISOString() } });
    }
  }
  const json = JSON.stringify({ semanticSegments: [], rawSignals: signals });
  return { name: 'Timeline.json', mimeType: 'application/json', buffer: Buffer.from(json) };
}

// The file list's rows, cell by cell, as read on screen but without the maps, day views,
// scanner lines, exports and letters (tested on their own): they are hidden while the text is read.
function rowTexts(page) {
  return page.$$eval('#files tbody tr', (trs) => {
    const maps = [...document.querySelectorAll('#files figure.map, #files .day-open, #files section.day, #files .scan-line, #files .scan-open, #files details.export, #files .ask-service')];
    maps.forEach((m) => { m.hidden = true; });
    const rows = trs.map((tr) => tr.innerText.split('\t').map((s) => s.trim()));
    maps.forEach((m) => { m.hidden = false; });
    return rows;
  });
}

describe('main path', () => {
  for (const [where, path] of [['at the root', '/'], ['under a sub-path', SUB_PATH]]) {
    test(`load, open files, see them listed, forget everything (${where})`, async () => {
      const workers = [];
      const session = await openLoaded(env, path, { before: (p) => watchWorkers(p, workers) });
      const { page } = session;
      assert.equal(await page.textContent('#landing-title'), 'What does your data say about you?');

      const empty = { name: 'empty.json', mimeType: 'application/json', buffer: Buffer.alloc(0) };
      await pickFiles(page, [RECORDS, empty, CONNECTIONS]);
      const rows = await rowTexts(page);
      assert.deepEqual(rows.map((r) => r[0]), ['Records.json', 'empty.json', 'club_members.csv']);
      assert.deepEqual(rows.map((r) => r[1]), ['569\u00a0bytes', '0\u00a0bytes', '284\u00a0kB']);
      // A bad file gets a clear message, and the others their result.
      // Records.json is read by its source (the same values as `inspect` prints); the others are
      // not recognised yet, and the empty file says so.
      assert.deepEqual(rows.map((r) => r[2]), [
        'Google Location History (Records.json)\n3 positions, from 2012-12-15 to 2013-03-01\nGoogle recorded where you were on 3 days between 2012 and 2013.\nHow do we know?\nBy your positions, you were in one country: Russia (3 days).\nHow do we know?\nGoogle noted, for 1 of the 3 positions, the device that recorded it: a single device (device of unknown type).\nHow do we know?',
        'This file is empty: there is nothing to read.',
        'Not recognised yet',
      ]);
      assert.equal(await page.getAttribute('#net-counter', 'data-count'), '0');
      assert.match(await page.textContent('#net-counter'), /Network requests since you opened your files: 0/);
      assert.equal((await page.textContent('#announcer')).trim(), '3 files added, being read.');

      assert.equal(workers.length, 1);
      await page.click('#forget');
      await page.waitForSelector('#landing-title');
      // The worker was terminated (its memory freed) and a new one started.
      // Within 15 s: on a busy machine the browser may report the ended worker late (over 5 s
      // once, with two builds running beside the tests).
      for (let i = 0; i < 750 && !(workers.length === 2 && workers[0].closed); i++) await page.waitForTimeout(20);
      assert.deepEqual(workers.map((w) => w.closed), [true, false]);
      assert.equal(await page.$('#files'), null);
      assert.equal(await page.$('#forget'), null);
      assert.equal((await page.textContent('#announcer')).trim(), "Everything has been erased from this page's memory.");
      // Focus is not lost with the button that disappeared: it lands on the page's heading.
      await page.waitForFunction(() => document.activeElement?.id === 'landing-title');
      // The engine is back (a new worker, started without a request) and files can be opened again.
      await untilReady(page);
      await pickFiles(page, [CONNECTIONS]);
      await finish(session);
    });
  }

  test('an archive is opened in the worker and its files listed under it', async () => {
    const session = await openLoaded(env, '/');
    const { page } = session;
    const zip = storedZip([
      ['Takeout/Location History/Records.json', readFileSync(RECORDS)],
      ['Takeout/.DS_Store', 'junk'],
      ['../evil.json', '{}'],
      ['Takeout/archive_browser.html', '<html></html>'],
    ]);
    await page.setInputFiles('#file-input', [{ name: 'takeout-20241201T101010Z-001.zip', mimeType: 'application/zip', buffer: zip }]);
    await page.waitForSelector('#files tr.archive .status:not(.reading)');
    const rows = await rowTexts(page);
    assert.equal(rows[0][0], 'takeout-20241201T101010Z-001.zip');
    assert.equal(rows[0][2], 'Archive: 3 files');
    // Grouped: recognised files by source, then problems, then the rest, each under its heading.
    assert.deepEqual(rows.slice(1).map((r) => [r[0].split('\n')[0], r[1], r[2]]), [
      ['Google Location History (Records.json) (1)', undefined, undefined],
      ['Records.json', '569\u00a0bytes', 'Google Location History (Records.json)\n3 positions, from 2012-12-15 to 2013-03-01\nGoogle recorded where you were on 3 days between 2012 and 2013.\nHow do we know?\nBy your positions, you were in one country: Russia (3 days).\nHow do we know?\nGoogle noted, for 1 of the 3 positions, the device that recorded it: a single device (device of unknown type).\nHow do we know?'],
      ['Problems (1)', undefined, undefined],
      ['evil.json', '2\u00a0bytes', 'This file\'s name in the archive tries to leave its folder ("../"): it was skipped for safety.'],
      ['Other files (1)', undefined, undefined],
      ['archive_browser.html', '13\u00a0bytes', 'Not recognised yet'],
    ]);
    await axe(page, 'an archive in the file list');
    await finish(session);
  });

  test('files read the same with suspending reads (JSPI, Chromium) and without (Safari)', async () => {
    // A 3 MB Records.json (many slices: the read-ahead grows from 64 KiB) and the same inside a
    // zip (reads that jump: the central directory, then the entry).
    const start = Date.UTC(2024, 0, 1);
    const records = Array.from({ length: 20_000 }, (_, i) => ({
      latitudeE7: 488566000 + (i % 500) * 10, longitudeE7: 23522000 + (i % 300) * 10,
      accuracy: 20, source: 'WIFI', deviceTag: 7, timestamp: new Date(start + i * 60_000).toISOString(),
    }));
    const json = Buffer.from(JSON.stringify({ locations: records }, null, 2));
    const files = [
      { name: 'Records.json', mimeType: 'application/json', buffer: json },
      { name: 'takeout.zip', mimeType: 'application/zip', buffer: storedZip([['Takeout/Location History/Records.json', json]]) },
    ];
    const read = async (jspi) => {
      const readers = [];
      const session = await openLoaded(env, '/', {
        // page.route does not see what a service worker answers.
        serviceWorkers: jspi ? 'allow' : 'block',
        before: async (page) => {
          watchWorkers(page, [], readers);
          // Safari's case: the worker's glue runs with no WebAssembly.Suspending.
          if (!jspi) {
            // The worker's glue is the page's, fetched by the engine (src/worker/spawn.rs).
            await page.route('**/reflet.js', async (route) => {
              if (route.request().resourceType() !== 'fetch') return route.fallback();
              const glue = await (await route.fetch()).text();
              await route.fulfill({ body: `WebAssembly.Suspending = undefined;\n${glue}`, contentType: 'text/javascript' });
            });
          }
        },
      });
      const { page } = session;
      await page.setInputFiles('#file-input', files);
      await page.waitForFunction(() => document.querySelectorAll('#files .status.known').length === 2, null, { timeout: 30_000 });
      const rows = await page.$$eval('#files tbody tr', (trs) => trs.map((tr) => tr.innerText));
      await finish(session);
      return { rows, readers: readers.length };
    };
    const suspending = await read(true);
    const sync = await read(false);
    assert.ok(suspending.rows.some((r) => r.includes('20,000 positions, from 2024-01-01 to 2024-01-14')), suspending.rows.join('\n'));
    assert.deepEqual(sync.rows, suspending.rows);
    // Chromium read through the reader worker (src/worker/boot.js); without JSPI, none started.
    assert.ok(suspending.readers >= 1);
    assert.equal(sync.readers, 0);
  });

  test('a file chosen while another is being read waits its turn, and both are read right', async () => {
    // With JSPI the worker handles messages while a read is suspended: the second file's job
    // arrives then, waits in the worker's queue, and must not disturb the first file.
    const dir = mkdtempSync(join(tmpdir(), 'reflet-e2e-'));
    try {
      const big = join(dir, 'Records.json');
      const start = Date.UTC(2024, 0, 1);
      const n = 300_000;
      const records = Array.from({ length: n }, (_, i) => ({
        latitudeE7: 488566000 + (i % 500) * 10, longitudeE7: 23522000 + (i % 300) * 10,
        accuracy: 20, source: 'WIFI', deviceTag: 7, timestamp: new Date(start + i * 60_000).toISOString(),
      }));
      writeFileSync(big, JSON.stringify({ locations: records }, null, 2));
      const last = new Date(start + (n - 1) * 60_000).toISOString().slice(0, 10);
      const session = await openLoaded(env, '/');
      const { page } = session;
      await page.setInputFiles('#file-input', big);
      await page.waitForFunction(() => Number(document.querySelector('#files progress')?.value) > 0);
      assert.ok(await page.$('#files .status.reading'), 'the first file is still being read');
      await page.setInputFiles('#file-input', RECORDS);
      await page.waitForFunction(() => document.querySelectorAll('#files .status.known').length === 2, null, { timeout: 60_000 });
      const rows = await page.$$eval('#files tbody tr', (trs) => trs.map((tr) => tr.innerText));
      assert.equal(rows.length, 2);
      assert.match(rows[0], new RegExp(`300,000 positions, from 2024-01-01 to ${last}`));
      assert.match(rows[1], /3 positions, from 2012-12-15 to 2013-03-01/);
      await finish(session);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an archive of 20,000 files renders only the rows on screen, and scrolls to the last', async () => {
    const session = await openLoaded(env, '/');
    const { page } = session;
    const n = 20_000;
    const entries = Array.from({ length: n }, (_, i) => [`messages/inbox/thread_${String(i).padStart(5, '0')}/message_1.json`, `{"n":${i}}`]);
    await page.setInputFiles('#file-input', [{ name: 'facebook-export.zip', mimeType: 'application/zip', buffer: storedZip(entries) }]);
    await page.waitForSelector('#files tr.archive .status:not(.reading)', { timeout: 60_000 });
    assert.equal(await page.innerText('#files tr.archive td:last-child'), 'Archive: 20,000 files');
    assert.equal(await page.innerText('#files tr.section th'), 'Other files (20,000)');
    const rendered = () => page.$$eval('#files tr.virtual th .name', (els) => els.map((e) => e.textContent));
    const first = await rendered();
    assert.ok(first.length > 5 && first.length < 150, `${first.length} rows rendered`);
    assert.equal(first[0], 'message_1.json');
    const paths = () => page.$$eval('#files tr.virtual th .path', (els) => els.map((e) => e.textContent));
    // A conversation's folder is named after someone: masked.
    assert.equal((await paths())[0], 'messages/inbox/\u2026_00000/message_1.json');
    // Each row's button is told apart by its file's name and path.
    const described = await page.$eval('#files tr.virtual .scan-open', (b) => document.getElementById(b.getAttribute('aria-describedby'))?.innerText.replace(/\s+/g, ' ').trim());
    assert.equal(described, 'message_1.json messages/inbox/\u2026_00000/message_1.json');
    // The first file's whole scan, asked of the worker: the list keeps each one brief.
    await page.click('#files tr.virtual .scan-open >> nth=0');
    await page.waitForSelector('#scan-panel .scan-structure');
    assert.equal(await page.textContent('#scan-title'), "What's inside message_1.json");
    // The page is as tall as all the rows: scrolling to its end shows the last one.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForFunction(() => [...document.querySelectorAll('#files tr.virtual th .path')].some((e) => e.textContent.includes('\u2026_19999')));
    assert.ok((await rendered()).length < 150);
    // Its row is no longer drawn: closing the panel puts focus on the list's heading.
    await page.click('#scan-panel .scan-actions .quiet');
    await page.waitForFunction(() => !document.querySelector('#scan-panel'));
    await page.waitForFunction(() => document.activeElement?.id === 'files-title');
    // Halfway down shows the rows from the middle.
    await page.evaluate(() => {
      const table = document.querySelector('#files');
      window.scrollTo(0, table.getBoundingClientRect().top + window.scrollY + table.offsetHeight / 2);
    });
    await page.waitForFunction(() => [...document.querySelectorAll('#files tr.virtual th .path')].some((e) => /\u2026_(09|10)\d{3}/.test(e.textContent)));
    await axe(page, 'a virtualised archive list');
    await finish(session);
  });

  test('the parts of a split Takeout are one export, and a missing part is named', async () => {
    const session = await openLoaded(env, '/');
    const { page } = session;
    const part = (files) => storedZip(files.map((f) => [`Takeout/${f}`, '{"ok": true}']));
    await page.setInputFiles('#file-input', [
      { name: 'takeout-20241201T101010Z-003.zip', mimeType: 'application/zip', buffer: part(['YouTube/history.json']) },
      { name: 'takeout-20241201T101010Z-001.zip', mimeType: 'application/zip', buffer: part(['Chrome/History.json', 'Maps/Saved.json']) },
    ]);
    await page.waitForFunction(() => document.querySelectorAll('#files tr.archive').length === 1 && !document.querySelector('#files .status.reading'));
    assert.equal(await page.innerText('#files tr.archive th .name'), 'takeout-20241201T101010Z (2 parts)');
    assert.equal(await page.innerText('#files tr.archive .missing'), 'Part 2 is missing: add it to see the whole export.');
    assert.match(await page.innerText('#files tr.archive td:last-child'), /^Archive: 3 files/);
    const paths = await page.$$eval('#files th.nested .path', (els) => els.map((e) => e.textContent));
    assert.deepEqual(paths, ['Takeout/Chrome/History.json', 'Takeout/Maps/Saved.json', 'Takeout/YouTube/history.json']);
    await page.click('#lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    assert.equal(await page.innerText('#files tr.archive th .name'), 'takeout-20241201T101010Z (2\u00a0parties)');
    assert.equal(await page.innerText('#files tr.archive .missing'), "La partie 2 manque\u00a0: ajoutez-la pour voir tout l'export.");
    await finish(session);
  });

  test('a chosen folder lists its files with their paths', async () => {
    const session = await openLoaded(env, '/');
    const { page } = session;
    await page.setInputFiles('#folder-input', sample('instagram/hestia_2022'));
    await page.waitForFunction(() => document.querySelectorAll('#files tbody tr .status:is(.known, .unknown)').length === 3);
    const paths = await page.$$eval('#files tbody th .path', (els) => els.map((e) => e.textContent).sort());
    assert.deepEqual(paths, ['hestia_2022/followers.json', 'hestia_2022/message_1.json', 'hestia_2022/personal_information_fr.json']);
    // All three are Instagram's: the followers, the conversation and the personal information.
    assert.equal(await page.locator('#files tbody tr .status.known').count(), 3);
    await finish(session);
  });

  test('a long file shows moving progress and can be cancelled at once', async () => {
    // 300 MB that a gzip stream must inflate to the end: 1 MB of random bytes, gzipped once and
    // repeated (a multi-member gzip), so it is quick to write and slow enough to watch.
    const member = gzipSync(randomBytes(1 << 20), { level: 1 });
    const dir = mkdtempSync(join(tmpdir(), 'reflet-e2e-'));
    const big = join(dir, 'history.json.gz');
    writeFileSync(big, Buffer.concat(Array(300).fill(member)));
    const workers = [];
    const session = await open(env, '/', { before: (p) => watchWorkers(p, workers) });
    const { page, guard } = session;
    try {
      await untilReady(page);
      guard.markLoaded();
      await page.setInputFiles('#file-input', big);
      const bar = await page.waitForSelector('#files progress', { timeout: 5000 });
      await page.waitForFunction(() => Number(document.querySelector('#files progress')?.value) > 0);
      const value = Number(await bar.getAttribute('value'));
      assert.ok(value > 0 && value < 100, `progress ${value}`);
      assert.match(await page.textContent('#files .progress-line'), /^\d+% · history\.json · about \d+\s(s|min) left$/);

      await page.click('#cancel');
      await page.waitForSelector('#files .status.error');
      assert.equal((await page.textContent('#files .status.error')).trim(), 'You cancelled the analysis before this file was finished.');
      assert.equal(await page.$('#cancel'), null);
      assert.equal(await page.$('#files progress'), null);
      // A new analysis starts at once, in a new worker, with no request.
      await page.setInputFiles('#file-input', RECORDS);
      await page.waitForSelector('#files tbody tr:nth-child(2) .status.known');
      assert.equal(workers.length, 2);
      await finish(session);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('French is the default when the browser prefers it, with a visible switch', async () => {
    const session = await openLoaded(env, '/', { locale: 'fr-FR' });
    const { page } = session;
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    assert.equal(await page.textContent('#landing-title'), 'Que disent vos données de vous\u00a0?');
    await pickFiles(page, [RECORDS]);
    assert.equal((await rowTexts(page))[0][2], 'Google, historique des positions (Records.json)\n3 positions, du 2012-12-15 au 2013-03-01\nGoogle a enregistré où vous étiez sur 3\u00a0jours entre 2012 et 2013.\nComment le sait-on\u00a0?\nD\'après vos positions, vous étiez dans un seul pays\u00a0: Russie (3\u00a0jours).\nComment le sait-on\u00a0?\nGoogle a noté, pour 1 des 3\u00a0positions, l\'appareil qui l\'a enregistrée\u00a0: un seul appareil (appareil de type inconnu).\nComment le sait-on\u00a0?');
    assert.equal((await page.textContent('#files tbody td.num')).trim(), '569\u00a0octets');
    await page.click('#lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal((await rowTexts(page))[0][2], 'Google Location History (Records.json)\n3 positions, from 2012-12-15 to 2013-03-01\nGoogle recorded where you were on 3 days between 2012 and 2013.\nHow do we know?\nBy your positions, you were in one country: Russia (3 days).\nHow do we know?\nGoogle noted, for 1 of the 3 positions, the device that recorded it: a single device (device of unknown type).\nHow do we know?');
    await finish(session);
  });

  test('a location history shows where home is, in both languages, as the report says', async () => {
    // Ten nights at one place in La Rochelle, a position every 30 minutes from 22:00 to 07:00
    // Paris time (UTC+1 in January), in the Android on-device Timeline format.
    const signals = [];
    for (let day = 0; day < 10; day++) {
      for (let half = 0; half < 18; half++) {
        const utc = Date.UTC(2024, 0, 10 + day, 21, 0) + half * 30 * 60_000;
        signals.push({ position: { LatLng: '46.1603000°, -1.1511000°', source: 'WIFI', timestamp: new Date(utc).toISOString() } });
      }
    }
    const timeline = { semanticSegments: [], rawSignals: signals };
    const session = await openLoaded(env, '/');
    const { page } = session;
    await pickFiles(page, [{ name: 'Timeline.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(timeline)) }]);
    const home = () => page.textContent('#files .finding[data-finding="home"]');
    // The same sentence `inspect` writes in the report's `findings` (tests/integration/home.rs
    // checks it there): ten nights are too few for high confidence, and it says why.
    assert.equal(await home(), 'You were at the same place on 100% of nights (10 of 10), around La Rochelle (46.160\u00a0N, 1.151\u00a0W): perhaps your home (medium confidence: only 10 nights have positions).'.replaceAll('\u00a0N', '°\u00a0N').replaceAll('\u00a0W', '°\u00a0W'));
    await page.click('#lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    assert.match(await home(), /^Vous étiez au même endroit 100\u00a0% des nuits \(10 sur 10\), vers La Rochelle \(46,160°\u00a0N, 1,151°\u00a0O\)/);
    await axe(page, 'a location finding');
    await finish(session);
  });

  test('a routine is drawn as an hour × weekday chart, with the same values in a table', async () => {
    const session = await openLoaded(env, '/');
    const { page } = session;
    await pickFiles(page, [commuterTimeline()]);
    const routine = () => page.textContent('#files .finding[data-finding="routine"]');
    assert.equal(await routine(), 'On weekdays you usually leave home around 8:30 and come back around 18:00 (median of 15 days). Over 21 days of positions, you are mostly away from home on weekdays from 9:00 to 18:00. The hour-by-day table shows the detail.');
    // The canvas is drawn: cells in the accent colour (always away: weekdays 9:00–17:00), and
    // cells in the palest colour (never away). It is drawn in a task after the render.
    await page.waitForSelector('#files figure[data-chart="routine"] canvas[data-drawn]');
    const colours = await page.$eval('#files figure[data-chart="routine"] canvas', (canvas) => {
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let accent = 0; let pale = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i] === 0x1d && data[i + 1] === 0x4e && data[i + 2] === 0x89) accent++;
        if (data[i] === 0xee && data[i + 1] === 0xf2 && data[i + 2] === 0xf7) pale++;
      }
      return { accent, pale };
    });
    assert.ok(colours.accent > 1000 && colours.pale > 1000, JSON.stringify(colours));
    assert.equal(await page.getAttribute('#files figure[data-chart="routine"] canvas', 'role'), 'img');
    // Its text alternative: a table with a row per weekday and a column per hour.
    await page.click('#files figure[data-chart="routine"] summary');
    // Built when opened (the details' toggle event comes in a task of its own).
    await page.waitForSelector('#files .grid-table tbody tr');
    const table = await page.$$eval('#files .grid-table tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    assert.equal(table.length, 7);
    assert.deepEqual([table[0][0], table[0][1 + 10], table[0][1 + 3], table[5][1 + 10]], ['Monday', '100%', '0%', '0%']);
    // How it was worked out, one click away.
    await page.click('#files details.why[data-why="routine"] summary');
    assert.match(await page.innerText('#files details.why[data-why="routine"]'), /Each day is cut into 10-minute slots/);
    await axe(page, 'a routine chart and its table');
    await page.click('#lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    assert.match(await routine(), /^En semaine, vous quittez d'habitude votre domicile vers 8\u00a0h\u00a030 et y revenez vers 18\u00a0h/);
    assert.equal(await page.textContent('#files .grid-table tbody tr:first-child th'), 'lundi');
    await axe(page, 'a routine chart and its table (fr)');
    await finish(session);
    // On a phone, the chart and its table fit the column instead of widening the list.
    const phone = await openLoaded(env, '/', { size: 'phone' });
    await pickFiles(phone.page, [commuterTimeline()]);
    const widths = await phone.page.evaluate(() => ({
      list: document.querySelector('#files').getBoundingClientRect().right,
      chart: Math.max(...[...document.querySelectorAll('#files figure.chart')].map((f) => f.getBoundingClientRect().right)),
      page: document.documentElement.clientWidth,
    }));
    assert.ok(widths.list <= widths.page && widths.chart <= widths.page, JSON.stringify(widths));
    await finish(phone);
  });

  test('a Takeout with Records.json and Semantic Location History shows trips by mode and their CO2', async () => {
    // tests/fixtures/mobility/generate.py: two weeks of cycling to work, and a flight to Nice and
    // back in the Semantic history; tests/integration/trips.rs checks the same values in the report.
    const session = await openLoaded(env, '/');
    const { page } = session;
    const zip = readFileSync(join(ROOT, 'tests/fixtures/mobility/takeout-mobility.zip'));
    await page.setInputFiles('#file-input', [{ name: 'takeout-mobility.zip', mimeType: 'application/zip', buffer: zip }]);
    await page.waitForSelector('#files tr.archive .status:not(.reading)');
    const finding = (file, id) => page.textContent(`#files tr:has(th .name:text-is("${file}")) .finding[data-finding="${id}"]`);
    assert.equal(await finding('Records.json', 'trips'), 'Your positions show 20 trips, 66.7\u00a0km in all: cycling 66.7\u00a0km (100%).');
    assert.equal(await finding('Records.json', 'home_work'), 'Between home and work in 2024: 20 trips, 20 by bike (66.7\u00a0km).');
    assert.equal(await finding('2024_MARCH.json', 'co2'), "By ADEME's factors, these trips emitted about 371.7\u00a0kg of CO2 equivalent, 100% of it by plane: plane 371.7\u00a0kg (100%).");
    // The distance chart and the CO2 chart of the Semantic file are drawn in the modes' colours:
    // the plane's (#b35806) and the bike's (#006ba6) in the first, the plane's only in the second.
    const semantic = '#files tr:has(th .name:text-is("2024_MARCH.json"))';
    await page.waitForSelector(`${semantic} figure[data-chart="trips"] canvas[data-drawn]`);
    await page.waitForSelector(`${semantic} figure[data-chart="co2"] canvas[data-drawn]`);
    const colours = (chart) => page.$eval(`${semantic} figure[data-chart="${chart}"] canvas`, (canvas) => {
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let plane = 0; let bike = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i] === 0xb3 && data[i + 1] === 0x58 && data[i + 2] === 0x06) plane++;
        if (data[i] === 0x00 && data[i + 1] === 0x6b && data[i + 2] === 0xa6) bike++;
      }
      return { plane, bike };
    });
    const distance = await colours('trips');
    assert.ok(distance.plane > 500 && distance.bike > 50, JSON.stringify(distance));
    const carbon = await colours('co2');
    assert.ok(carbon.plane > 500 && carbon.bike === 0, JSON.stringify(carbon));
    assert.deepEqual(await page.$$eval(`${semantic} figure[data-chart="trips"] .legend li`, (lis) => lis.map((li) => li.textContent)), ['plane', 'cycling']);
    // The text alternative, by week (the trips span one month), then by month.
    await page.click(`${semantic} figure[data-chart="trips"] summary`);
    await page.waitForSelector(`${semantic} figure[data-chart="trips"] .grid-table tbody tr`);
    const table = () => page.$$eval(`${semantic} figure[data-chart="trips"] .grid-table tr`, (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    assert.deepEqual(await table(), [
      ['Period', 'plane (km)', 'cycling (km)', 'Total (km)'],
      ['2024-W10', '1437.3', '34.0', '1471.3'],
      ['2024-W11', '0.0', '34.0', '34.0'],
    ]);
    await page.click(`${semantic} figure[data-chart="trips"] label:has-text("By month")`);
    await page.locator(`${semantic} figure[data-chart="trips"] .grid-table tbody tr`).nth(1).waitFor({ state: 'detached' });
    assert.deepEqual((await table())[1], ['2024-03', '1437.3', '68.0', '1505.3']);
    await axe(page, 'the trips and CO2 charts');
    await page.click('#lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    assert.equal(await finding('2024_MARCH.json', 'co2'), "Selon les facteurs de l'ADEME, ces trajets ont émis environ 371,7\u00a0kg d'équivalent CO2, dont 100\u00a0% pour l'avion\u00a0: avion 371,7\u00a0kg (100\u00a0%).");
    assert.deepEqual((await table())[1], ['2024-03', '1437,3', '68,0', '1505,3']);
    await axe(page, 'the trips and CO2 charts (fr)');
    await finish(session);
  });

  test('the map shows home, pans and zooms by mouse, keyboard, buttons and pinch, and lists its places', async () => {
    const zip = { name: 'takeout-mobility.zip', mimeType: 'application/zip', buffer: readFileSync(join(ROOT, 'tests/fixtures/mobility/takeout-mobility.zip')) };
    const map = '#files tr:has(th .name:text-is("Records.json")) figure[data-chart="map"]';
    const view = async (page) => (await page.getAttribute(`${map} canvas`, 'data-view')).split(',').map(Number);
    const drawnAgain = async (page, before) => {
      for (let i = 0; i < 100 && (await view(page)).join() === before.join(); i++) await page.waitForTimeout(20);
      return view(page);
    };
    const session = await openLoaded(env, '/');
    const { page } = session;
    await page.setInputFiles('#file-input', [zip]);
    await page.waitForSelector(`${map} canvas[data-drawn]`);
    // Home is drawn in its colour (#1d4e89), over land and sea.
    const pixels = await page.$eval(`${map} canvas`, (canvas) => {
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      const count = (r, g, b) => { let n = 0; for (let i = 0; i < data.length; i += 4) if (data[i] === r && data[i + 1] === g && data[i + 2] === b) n++; return n; };
      return { home: count(0x1d, 0x4e, 0x89), land: count(0xf6, 0xf3, 0xec), sea: count(0xdb, 0xe7, 0xf3) };
    });
    assert.ok(pixels.home > 50 && pixels.land > 1000 && pixels.sea > 1000, JSON.stringify(pixels));
    // Its text alternative: the places it marks, and the map's credits.
    assert.deepEqual(await page.$$eval(`${map} .map-places li`, (lis) => lis.map((li) => li.textContent)).then((l) => l.slice(0, 2)),
      ['Probable home: 46.160°\u00a0N, 1.151°\u00a0W', 'Probable place of work: 46.190°\u00a0N, 1.151°\u00a0W']);
    assert.match(await page.textContent(`${map} .map-credits`), /Natural Earth/);
    // Keyboard: + zooms in 1.6 times about the centre, an arrow pans, 0 goes back.
    const first = await view(page);
    await page.focus(`${map} canvas`);
    await page.keyboard.press('+');
    const zoomed = await drawnAgain(page, first);
    assert.ok(Math.abs(zoomed[2] / first[2] - 1.6) < 0.01, `${first} → ${zoomed}`);
    await page.keyboard.press('ArrowRight');
    const panned = await drawnAgain(page, zoomed);
    assert.ok(panned[1] > zoomed[1] && Math.abs(panned[0] - zoomed[0]) < 1e-4, `${zoomed} → ${panned}`);
    await page.keyboard.press('0');
    assert.deepEqual(await drawnAgain(page, panned), first);
    // Mouse: a drag moves the map with it; the wheel zooms; the buttons too.
    const box = await page.locator(`${map} canvas`).boundingBox();
    await page.mouse.move(box.x + 200, box.y + 150);
    await page.mouse.down();
    await page.mouse.move(box.x + 100, box.y + 150, { steps: 4 });
    await page.mouse.up();
    const dragged = await drawnAgain(page, first);
    assert.ok(dragged[1] > first[1], `${first} → ${dragged}`);
    // The wheel zooms with Ctrl held (a plain wheel scrolls the page).
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -200);
    await page.keyboard.up('Control');
    const wheeled = await drawnAgain(page, dragged);
    assert.ok(wheeled[2] > dragged[2], `${dragged} → ${wheeled}`);
    await page.click(`${map} button:has-text("Zoom out")`);
    assert.ok((await drawnAgain(page, wheeled))[2] < wheeled[2]);
    await axe(page, 'the map');
    await finish(session);

    // On a phone, two fingers pinching outwards zoom in (touch events through the DevTools
    // protocol, as a real touch screen sends them).
    const phone = await openLoaded(env, '/', { size: 'phone' });
    await phone.page.setInputFiles('#file-input', [zip]);
    await phone.page.waitForSelector(`${map} canvas[data-drawn]`);
    await phone.page.locator(`${map} canvas`).scrollIntoViewIfNeeded();
    const before = await view(phone.page);
    const b = await phone.page.locator(`${map} canvas`).boundingBox();
    const cdp = await phone.context.newCDPSession(phone.page);
    const touch = (type, spread) => cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: type === 'touchEnd' ? [] : [
        { x: b.x + b.width / 2 - spread, y: b.y + b.height / 2, id: 0 },
        { x: b.x + b.width / 2 + spread, y: b.y + b.height / 2, id: 1 },
      ],
    });
    await touch('touchStart', 30);
    for (const spread of [40, 50, 60]) await touch('touchMove', spread);
    await touch('touchEnd', 0);
    const pinched = await drawnAgain(phone.page, before);
    assert.ok(Math.abs(pinched[2] / before[2] - 2) < 0.05, `${before} → ${pinched}`);
    // The page itself did not zoom or scroll sideways.
    assert.equal(await phone.page.evaluate(() => window.visualViewport.scale), 1);
    await axe(phone.page, 'the map on a phone');
    await finish(phone);
  });

  test('the day view shows a day on the map and in order, steps day by day, and corrected trips and places change the findings', async () => {
    // tests/fixtures/mobility: on weekdays, home until 8:30, by bike to work, back at 17:00
    // (tests/integration/day.rs checks the same day natively).
    const zip = { name: 'takeout-mobility.zip', mimeType: 'application/zip', buffer: readFileSync(join(ROOT, 'tests/fixtures/mobility/takeout-mobility.zip')) };
    const row = '#files tr:has(th .name:text-is("Records.json"))';
    const day = `${row} section.day`;
    const session = await openLoaded(env, '/');
    const { page } = session;
    await page.setInputFiles('#file-input', [zip]);
    await page.waitForSelector(`${row} figure[data-chart="map"] canvas[data-drawn]`);
    const shown = async (date) => {
      await page.waitForSelector(`${day}[data-day="${date}"][aria-busy="false"]`);
      return page.textContent(`${day} .day-status`);
    };
    const timeline = () => page.$$eval(`${day} .day-timeline li`, (lis) => lis.map((li) => (li.querySelector('.day-trip-text, .day-stop-text') ?? li).textContent));
    // Opened on the last day with positions: Monday 18 March, after midnight, at home.
    await page.click(`${row} .day-open button`);
    assert.equal(await shown('2024-03-18'), 'No trip on this day.');
    assert.equal(await page.textContent(`${day} h2`), 'One day: Monday 18 March 2024');
    // Focus moves to the day's heading; a step past the last day is disabled, and keeps focus.
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H2');
    assert.equal(await page.getAttribute(`${day} button[data-step="next"]`, 'aria-disabled'), 'true');
    // A date picked: its stays and trips in order, and its path on the map (#005f73).
    await page.fill(`${day} input[type="date"]`, '2024-03-04');
    assert.equal(await shown('2024-03-04'), '2 trips, 6.7\u00a0km, 0\u00a0g of CO2.');
    assert.deepEqual(await timeline(), [
      'Until 8:30: probable home',
      '8:30 – 8:42: cycling, 3.3\u00a0km, 0\u00a0g of CO2',
      '8:42 – 17:00: probable place of work',
      '17:00 – 17:12: cycling, 3.3\u00a0km, 0\u00a0g of CO2',
      'From 17:12: probable home',
    ]);
    const pathPixels = async () => {
      for (let i = 0; i < 100; i++) {
        const n = await page.$eval(`${row} figure[data-chart="map"] canvas`, (canvas) => {
          const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
          let count = 0;
          for (let j = 0; j < data.length; j += 4) if (data[j] === 0x00 && data[j + 1] === 0x5f && data[j + 2] === 0x73) count++;
          return count;
        });
        if (n > 0) return n;
        await page.waitForTimeout(20);
      }
      return 0;
    };
    assert.ok(await pathPixels() > 200, 'the path is drawn');
    // Step day by day, with the buttons.
    assert.equal(await page.getAttribute(`${day} button[data-step="previous"]`, 'aria-disabled'), 'true');
    assert.equal(await page.getAttribute(`${day} button[data-step="next"]`, 'aria-disabled'), 'false');
    await page.click(`${day} button[data-step="next"]`);
    assert.equal(await shown('2024-03-05'), '2 trips, 6.7\u00a0km, 0\u00a0g of CO2.');
    await page.click(`${day} button[data-step="previous"]`);
    await shown('2024-03-04');
    await axe(page, 'the day view');
    // "This was by car": the trip, the day, the findings and the charts follow.
    const finding = (id) => page.textContent(`${row} .finding[data-finding="${id}"]`);
    assert.equal(await finding('co2'), "By ADEME's factors, these trips emitted no measurable CO2.");
    await page.selectOption(`${day} .day-trip >> nth=0 >> select`, 'car');
    await page.waitForSelector(`${day} .day-trip[data-mode="car"]`);
    assert.equal(await shown('2024-03-04'), '2 trips, 6.7\u00a0km, 726\u00a0g of CO2.');
    assert.equal((await timeline())[1], '8:30 – 8:42: car, 3.3\u00a0km, 726\u00a0g of CO2 (corrected by you)');
    assert.equal(await finding('co2'), "By ADEME's factors, these trips emitted about 726\u00a0g of CO2 equivalent: car 726\u00a0g (100%).");
    assert.match(await finding('trips'), /car 3\.3\u00a0km/);
    assert.match(await finding('home_work'), /19 by bike/);
    await page.waitForSelector(`${row} figure[data-chart="co2"] canvas[data-drawn]`);
    await axe(page, 'the day view after a correction');
    // "This is my parents' house": no home is left, so no home–work trips nor routine, and the
    // map marks no home; the stays there are named so.
    const stop = `${day} .day-stop >> nth=0 >> select`;
    await page.selectOption(stop, 'others_home');
    await page.waitForSelector(`${day} .day-stop[data-place="others_home"]`);
    assert.equal((await timeline())[0], "Until 8:30: someone else's home");
    for (const id of ['home', 'home_work', 'routine']) {
      assert.equal(await page.locator(`${row} .finding[data-finding="${id}"]`).count(), 0, id);
    }
    assert.match(await finding('work'), /100% of days \(10 of 10\)/);
    assert.match(await page.textContent(`${row} .map-places li >> nth=0`), /^Probable place of work/);
    // "No, it is my home": home again, and what follows from it.
    await page.selectOption(stop, 'home');
    await page.waitForSelector(`${day} .day-stop[data-place="home"]`);
    assert.match(await finding('home'), /100% of nights \(15 of 15\)/);
    assert.match(await finding('home_work'), /19 by bike/);
    assert.match(await page.textContent(`${row} .map-places li >> nth=0`), /^Probable home/);
    // Each select is named by its row: "Mode of this trip 8:30 – 8:42: car, …".
    const name = await page.$eval(`${day} .day-trip select`, (select) => select.getAttribute('aria-labelledby').split(' ').map((id) => document.getElementById(id).textContent).join(' '));
    assert.match(name, /^Mode of this trip 8:30 – 8:42: car/);
    await page.click('#lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    assert.equal(await page.textContent(`${day} .day-status`), '2 trajets, 6,7\u00a0km, 726\u00a0g de CO2.');
    assert.equal((await timeline())[0], "Jusqu'à 8\u00a0h\u00a030\u00a0: domicile probable");
    await axe(page, 'the day view (fr)');
    // Closed: the map shows the whole file again, and focus is back on "See a day".
    await page.click(`${day} button[data-step="close"]`);
    await page.waitForSelector(`${row} .day-open button`);
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Voir une journée');
    // The Semantic history's Saturday: the flight to Nice, marked as by bike (in French now),
    // takes its 185.8 kg out of the carbon total.
    const semantic = '#files tr:has(th .name:text-is("2024_MARCH.json"))';
    const flightDay = `${semantic} section.day`;
    await page.click(`${semantic} .day-open button`);
    await page.waitForSelector(`${flightDay}[aria-busy="false"]`);
    await page.fill(`${flightDay} input[type="date"]`, '2024-03-09');
    await page.waitForSelector(`${flightDay}[data-day="2024-03-09"][aria-busy="false"] .day-trip[data-mode="flying"]`);
    const co2 = () => page.textContent(`${semantic} .finding[data-finding="co2"]`);
    assert.match(await co2(), /371,7\u00a0kg/);
    await page.selectOption(`${flightDay} .day-trip >> nth=0 >> select`, 'cycling');
    await page.waitForSelector(`${flightDay} .day-trip[data-mode="cycling"]`);
    assert.match(await co2(), /185,8\u00a0kg d'équivalent CO2, dont 100\u00a0% pour l'avion/);
    await axe(page, 'the day view of the Semantic history, corrected (fr)');
    await finish(session);
  });

  test('map mode keeps every position in the worker, 3 to 15 bytes each', async () => {
    const map = await openLoaded(env, '/?mode=map');
    await pickFiles(map.page, [RECORDS]);
    await map.page.waitForSelector('#files[data-points-kept]');
    // The sample's 3 positions (jq '.locations | length'), 3 to 15 bytes each (the first one's
    // coordinates whole, the others as differences) plus the chunk list (one chunk, 56 bytes).
    assert.equal(await map.page.getAttribute('#files', 'data-points-kept'), '3');
    const bytes = Number(await map.page.getAttribute('#files', 'data-point-bytes'));
    assert.ok(bytes >= 9 + 56 && bytes <= 45 + 56, `${bytes}`);
    assert.ok(Number(await map.page.getAttribute('#files', 'data-wasm-bytes')) > 0);
    await finish(map);
  });

  test('a link straight to the promise page opens it', async () => {
    const session = await open(env, '/#promise');
    const { page, guard } = session;
    await page.waitForSelector('#promise-title');
    // Loaded: the last load-time fetch (the engine's copy of the glue, src/worker/spawn.rs) is done.
    await page.waitForFunction(() => performance.getEntriesByType('resource')
      .some((e) => e.name.endsWith('/reflet.js') && e.initiatorType === 'fetch' && e.responseEnd > 0));
    // And the files kept for offline use are fetched.
    await untilKept(page);
    guard.markLoaded();
    assert.equal(await page.evaluate(() => location.hash), '#promise');
    assert.equal(await page.$('#landing-title'), null);
    await page.click('#promise-back');
    await untilReady(page);
    await finish(session);
  });

  test('the promise page explains how to check the promise', async () => {
    const session = await openLoaded(env, '/');
    const { page } = session;
    await page.click('#promise-link');
    await page.waitForSelector('#promise-title');
    const text = await page.textContent('main');
    assert.match(text, /counter at the bottom of the page/);
    assert.match(text, /airplane mode/);
    assert.match(text, /Content Security Policy/);
    await page.goBack();
    await page.waitForSelector('#landing-title');
    await finish(session);
  });
});

describe('the no-network promise', () => {
  test('the page declares exactly the Content-Security-Policy of DESIGN.md', async () => {
    const html = readFileSync(join(ROOT, 'dist/index.html'), 'utf8');
    const meta = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/);
    assert.ok(meta, 'no CSP meta tag in dist/index.html');
    assert.equal(meta[1], CSP);
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'an inline script would need the CSP to allow it');
    assert.doesNotMatch(html, /\sstyle="/, 'inline styles are not allowed by style-src');
  });

  test('the browser itself blocks a request to another origin', async () => {
    const session = await open(env, '/');
    const { page } = session;
    await untilReady(page);
    const outcome = await page.evaluate(async (port) => {
      const seen = new Promise((ok) => document.addEventListener('securitypolicyviolation', (e) => ok(e.effectiveDirective), { once: true }));
      const result = await fetch(`http://127.0.0.2:${port}/x`).then(() => 'fetched', () => 'blocked');
      return { result, directive: await seen };
    }, new URL(env.server.origin).port);
    assert.deepEqual(outcome, { result: 'blocked', directive: 'connect-src' });
    // Blocked before the network: the guard's route never saw it.
    assert.deepEqual(session.guard.blocked, []);
    await finish(session, { expectErrors: [/Content Security Policy/, /Failed to fetch/] });
  });

  test('one request from the page and one from the worker show 2 on the indicator, as Playwright logs', async () => {
    const session = await openLoaded(env, '/#selftest');
    const { page, guard } = session;
    await pickFiles(page, [RECORDS]);
    assert.equal(await page.getAttribute('#net-counter', 'data-count'), '0');
    assert.deepEqual(guard.requestsAfterLoad(), []);

    await page.click('#selftest-requests');
    await page.waitForSelector('#net-counter[data-count="2"]', { timeout: 5000 });
    // Give a third request, if any, time to show up: there must be none.
    await page.waitForTimeout(300);
    assert.equal(await page.getAttribute('#net-counter', 'data-count'), '2');
    assert.match(await page.textContent('#net-counter'), /since you opened your files: 2/);
    const late = guard.requestsAfterLoad();
    assert.equal(late.length, 2, late.join(', '));
    assert.deepEqual(late.map((u) => new URL(u).search).sort(), ['?reflet-selftest=page', '?reflet-selftest=worker']);
    assert.ok(late.every((u) => u.startsWith(env.server.origin + '/')));
    // And the guard reports exactly these two as broken promises.
    assert.deepEqual(guard.violations(), late.map((u) => `after load: ${u}`));
    await context_close(session);
  });

  test('the guard fails on a control page that breaks the promise', async () => {
    const session = await open(env, '/control/leaky.html');
    const { page, guard } = session;
    await page.waitForLoadState('load');
    guard.markLoaded();
    await page.evaluate(() => window.leakLate());
    for (let i = 0; i < 50 && guard.sockets.length === 0; i++) await page.waitForTimeout(20);
    const found = guard.violations();
    assert.equal(found.length, 3, found.join('\n'));
    assert.match(found[0], /^other origin: http:\/\/127\.0\.0\.2:\d+\/tracker\.gif$/);
    assert.match(found[1], /^after load: .*\/control\/late\.txt$/);
    assert.match(found[2], /^websocket: ws:\/\/127\.0\.0\.1:\d+\/socket$/);
    assert.throws(() => guard.assertClean(), /privacy promise was broken/);
    await context_close(session);
  });

  test('once loaded, it keeps working with the network switched off', async () => {
    const session = await openLoaded(env, '/');
    const { page, guard, context } = session;
    await context.setOffline(true);
    await pickFiles(page, [RECORDS, CONNECTIONS]);
    // Forgetting restarts the worker from the module in memory: no network needed.
    await page.click('#forget');
    await page.waitForSelector('#landing-title');
    await pickFiles(page, [CONNECTIONS]);
    await page.click('.site-nav a[href="#promise"]');
    await page.waitForSelector('#promise-title');
    await finish(session);
  });

  test('the guard itself passes a page that keeps the promise', () => {
    const guard = new NetworkGuard('http://127.0.0.1:1');
    guard.record('http://127.0.0.1:1/index.html');
    guard.record('blob:http://127.0.0.1:1/5f0c');
    guard.record('data:image/png;base64,AAAA');
    guard.markLoaded();
    assert.doesNotThrow(() => guard.assertClean());
    guard.record('http://127.0.0.1:1/late.json');
    assert.throws(() => guard.assertClean(), /after load: http:\/\/127\.0\.0\.1:1\/late\.json/);
  });
});

describe('failures are calm and clear', () => {
  test('a crash shows the calm banner, never a blank page', async () => {
    const session = await openLoaded(env, '/#selftest');
    const { page } = session;
    await page.click('#selftest-panic');
    await page.waitForSelector('#crash:not([hidden])');
    assert.match(await page.textContent('#crash'), /Something went wrong\. Nothing left your device\./);
    assert.match(await page.textContent('#crash'), /Un problème est survenu/);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'crash');
    await axe(page, 'the crash banner');
    await finish(session, { expectErrors: [/Reflet stopped \(src\/ui\/components\/self_test\.rs:\d+\)/, /unreachable/] });
  });

  test('a worker that dies on a file: that file is marked, the others are analysed', async () => {
    const workers = [];
    const session = await openLoaded(env, '/#selftest', { before: (p) => watchWorkers(p, workers) });
    const { page, guard } = session;
    await page.click('#selftest-crash-file');
    await pickFiles(page, [
      { name: 'before.json', mimeType: 'application/json', buffer: Buffer.from('{}') },
      { name: 'crash-me.json', mimeType: 'application/json', buffer: Buffer.from('{}') },
      { name: 'after.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b\n1,2\n') },
    ]);
    const rows = await rowTexts(page);
    assert.deepEqual(rows.map((r) => [r[0], r[2]]), [
      ['before.json', 'Not recognised yet'],
      ['crash-me.json', 'The analysis of this file stopped unexpectedly. The other files are not affected, and nothing left your device.'],
      ['after.csv', 'Not recognised yet'],
    ]);
    // A new worker took over, started from the module in memory: no request (the guard checks).
    assert.equal(workers.length, 2);
    await finish(session, { expectErrors: [/Reflet's worker stopped \(src\/worker\/runtime\.rs:\d+\)/, /unreachable/] });
  });

  test('a missing analysis engine is explained', async () => {
    // The engine's glue (src/worker/spawn.rs) cannot be fetched: the page itself has started.
    const session = await open(env, '/', {
      serviceWorkers: 'block', // page.route does not see what a service worker answers
      before: (page) => page.route('**/reflet.js', (route) => (route.request().resourceType() === 'fetch'
        ? route.fulfill({ status: 404, body: '' }) : route.fallback())),
    });
    const { page } = session;
    await page.waitForSelector('.engine-status.error');
    assert.match(await page.textContent('.engine-status.error'), /could not start its analysis engine/);
    assert.notEqual(await page.getAttribute('#choose-files', 'disabled'), null);
    await axe(page, 'the engine failure');
    await finish(session, { expectErrors: [/404/] });
  });

  test('an app that cannot start says so in plain HTML', async () => {
    const session = await open(env, '/no-wasm/');
    const { page } = session;
    await page.waitForFunction(() => document.documentElement.classList.contains('boot-failed'));
    assert.ok(await page.isVisible('.boot-unsupported'));
    assert.match(await page.textContent('.boot-unsupported'), /Safari 16 or newer/);
    assert.ok(!(await page.isVisible('.boot-loading')));
    await axe(page, 'the start-up failure');
    await finish(session, { expectErrors: [/404/] });
  });
});

describe('accessibility', () => {
  test('axe finds no WCAG 2.1 A/AA violation on any screen, in both languages', async () => {
    for (const locale of ['fr-FR', 'en-US']) {
      const session = await openLoaded(env, '/', { locale });
      const { page } = session;
      await axe(page, `the landing (${locale})`);
      await page.click('#promise-link');
      await page.waitForSelector('#promise-title');
      await axe(page, `the promise page (${locale})`);
      await page.click('#promise-back');
      await page.waitForSelector('#landing-title');
      await pickFiles(page, [RECORDS, CONNECTIONS]);
      await axe(page, `the file list (${locale})`);
      await finish(session);
    }
  });

  test('keyboard only: skip link, promise page, choose files, forget everything', async () => {
    const session = await openLoaded(env, '/');
    const { page } = session;
    const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent?.trim());
    const tabTo = async (id, key = 'Tab') => {
      const path = [];
      for (let i = 0; i < 20; i++) {
        await page.keyboard.press(key);
        const now = await focused();
        path.push(now);
        if (now === id) return path;
      }
      throw new Error(`${id} never got focus; focus went ${path.join(' → ')}`);
    };

    // The first stop is the skip link; it takes focus to the main content.
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'Skip to content');
    await page.keyboard.press('Enter');
    assert.equal(await focused(), 'main');

    // The promise page, and back.
    await tabTo('promise-link');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#promise-title');
    await page.waitForFunction(() => document.activeElement?.id === 'promise-title');
    await tabTo('promise-back');
    await page.keyboard.press('Enter');
    // Back home, focus lands on the page's heading.
    await page.waitForFunction(() => document.activeElement?.id === 'landing-title');

    // Choose files with the keyboard: the visible button opens the file chooser. (Listen first:
    // Playwright intercepts the chooser only once a listener exists.)
    const chooserOpened = page.waitForEvent('filechooser');
    const path = await tabTo('choose-files');
    assert.ok(!path.includes('file-input'), 'the hidden input is not a tab stop');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, 'none', 'focus is visible');
    await page.keyboard.press('Enter');
    const chooser = await chooserOpened;
    await chooser.setFiles([RECORDS]);
    await page.waitForSelector('#files tbody tr .status.known');

    // Forget everything, from the keyboard.
    await tabTo('forget', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#landing-title');
    assert.equal(await page.$('#files'), null);
    await finish(session);
  });
});

describe('screenshots', () => {
  for (const size of ['phone', 'tablet', 'desktop']) {
    test(`${size}: landing, file list and promise page`, async () => {
      const session = await openLoaded(env, '/', { size, locale: 'fr-FR' });
      const { page, guard } = session;
      await screenshot(page, `${size}-landing`);
      await axe(page, `the landing at ${size} size`);
      if (size !== 'desktop') {
        // Touch: a tap on the button opens the file chooser.
        const chooserOpened = page.waitForEvent('filechooser');
        await page.waitForTimeout(50);
        await page.tap('#choose-files');
        const chooser = await chooserOpened;
        await chooser.setFiles([{ name: 'Records.json', mimeType: 'application/json', buffer: readFileSync(RECORDS) }, CONNECTIONS]);
        await page.waitForSelector('#files tbody tr:nth-child(2) .status.unknown');
      } else {
        await pickFiles(page, [RECORDS, CONNECTIONS]);
      }
      await screenshot(page, `${size}-files`);
      await axe(page, `the file list at ${size} size`);
      const box = await page.locator('#choose-files').boundingBox();
      assert.ok(box.height >= 44, `the main button is ${box.height}px tall: too small for fingers`);
      await page.click('.site-nav a[href="#promise"]');
      await page.waitForSelector('#promise-title');
      await screenshot(page, `${size}-promise`);
      await axe(page, `the promise page at ${size} size`);
      await finish(session);
    });
  }
});

// For the tests that break the promise on purpose: close without asserting the guard.
async function context_close({ context, errors }) {
  await context.close();
  assert.deepEqual(errors.filter((e) => !/127\.0\.0\.2|late\.txt|ERR_BLOCKED_BY_CLIENT/.test(e)), []);
}

describe('any file', () => {
  const PROFILE = join(ROOT, 'tests/fixtures/scan/profile.json');
  const PHOTO = join(ROOT, 'tests/fixtures/scan/photo-gps.jpg');

  test('an unknown file and a photo show their structure and personal data, as inspect reports them, and the structure downloads without a value', async () => {
    const session = await openLoaded(env, '/');
    const { page } = session;
    await pickFiles(page, [PROFILE, PHOTO, CONNECTIONS]);
    const lines = await page.$$eval('#files .scan-line', (spans) => spans.map((s) => s.innerText.replace(/\s+/g, ' ').trim()));
    assert.deepEqual(lines, [
      'Sensitivity: high 1 IBAN, 2 e-mail addresses, 1 phone number',
      'Sensitivity: high 1 geographic position, 1 date',
      'Sensitivity: medium 3,000 e-mail addresses, 3,000 dates, 2 web addresses',
    ]);

    // The list keeps each scan brief: opening one asks the worker for the whole of it. The panel
    // opens under the list, focus on its heading; its sentence is inspect's.
    await page.click('#files .scan-open >> nth=0');
    await page.waitForSelector('#scan-panel .scan-found');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'scan-title');
    assert.equal(await page.textContent('#scan-title'), "What's inside profile.json");
    assert.equal(await page.textContent('.scan-sentence'),
      'This file holds 1\u00a0IBAN, 2\u00a0e-mail addresses, 1\u00a0phone number, 2\u00a0IP addresses and 4\u00a0dates. An IBAN lets someone debit a bank account.');
    const found = await page.$$eval('.scan-found tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.innerText.replace(/\s+/g, ' ').trim())));
    assert.deepEqual(found, [
      ['IBANs', '1', '$.profile.iban (1)', 'FR76 **** 189'],
      ['E-mail addresses', '2', '$.friends.<email> (1) $.profile.email (1)', 'j***@exemple.fr m***@exemple.fr'],
      ['Phone numbers', '1', '$.profile.phone (1)', '+33 * ** ** ** 78'],
      ['IP addresses', '2', '$.logins[].ip (2)', '82.64.*.* 2a01:e0a:…'],
      ['Dates', '4', '$.logins[].timestamp (2) $.friends.<email>.since (1) $.profile.birth_date (1)', '1984-**-** 2023-**-** 2021-**-**'],
    ]);
    // No value in the page beyond the masked examples.
    const text = await page.textContent('#scan-panel');
    for (const value of ['jeanne.dupont', '12 34 56', '0112 3456', '82.64.12', '1984-12-03']) {
      assert.ok(!text.includes(value), `${value} is shown`);
    }
    await page.click('.scan-structure summary');
    const paths = await page.$$eval('.scan-structure tbody tr td:first-child', (tds) => tds.map((td) => td.innerText));
    assert.ok(paths.includes('$.logins[].ip') && paths.includes('$.friends.<email>.since'), paths.join(' '));
    await axe(page, 'the scan panel');

    // The structure report downloads through a blob: URL, and holds no value.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#scan-panel .scan-actions .button >> nth=0'),
    ]);
    assert.equal(download.suggestedFilename(), 'reflet-structure-profile.json');
    const described = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.equal(described.path, 'profile.json');
    assert.deepEqual(described.categories, { email: 2, phone: 1, ip_address: 2, iban: 1, date: 4 });
    assert.ok(described.shape.json.paths['$.profile.iban'].types.string);
    const raw = JSON.stringify(described);
    for (const value of ['jeanne', 'marie', 'FR76', '+33', '82.64', '1984', 'j***']) {
      assert.ok(!raw.includes(value), `${value} in the structure report`);
    }

    // Back to the list: focus returns to the button that opened the panel.
    await page.click('#scan-panel .scan-actions .button >> nth=1');
    await page.waitForFunction(() => !document.querySelector('#scan-panel'));
    await page.waitForFunction(() => document.activeElement?.classList.contains('scan-open'));

    // The photo: when, with what, where.
    await page.click('#files .scan-open >> nth=1');
    await page.waitForSelector('#scan-panel .scan-photo');
    assert.equal(await page.textContent('.scan-sentence'),
      "This photo's hidden metadata tells when it was taken (2023-07-14), with which device (Apple iPhone 12), and where, to within a few metres, by its GPS position.");
    const photo = await page.$$eval('.scan-photo tr', (trs) => trs.map((tr) => tr.innerText.replace(/\s+/g, ' ').trim()));
    assert.equal(photo[0], 'Taken on 2023-07-14T16:32:05+02:00');
    assert.equal(photo[1], 'Camera Apple iPhone 12');
    assert.equal(photo[2], 'GPS position 46.159° N, 1.152° W');

    // In French too.
    await page.click('#lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    assert.equal(await page.textContent('.scan-sentence'),
      'Les métadonnées cachées de cette photo disent quand elle a été prise (le 2023-07-14), avec quel appareil (Apple iPhone 12), et où, à quelques mètres près, par sa position GPS.');
    await axe(page, 'the scan panel, in French');
    await finish(session);
  });

  test('a recognised file has a raw view: the worker reads it again and shows all it holds, as inspect --raw', async () => {
    const session = await openLoaded(env, '/');
    const { page } = session;
    await pickFiles(page, [RECORDS]);
    assert.equal(await page.textContent('#files .scan-open'), 'Raw view: everything it holds');
    await page.click('#files .scan-open');
    await page.waitForSelector('#scan-panel .scan-found');
    // Focus stays on the heading from "reading" to the result.
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'scan-title');
    assert.equal(await page.textContent('.scan-sentence'),
      'This file holds 3\u00a0geographic positions, 1\u00a0device identifier and 3\u00a0dates. Positions tell where you were.');
    const found = await page.$$eval('.scan-found tbody tr', (trs) => trs.map((tr) => [...tr.children].slice(0, 3).map((c) => c.innerText.replace(/\s+/g, ' ').trim())));
    assert.deepEqual(found, [
      ['Geographic positions', '3', '$.locations[].latitudeE7 (3)'],
      ['Device identifiers', '1', '$.locations[].deviceTag (1)'],
      ['Dates', '3', '$.locations[].timestamp (3)'],
    ]);
    // A file Reflet reads needs no structure report for its developers.
    assert.equal(await page.$('#scan-panel pre'), null);
    // The scan is kept: the button opens it again.
    await page.click('#scan-panel .scan-actions .button');
    await page.waitForFunction(() => !document.querySelector('#scan-panel'));
    assert.equal(await page.textContent('#files .scan-open'), 'Raw view: everything it holds');
    await page.click('#files .scan-open');
    await page.waitForSelector('#scan-panel .scan-found');
    await page.click('#scan-panel .scan-actions .button');
    await axe(page, 'a recognised file with its raw view');
    await finish(session);
  });
});

describe('social and advertising', () => {
  test("Facebook's advertising files show what Meta and advertisers hold, mojibake repaired, in both languages", async () => {
    const session = await openLoaded(env, '/');
    const { page } = session;
    await pickFiles(page, [
      sample('facebook/ads_interests.json'),
      sample('facebook/advertisers_using_your_activity_or_information.json'),
      sample('facebook/your_off-facebook_activity.json'),
    ]);
    const finding = (file, id) => page.textContent(`#files tr:has(th .name:text-is("${file}")) .finding[data-finding="${id}"]`);
    assert.equal(await finding('ads_interests.json', 'ad_interests'),
      'Facebook inferred 8\u00a0interests about you to choose the ads it shows you: Château, Konbini, Mont Blanc, Musique de jeu vidéo, Organisation mondiale de la santé and 3 others.');
    assert.equal(await finding('ads_interests.json', 'special_interests'),
      'One of them touches a category of data the GDPR protects most (health): Organisation mondiale de la santé.');
    assert.match(await finding('advertisers_using_your_activity_or_information.json', 'advertisers'),
      /^70\u00a0advertisers use your activity or information on Facebook: 31 uploaded a list holding your contact details/);
    assert.equal(await finding('your_off-facebook_activity.json', 'off_platform'),
      '78\u00a0apps and sites told Facebook what you did there: 1,804\u00a0events, from 2019-11-23 to 2021-10-30. The most: Clash Royale (476\u00a0events).');
    // When the events come: the quiet hours, and the hour × weekday chart with its table.
    assert.equal(await finding('your_off-facebook_activity.json', 'activity_rhythm'),
      'Of your 1,804\u00a0dated actions on Facebook, 1% fall between 3:00 and 8:00 (Paris time): you are rarely active then, most likely while you sleep. The busiest hour: Tuesday, 12:00 to 13:00.');
    const rhythm = '#files figure[data-chart="rhythm"]';
    await page.waitForSelector(`${rhythm} canvas[data-drawn]`);
    assert.match(await page.getAttribute(`${rhythm} canvas`, 'aria-label'), /^Heat map/);
    await page.click(`${rhythm} details summary`);
    await page.waitForSelector(`${rhythm} tbody tr`);
    // Tuesday's row, the 12:00 column (after the row header and 12 hours).
    assert.equal(await page.textContent(`${rhythm} tbody tr:nth-child(2) td:nth-of-type(13)`), '27');
    // The events by month, as columns and in a table (22 months from 2019-11, counted in Python).
    const months = '#files figure[data-chart="off_platform"]';
    await page.waitForSelector(`${months} canvas[data-drawn]`);
    await page.click(`${months} details summary`);
    await page.waitForSelector(`${months} tbody tr`);
    assert.equal(await page.locator(`${months} tbody tr`).count(), 22);
    assert.equal(await page.innerText(`${months} tbody tr:first-child`), '2019-11\t38');
    const rows = await page.$$eval('#files tbody tr', (trs) => trs.map((tr) => tr.innerText).join('\n'));
    assert.ok(!rows.includes('Ã'), 'mojibake shown');
    // "How do we know?" explains each, and the page stays accessible.
    await page.click('#files .why[data-why="advertisers"] summary');
    assert.match(await page.textContent('#files .why[data-why="advertisers"] p'), /data file/);
    await axe(page, 'advertising files');
    await page.click('#lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    assert.equal(await finding('ads_interests.json', 'ad_interests'),
      "Facebook vous attribue 8\u00a0centres d'intérêt pour choisir les publicités qu'il vous montre\u00a0: Château, Konbini, Mont Blanc, Musique de jeu vidéo, Organisation mondiale de la santé et 3 autres.");
    await axe(page, 'advertising files, in French');
    await finish(session);
  });

  test('X, TikTok and LinkedIn files show what each platform inferred, logins, network and conversations', async () => {
    const session = await openLoaded(env, '/');
    const { page } = session;
    await pickFiles(page, [
      sample('twitter/personalization.js'),
      sample('tiktok/user_data_hestia_2022.json'),
      sample('linkedin/Ad_Targeting.csv'),
      sample('linkedin/Connections.csv'),
      sample('linkedin/Inferences_about_you.csv'),
    ]);
    const finding = (file, id) => page.textContent(`#files tr:has(th .name:text-is("${file}")) .finding[data-finding="${id}"]`);
    // What the platform wrote about the person, as written (values counted in the samples by eye).
    assert.equal(await finding('personalization.js', 'platform_inferences'),
      'What X (Twitter) inferred about you, as it writes it: languages: asd; gender: asd; advertising audiences: 999; shows: asd; age: 1-999.');
    assert.match(await finding('Inferences_about_you.csv', 'platform_inferences'),
      /^What LinkedIn inferred about you, as it writes it: Career inferences – Human resources professional: No; /);
    const details = '#files tr:has(th .name:text-is("Ad_Targeting.csv")) details[data-details="inferences"]';
    await page.click(`${details} summary`);
    await page.waitForSelector(`${details} dt`);
    assert.equal(await page.locator(`${details} dt`).count(), 20);
    assert.equal(await page.textContent(`${details} dt:first-of-type`), 'Member Age');
    // TikTok: the kinds of details its profile holds (listed with Python: birthDate, emailAddress
    // and userName filled in, telephoneNumber "None"), never their values.
    assert.equal(await finding('user_data_hestia_2022.json', 'personal_details'),
      'TikTok holds your username, your e-mail address and your date of birth.');
    // TikTok: logins, the network, and conversations unnamed until asked.
    assert.match(await finding('user_data_hestia_2022.json', 'logins'),
      /^TikTok keeps a record of 2,289\u00a0logins, from 9\u00a0devices or browsers and 2,289\u00a0IP addresses, between 2008-01-04 and 2022-11-01\./);
    // Logins by month, as columns and in a table: 179 months from 2008-01 (12), counted in Python.
    const byMonth = '#files tr:has(th .name:text-is("user_data_hestia_2022.json")) figure[data-chart="logins"]';
    await page.waitForSelector(`${byMonth} canvas[data-drawn]`);
    await page.click(`${byMonth} details summary`);
    await page.waitForSelector(`${byMonth} tbody tr`);
    assert.equal(await page.locator(`${byMonth} tbody tr`).count(), 179);
    assert.equal(await page.innerText(`${byMonth} tbody tr:first-child`), '2008-01\t12');
    const logins = '#files tr:has(th .name:text-is("user_data_hestia_2022.json")) details[data-details="logins"]';
    await page.click(`${logins} summary`);
    await page.waitForSelector(`${logins} table`);
    assert.equal(await page.locator(`${logins} table`).count(), 2);
    // 2,289 addresses: the first 50 shown, the rest counted.
    assert.equal(await page.locator(`${logins} > div:nth-of-type(1) tbody tr`).count(), 9);
    assert.equal(await page.locator(`${logins} > div:nth-of-type(2) tbody tr`).count(), 50);
    assert.equal(await page.textContent(`${logins} .more-rows`), '… and 2,239 more, all in the report.');
    assert.equal(await finding('user_data_hestia_2022.json', 'contacts'),
      'Your network on TikTok: 30\u00a0followers and 200\u00a0accounts followed. The year it grew most: 2011 (22).');
    assert.equal(await finding('user_data_hestia_2022.json', 'conversations'),
      '778\u00a0messages in 2\u00a0conversations on TikTok, from 2008-01-26 to 2022-10-31. The busiest holds 589 of them (76%).');
    assert.equal(await finding('Connections.csv', 'contacts'),
      'Your network on LinkedIn: 3,000\u00a0connections. The year it grew most: 2021 (219).');
    assert.equal(await page.textContent('#main .across .finding[data-finding="merged_interests"]'),
      'Together, X (Twitter) and LinkedIn inferred 131\u00a0different interests about you, 3 of them touching categories of data the GDPR protects most (health, political opinions).');
    await axe(page, 'X, TikTok and LinkedIn files');
    await page.click('#lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    assert.equal(await finding('personalization.js', 'platform_inferences'),
      'Ce que X (Twitter) a déduit de vous, tel qu\'il l\'écrit\u00a0: langues\u00a0: asd\u00a0; genre\u00a0: asd\u00a0; audiences publicitaires\u00a0: 999\u00a0; émissions\u00a0: asd\u00a0; âge\u00a0: 1-999.');
    await axe(page, 'X, TikTok and LinkedIn files, in French');
    await finish(session);
  });

  test('a Facebook zip and an Instagram zip each show their platform\'s advertising findings', async () => {
    const session = await openLoaded(env, '/');
    const { page } = session;
    const read = (path) => readFileSync(sample(path));
    const ig = 'instagram/whatif_2025';
    const facebook = storedZip([
      ['logged_information/other_logged_information/ads_interests.json', read('facebook/ads_interests.json')],
      ['ads_information/advertisers_using_your_activity_or_information.json', read('facebook/advertisers_using_your_activity_or_information.json')],
      ['apps_and_websites_off_of_facebook/your_activity_off_meta_technologies.json', read('facebook/your_off-facebook_activity.json')],
      ['your_facebook_activity/messages/inbox/jaybaker_123/message_1.json', read('instagram/hestia_2022/message_1.json')],
      // A French account's categories, written as Meta writes them: every accented letter's
      // UTF-8 bytes escaped one by one.
      ['ads_information/other_categories_used_to_reach_you.json',
        '{"bcts": ["T\\u00c3\\u00a9l\\u00c3\\u00a9charger des jeux", "Voyageurs fr\\u00c3\\u00a9quents"]}'],
    ]);
    const instagram = storedZip([
      'ads_information/instagram_ads_and_businesses/advertisers_using_your_activity_or_information.json',
      'ads_information/instagram_ads_and_businesses/other_categories_used_to_reach_you.json',
      'apps_and_websites_off_of_instagram/apps_and_websites/your_activity_off_meta_technologies.json',
      'security_and_login_information/login_and_profile_creation/login_activity.json',
      'connections/followers_and_following/followers_1.json',
      'personal_information/personal_information/personal_information.json',
      'ads_information/instagram_ads_and_businesses/information_you\'ve_submitted_to_advertisers.json',
      'ads_information/ads_and_topics/ads_viewed.json',
    ].map((path) => [path, read(`${ig}/${path}`)]));
    await page.setInputFiles('#file-input', [
      { name: 'facebook-marie-29_11_2026-AbCd.zip', mimeType: 'application/zip', buffer: facebook },
      { name: 'instagram-marie-2026-11-29.zip', mimeType: 'application/zip', buffer: instagram },
    ]);
    await page.waitForFunction(() => document.querySelectorAll('#files tr.archive .status:not(.reading)').length === 2, null, { timeout: 60_000 });
    const finding = (path, id) => page.textContent(`#files tr:has(th .path:text-is("${path}")) .finding[data-finding="${id}"]`);
    assert.match(await finding('apps_and_websites_off_of_facebook/your_activity_off_meta_technologies.json', 'off_platform'),
      /^78\u00a0apps and sites told Facebook what you did there: 1,804\u00a0events/);
    assert.match(await finding('logged_information/other_logged_information/ads_interests.json', 'ad_interests'), /^Facebook inferred 8\u00a0interests/);
    assert.equal(await finding('ads_information/other_categories_used_to_reach_you.json', 'ad_interests'),
      'Facebook inferred 2\u00a0interests about you to choose the ads it shows you: Télécharger des jeux and Voyageurs fréquents.');
    assert.ok(!(await page.innerText('#files')).includes('Ã'), 'mojibake shown');
    assert.equal(await finding('ads_information/instagram_ads_and_businesses/advertisers_using_your_activity_or_information.json', 'advertisers'),
      '3\u00a0advertisers use your activity or information on Instagram: 2 uploaded a list holding your contact details and 3 target you for what you did on their site or app.');
    assert.equal(await finding('ads_information/instagram_ads_and_businesses/other_categories_used_to_reach_you.json', 'ad_interests'),
      'Instagram inferred 1\u00a0interest about you to choose the ads it shows you: Work at BSC.');
    assert.equal(await finding('apps_and_websites_off_of_instagram/apps_and_websites/your_activity_off_meta_technologies.json', 'off_platform'),
      '1\u00a0app or site told Instagram what you did there: 3\u00a0events. The most: Vinted - Buy and sell clothes (3\u00a0events).');
    assert.equal(await finding('security_and_login_information/login_and_profile_creation/login_activity.json', 'logins'),
      'Instagram keeps a record of 2\u00a0logins, from 1\u00a0device or browser and 2\u00a0IP addresses, between 2024-03-22 and 2025-02-18. Most often: blabla, 2\u00a0logins.');
    assert.equal(await finding('connections/followers_and_following/followers_1.json', 'contacts'),
      'Your network on Instagram: 3\u00a0followers. The year it grew most: 2025 (2).');
    // The kinds of details the profile holds, never their values (the sample's are "bla").
    assert.equal(await finding('personal_information/personal_information/personal_information.json', 'personal_details'),
      'Instagram holds your name, your username, your e-mail address, your phone number, your date of birth and your gender.');
    assert.equal(await finding('ads_information/instagram_ads_and_businesses/information_you\'ve_submitted_to_advertisers.json', 'advertiser_forms'),
      'For advertisers\' forms, Instagram keeps your e-mail address.');
    assert.ok(!(await page.innerText('#files')).includes('bla@gmail.com'), 'a profile value shown');
    // Four ads seen: "blabla" twice, two others once.
    assert.equal(await finding('ads_information/ads_and_topics/ads_viewed.json', 'ads_seen'),
      'Instagram showed you 4\u00a0ads from 3\u00a0advertisers. The most, 2 (50%), came from blabla.');
    const ads = '#files tr:has(th .path:text-is("ads_information/ads_and_topics/ads_viewed.json")) details[data-details="ads"]';
    await page.click(`${ads} summary`);
    await page.waitForSelector(`${ads} tbody tr`);
    assert.deepEqual(await page.$$eval(`${ads} tbody tr`, (rows) => rows.map((r) => r.innerText.replace(/\s+/g, ' ').trim())),
      ['blabla 2 (50%)', 'bla vla 1 (25%)', 'blablabla 1 (25%)']);
    // A conversation is counted, never named in the sentence; its name shows only when asked.
    // Its folder is named after the other person: masked in the list.
    const thread = 'your_facebook_activity/messages/inbox/\u2026_123/message_1.json';
    assert.equal(await finding(thread, 'conversations'), '22\u00a0messages in 1\u00a0conversation on Facebook, from 2008-12-07 to 2021-10-23.');
    const conversations = `#files tr:has(th .path:text-is("${thread}")) details[data-details="conversations"]`;
    await page.click(`${conversations} summary`);
    await page.waitForSelector(`${conversations} tbody th`);
    assert.equal(await page.textContent(`${conversations} tbody th`), 'Conversation 1');
    const html = await page.content();
    assert.ok(!html.includes('Jay Baker') && !html.includes('jaybaker'), 'a conversation named before asked');
    await page.click(`${conversations} button[aria-pressed="false"]`);
    await page.waitForSelector(`${conversations} button[aria-pressed="true"]`);
    assert.equal(await page.textContent(`${conversations} tbody th`), 'Jay Baker');
    // Both platforms together: interests and advertisers merged, one rhythm.
    const across = (id) => page.textContent(`#main .across .finding[data-finding="${id}"]`);
    assert.equal(await across('merged_interests'),
      'Together, Facebook and Instagram inferred 11\u00a0different interests about you, one of them touching a category of data the GDPR protects most (health).');
    assert.equal(await across('merged_advertisers'),
      '73\u00a0different advertisers across Facebook and Instagram; 33 of them have your contact details.');
    assert.match(await across('merged_rhythm'), /^Of your 1,812\u00a0dated actions on Facebook and Instagram, 1% fall between 3:00 and 8:00/);
    await page.waitForSelector('#main .across figure[data-chart="rhythm"] canvas[data-drawn]');
    await axe(page, 'a Facebook and an Instagram zip');
    await page.click('#lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    assert.equal(await across('merged_advertisers'),
      '73\u00a0annonceurs différents sur Facebook et Instagram\u00a0; 33 d\'entre eux ont vos coordonnées.');
    await axe(page, 'a Facebook and an Instagram zip, in French');
    await finish(session);
  });
});

describe('streaming services', () => {
  test('Spotify and Netflix files show what was played, how long, when and what most', async () => {
    const session = await openLoaded(env, '/');
    const { page } = session;
    await pickFiles(page, [
      sample('spotify/StreamingHistory_music_0.json'),
      sample('netflix/ViewingActivity.csv'),
    ]);
    const finding = (file, id) => page.textContent(`#files tr:has(th .name:text-is("${file}")) .finding[data-finding="${id}"]`);
    // Counted with Python from the samples: Spotify's 3 plays (627,235 ms, each started at its
    // endTime less msPlayed); Netflix's 374 real views of 3,000 rows (trailers, previews and
    // the like left out), 1,288,480,000 ms from 2008-01-07 to 2022-10-27 (5,408 days), 74 series
    // and films, the first "Gnomeo and Juliet" (10 views, 41,784,000 ms).
    assert.equal(await finding('StreamingHistory_music_0.json', 'media_time'),
      'Spotify lists 3\u00a0plays, 10\u00a0minutes in all, on 2023-04-09.');
    assert.equal(await finding('StreamingHistory_music_0.json', 'media_top'),
      'All you played on Spotify is by John Mayer (10\u00a0min).');
    assert.equal(await finding('ViewingActivity.csv', 'media_time'),
      'Netflix lists 374\u00a0plays, 358\u00a0hours in all, between 2008-01-07 and 2022-10-27: about 4\u00a0minutes a day.');
    assert.equal(await finding('ViewingActivity.csv', 'media_top'),
      "Played most on Netflix, out of 74\u00a0series and films: Gnomeo and Juliet (12\u00a0h), Love Happens (11\u00a0h), Nick and Norah's Infinite Playlist (9\u00a0h), A Dangerous Method (9\u00a0h) and Ghosts of Girlfriends Past (9\u00a0h). The first makes 3% of your plays.");
    // Time by month, as columns and in a table: 151 months from 2008-01 (130 minutes).
    const months = '#files tr:has(th .name:text-is("ViewingActivity.csv")) figure[data-chart="media_months"]';
    await page.waitForSelector(`${months} canvas[data-drawn]`);
    await page.click(`${months} details summary`);
    await page.waitForSelector(`${months} tbody tr`);
    assert.equal(await page.locator(`${months} tbody tr`).count(), 151);
    assert.equal(await page.innerText(`${months} tbody tr:first-child`), '2008-01\t130');
    // The rhythm of the views, and the table of what was watched most.
    await page.waitForSelector('#files tr:has(th .name:text-is("ViewingActivity.csv")) figure[data-chart="rhythm"] canvas[data-drawn]');
    const top = '#files tr:has(th .name:text-is("ViewingActivity.csv")) details[data-details="media-top"]';
    await page.click(`${top} summary`);
    await page.waitForSelector(`${top} tbody th`);
    assert.equal(await page.textContent(`${top} tbody th`), 'Gnomeo and Juliet');
    // Both services together: the days each saw the person (Netflix's 361 dates of real views
    // and Spotify's one, counted with Python), as a timeline with its table, and who knows what.
    const across = (id) => page.textContent(`#main .across .finding[data-finding="${id}"]`);
    assert.equal(await across('portrait_timeline'),
      'From Monday 7 January 2008 to Sunday 9 April 2023, Netflix and Spotify saw you on 362\u00a0days.');
    const timeline = '#main .across figure[data-chart="timeline"]';
    await page.waitForSelector(`${timeline} canvas[data-drawn]`);
    await page.click(`${timeline} details summary`);
    await page.waitForSelector(`${timeline} tbody tr`);
    const rows = (table) => page.$$eval(`${table} tbody tr`, (trs) => trs.map((r) => r.innerText.replace(/\s+/g, ' ').trim()));
    assert.deepEqual(await rows(timeline), [
      'Netflix Monday 7 January 2008 Thursday 27 October 2022 361',
      'Spotify Sunday 9 April 2023 Sunday 9 April 2023 1',
    ]);
    // Netflix writes each view's country; Spotify's basic history no address.
    assert.deepEqual(await rows('#main .across [data-table="knows"]'), [
      'Netflix approximate yes no yes no no',
      'Spotify no yes no yes no no',
    ]);
    await axe(page, 'Spotify and Netflix files');
    await page.click('#lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    assert.equal(await finding('ViewingActivity.csv', 'media_time'),
      'Netflix recense 374\u00a0lectures, 358\u00a0heures en tout, du 2008-01-07 au 2022-10-27\u00a0: environ 4\u00a0minutes par jour.');
    assert.equal(await across('portrait_timeline'),
      'Du lundi 7 janvier 2008 au dimanche 9 avril 2023, Netflix et Spotify vous ont vu 362\u00a0jours différents.');
    await axe(page, 'Spotify and Netflix files, in French');
    await finish(session);
  });
});

describe('health and sport', () => {
  test('Apple Health and Google Fit files show heart rate, workouts, steps and who wrote them, with the portrait', async () => {
    const session = await openLoaded(env, '/');
    const { page } = session;
    const fit = join(ROOT, 'tests/fixtures/google.fit.daily/Daily activity metrics.csv');
    await pickFiles(page, [sample('apple/export.xml'), fit]);
    const finding = (file, id) => page.textContent(`#files tr:has(th .name:text-is("${file}")) .finding[data-finding="${id}"]`);
    // Counted with python3 (ElementTree) on the sample: one heart-rate record (72 count/min, from
    // an Apple Watch), one running workout of 5 minutes and 800 m, a date of birth and a sex in
    // `Me`; and (csv.DictReader) on the generated Google Fit file: 13 days with steps, 8,393 a
    // day on average, 13,332 on 2024-03-12.
    assert.equal(await finding('export.xml', 'health_heart'), 'Your heart rate, measured once, was 72 beats a minute.');
    assert.equal(await finding('export.xml', 'health_workouts'), 'Apple Health lists 1\u00a0workout: running once (5\u00a0min, 800\u00a0m).');
    assert.equal(await finding('export.xml', 'health_profile'), 'The file states your date of birth and your sex.');
    assert.match(await finding('Daily activity metrics.csv', 'health_steps'),
      /^Google Fit counted 8,393 steps a day on average, over 13\u00a0days; your best day, Tuesday 12 March 2024, 13,332 steps\./);
    // Two services: Apple's and Google's days on one timeline, and who knows about your health.
    await page.waitForSelector('#main .across figure[data-chart="timeline"] canvas[data-drawn]');
    assert.match(await page.textContent('#main .across .finding[data-finding="portrait_knows"]'), /Your body and health: Apple and Google\./);
    await axe(page, 'health files');
    await page.click('#lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    assert.equal(await finding('export.xml', 'health_workouts'), 'Apple Santé recense 1\u00a0entraînement\u00a0: course à pied 1\u00a0fois (5\u00a0min, 800\u00a0m).');
    await axe(page, 'health files, in French');
    await finish(session);
  });
});


describe('everyday life, all together', () => {
  test('a Takeout zip, a Facebook zip, Spotify, a Linky curve and a bank statement make one portrait', async () => {
    const session = await openLoaded(env, '/');
    const { page } = session;
    const read = (path) => readFileSync(sample(path));
    const fixture = (path) => readFileSync(join(ROOT, 'tests/fixtures', path));
    const takeout = storedZip([
      ['Takeout/Location History/Records.json', read('google/Records.json')],
      ['Takeout/My Activity/Search/MyActivity.json', fixture('google.my_activity/Search/MyActivity.json')],
    ]);
    const facebook = storedZip([
      ['logged_information/other_logged_information/ads_interests.json', read('facebook/ads_interests.json')],
      ['apps_and_websites_off_of_facebook/your_activity_off_meta_technologies.json', read('facebook/your_off-facebook_activity.json')],
    ]);
    await page.setInputFiles('#file-input', [
      { name: 'takeout-20261130T090000Z-001.zip', mimeType: 'application/zip', buffer: takeout },
      { name: 'facebook-marie-30_11_2026-AbCd.zip', mimeType: 'application/zip', buffer: facebook },
      { name: 'StreamingHistory_music_0.json', mimeType: 'application/json', buffer: read('spotify/StreamingHistory_music_0.json') },
      { name: 'mes-donnees-courbe-de-charge.csv', mimeType: 'text/csv', buffer: fixture('enedis.linky/mes-donnees-courbe-de-charge.csv') },
      { name: 'bank_medium.ofx', mimeType: 'application/x-ofx', buffer: read('bank/bank_medium.ofx') },
    ]);
    const across = (id) => page.textContent(`#main .across .finding[data-finding="${id}"]`);
    await page.waitForSelector('#main .across .finding[data-finding="portrait_timeline"]', { timeout: 60_000 });
    const finding = (file, id) => page.textContent(`#files tr:has(th .name:text-is("${file}")) .finding[data-finding="${id}"]`);
    // The meter's week: the fixture's generator (tests/fixtures/enedis.linky/generate.py) gets
    // the household up at 6:45 on weekdays.
    assert.match(await finding('mes-donnees-courbe-de-charge.csv', 'energy_rhythm'), /^Your meter shows your home waking up around 6:45 on weekdays/);
    // The statement's three <STMTTRN> (python3, re): -6.60, -316.67 and -22.00 CAD, 1 to 3 April 2009.
    assert.equal(await finding('bank_medium.ofx', 'money_flow'), 'Your statement lists 3\u00a0transactions between 2009-04-01 and 2009-04-03: CAD\u00a0345 out.');
    // Each sentence's chart, with its values in a table: the same values as the sentences.
    const chartRows = async (file, chart) => {
      const figure = `#files tr:has(th .name:text-is("${file}")) figure[data-chart="${chart}"]`;
      await page.waitForSelector(`${figure} canvas[data-drawn]`);
      await page.click(`${figure} details summary`);
      await page.waitForSelector(`${figure} tbody tr`);
      return page.$$eval(`${figure} tbody tr`, (trs) => trs.map((r) => r.innerText.replace(/\s+/g, ' ').trim()));
    };
    assert.match(await finding('mes-donnees-courbe-de-charge.csv', 'energy_use'), /The biggest month: October 2023, 395\u00a0kWh\./);
    assert.deepEqual((await chartRows('mes-donnees-courbe-de-charge.csv', 'energy_months'))[1], '2023-10 395');
    const day = await chartRows('mes-donnees-courbe-de-charge.csv', 'energy_day');
    assert.deepEqual(day.map((r) => r.split(' W').length - 1), [24, 24], day.join('\n'));
    assert.match(day[0], /^Weekdays /);
    // By category, in whole dollars: 316.67 + 22.00 at the hairdressers' (other), 6.60 at McDonald's.
    assert.equal(await finding('bank_medium.ofx', 'money_categories'),
      'Where your money goes, from what the labels say: other CAD\u00a0339 (98%) and restaurants CAD\u00a07 (2%).');
    assert.deepEqual(await chartRows('bank_medium.ofx', 'money_categories'), ['other 339', 'restaurants 7']);
    assert.deepEqual(await chartRows('bank_medium.ofx', 'money_months'), ['2009-04 345']);
    // The days each service saw the person, counted with python3 on the same files (UTC dates):
    // the bank's 3 dates; Google's 3 dates of positions and 58 of searches; Facebook's 479 dates
    // of off-Facebook events; Spotify's one; the meter's 56 days but the 7 whole days away
    // (generate.py): 49. Together, 588 days, none seen by three services.
    assert.equal(await across('portrait_timeline'),
      'From Wednesday 1 April 2009 to Friday 1 March 2024, your bank, Google, Facebook, Spotify and Enedis (Linky) saw you on 588\u00a0days.');
    const timeline = '#main .across figure[data-chart="timeline"]';
    await page.waitForSelector(`${timeline} canvas[data-drawn]`);
    await page.click(`${timeline} details summary`);
    await page.waitForSelector(`${timeline} tbody tr`);
    const rows = (table) => page.$$eval(`${table} tbody tr`, (trs) => trs.map((r) => r.innerText.replace(/\s+/g, ' ').trim()));
    const timelineRows = await rows(timeline);
    assert.equal(timelineRows.length, 5, timelineRows.join('\n'));
    assert.match(timelineRows[0], /Wednesday 1 April 2009 Friday 3 April 2009 3$/);
    assert.match(timelineRows[1], /^Google Saturday 15 December 2012 Friday 1 March 2024 61$/);
    assert.match(timelineRows[2], /^Facebook .* 479$/);
    assert.equal(timelineRows[3], 'Spotify Sunday 9 April 2023 Sunday 9 April 2023 1');
    assert.match(timelineRows[4], /^Enedis \(Linky\) Monday 25 September 2023 Sunday 19 November 2023 49$/);
    // Who knows what: positions make Google's knowledge of places precise; the statement is the
    // only one to know what you spend; the meter knows when you are home.
    assert.equal(await across('portrait_knows'),
      'Where you are: Google (from your positions). What interests you: Facebook, Google and Spotify. When you do things: Enedis (Linky), Facebook, Google and Spotify. What you spend: your bank.');
    await screenshot(page, 'everyday-mix');
    await axe(page, 'a mix of everyday exports');
    await page.click('#lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    assert.match(await across('portrait_timeline'), /^Du mercredi 1er? avril 2009 au vendredi 1er? mars 2024, .* vous ont vu 588\u00a0jours différents\.$/);
    await axe(page, 'a mix of everyday exports, in French');
    await finish(session);
  });

  test('an Amazon order history shows orders, spending by month, order times and products', async () => {
    const session = await openLoaded(env, '/');
    const { page } = session;
    await pickFiles(page, [join(ROOT, 'tests/fixtures/amazon.orders/Retail.OrderHistory.1.csv')]);
    const finding = (id) => page.textContent(`#files tr:has(th .name:text-is("Retail.OrderHistory.1.csv")) .finding[data-finding="${id}"]`);
    // Counted with python3 (csv.DictReader) on the generated file, cancelled rows left out: 54
    // distinct Order IDs, 91 items, 369,554 cents, 110,899 of them in 2024 (tests/integration/amazon.rs).
    assert.equal(await finding('amazon_orders'),
      'Your Amazon order history holds 54\u00a0orders (91\u00a0items), from Sunday 7 February 2021 to Saturday 16 November 2024: €3,696 spent. You spent most in 2024: €1,109 (by year: €935 in 2021, €718 in 2022, €934 in 2023 and €1,109 in 2024).');
    const figure = (chart) => `#files tr:has(th .name:text-is("Retail.OrderHistory.1.csv")) figure[data-chart="${chart}"]`;
    await page.waitForSelector(`${figure('money_months')} canvas[data-drawn]`);
    await page.click(`${figure('money_months')} details summary`);
    // February 2021: 51,084 cents (python3, the same count by month).
    assert.equal(await page.innerText(`${figure('money_months')} tbody tr:first-child`), '2021-02\t511');
    await page.waitForSelector(`${figure('rhythm')} canvas[data-drawn]`);
    assert.match(await finding('amazon_products'), /^What you order most, out of 12\sdifferent products: Lavazza .+ Oro \(22\stimes, €434\)/);
    // Never a name, an address, a card, a tracking or an order number (all in the file).
    const html = await page.content();
    assert.ok(!/Camille|rue des Lilas|Visa|Mastercard|AMZN_FR|\d{3}-\d{7}-\d{7}/.test(html), 'a secret of the file shown');
    await axe(page, 'an Amazon order history');
    await finish(session);
  });
});

describe('act on it: reuse', () => {
  // A download's text, and its name.
  async function download(page, click) {
    const [file] = await Promise.all([page.waitForEvent('download'), click()]);
    return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
  }
  // RFC 4180 rows: quoted fields may hold commas, quotes and line breaks.
  function csvRows(text) {
    // UTF-8 said first, for spreadsheets.
    assert.ok(text.startsWith('\ufeff'), 'a CSV export starts with a BOM');
    text = text.slice(1);
    const rows = []; let row = []; let cell = ''; let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else cell += c;
    }
    return rows;
  }

  test('a location history exports its positions and trips as GeoJSON, GPX and CSV that match its findings, and the whole report as JSON', async () => {
    const session = await openLoaded(env, '/');
    const { page } = session;
    const zip = readFileSync(join(ROOT, 'tests/fixtures/mobility/takeout-mobility.zip'));
    await page.setInputFiles('#file-input', [{ name: 'takeout-mobility.zip', mimeType: 'application/zip', buffer: zip }]);
    await page.waitForSelector('#files tr.archive .status:not(.reading)');
    await page.waitForSelector('#report-json');

    // The whole report: the versioned schema, with every finding on screen, word for word.
    const report = await download(page, () => page.click('#report-json'));
    assert.equal(report.name, 'reflet-report.json');
    const json = JSON.parse(report.text);
    assert.equal(json.schema, 1);
    const records = json.files.find((f) => f.path.endsWith('Records.json'));
    assert.equal(records.kind, 'google.records');
    const row = '#files tr:has(th .name:text-is("Records.json"))';
    for (const finding of records.findings) {
      assert.equal(await page.textContent(`${row} .finding[data-finding="${finding.id}"]`), finding.text.en);
    }
    const trips = records.summary.trips;
    assert.equal(trips.trips, 20);

    // The printable page: the results alone (no header, drop zone, buttons or menus), as a PDF.
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['header.site-header', '#drop-zone', '#report-json', `${row} details.export`]) {
      assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is printed`);
    }
    assert.equal(await page.locator(`${row} .finding[data-finding="trips"]`).isVisible(), true);
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 10_000 && pdf.subarray(0, 5).toString() === '%PDF-');
    await page.emulateMedia({ media: 'screen' });

    // Each file's own exports, under what it reveals.
    await page.click(`${row} details.export summary`);
    await axe(page, 'a file\'s exports');
    const exportOf = (what, format) => download(page, () => page.click(`${row} button[data-export-what="${what}"][data-export-format="${format}"]`));
    // The status line says what was saved, once the worker has answered.
    // Then a link to save it again, should the browser have held the download back.
    const status = async (text) => {
      await page.locator(`${row} .export-status`, { hasText: text }).waitFor();
      return page.$eval(`${row} .export-status`, (p) => p.firstChild.textContent);
    };

    const positions = await exportOf('positions', 'geojson');
    assert.equal(positions.name, 'reflet-positions-Records.geojson');
    const features = JSON.parse(positions.text).features;
    assert.equal(features.length, records.summary.count);
    assert.equal(features[0].properties.time, records.summary.first);
    const { south, west, north, east } = records.summary.bbox;
    for (const f of features) {
      const [lng, lat] = f.geometry.coordinates;
      assert.ok(lat >= south - 1e-6 && lat <= north + 1e-6 && lng >= west - 1e-6 && lng <= east + 1e-6, JSON.stringify(f));
    }
    const count = records.summary.count.toLocaleString('en');
    assert.equal(await status(count), `GeoJSON file saved: ${count} positions.`);
    const again = page.locator(`${row} .export-status a`);
    assert.match(await again.getAttribute('href'), /^blob:/);
    assert.equal(await again.getAttribute('download'), 'reflet-positions-Records.geojson');

    const gpx = await exportOf('positions', 'gpx');
    assert.equal((gpx.text.match(/<trkpt /g) ?? []).length, records.summary.count);
    assert.ok(gpx.text.startsWith('<?xml') && gpx.text.trimEnd().endsWith('</gpx>'));
    const csv = csvRows((await exportOf('positions', 'csv')).text);
    assert.deepEqual(csv[0], ['time', 'latitude', 'longitude', 'source']);
    assert.equal(csv.length - 1, records.summary.count);

    // The trips, as the findings count them: 20 by bike, 66.7 km.
    const tripFeatures = JSON.parse((await exportOf('trips', 'geojson')).text).features;
    assert.equal(tripFeatures.length, 20);
    assert.deepEqual([...new Set(tripFeatures.map((f) => f.properties.mode))], ['cycling']);
    const km = tripFeatures.reduce((sum, f) => sum + f.properties.metres, 0) / 1000;
    assert.equal(km.toFixed(1), '66.7');
    assert.equal(csvRows((await exportOf('trips', 'csv')).text).length, 21);
    assert.equal(((await exportOf('trips', 'gpx')).text.match(/<trk>/g) ?? []).length, 20);
    assert.equal(await status('GPX'), 'GPX file saved: 20 trips.');

    // Each chart saves as PNG (the canvas as drawn) and SVG (drawn again by the same code).
    const chart = `${row} figure[data-chart="trips"]`;
    await page.waitForSelector(`${chart} canvas[data-drawn]`);
    const [png] = await Promise.all([page.waitForEvent('download'), page.click(`${chart} button[data-save="png"]`)]);
    assert.equal(png.suggestedFilename(), 'reflet-chart-trips.png');
    assert.deepEqual([...readFileSync(await png.path()).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    const svg = await download(page, () => page.click(`${chart} button[data-save="svg"]`));
    assert.equal(svg.name, 'reflet-chart-trips.svg');
    assert.ok(svg.text.startsWith('<svg') && svg.text.includes('fill="#006BA6"'), svg.text.slice(0, 300));
    assert.match(svg.text, /\d km\s*<\/text>/, 'the axis is labelled in km');
    // The map too: as shown (its view, its layers), in PNG and SVG.
    const map = `${row} figure[data-chart="map"]`;
    await page.waitForSelector(`${map} canvas[data-drawn]`);
    const [mapPng] = await Promise.all([page.waitForEvent('download'), page.click(`${map} button[data-save="png"]`)]);
    assert.equal(mapPng.suggestedFilename(), 'reflet-map.png');
    const mapSvg = await download(page, () => page.click(`${map} button[data-save="svg"]`));
    assert.equal(mapSvg.name, 'reflet-map.svg');
    assert.ok(mapSvg.text.startsWith('<svg') && /<(path|polyline|polygon)/.test(mapSvg.text), mapSvg.text.slice(0, 300));

    // In French too.
    await page.click('#lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    await exportOf('trips', 'csv');
    assert.equal(await status('CSV'), 'Fichier CSV enregistré\u00a0: 20 trajets.');
    await axe(page, 'a file\'s exports, in French');
    await finish(session);
  });

  test('a hostile advertiser or contact name comes out inert on screen and in every export', async () => {
    const session = await openLoaded(env, '/');
    const { page } = session;
    const hostile = (name) => join(ROOT, 'tests/fixtures/hostile', name);
    await pickFiles(page, [
      hostile('advertisers_using_your_activity_or_information.json'),
      hostile('WhatsApp Chat with Famille.txt'),
    ]);
    // Markup from a file is text on screen, never an element.
    assert.equal(await page.evaluate(() => document.querySelectorAll('#files script, #files img').length), 0);
    const formula = (cell) => /^\s*[=+\-@\t\r]/.test(cell);
    for (const [file, kind, count] of [
      ['advertisers_using_your_activity_or_information.json', 'advertiser', 7],
      ['WhatsApp Chat with Famille.txt', 'message', 4],
    ]) {
      const row = `#files tr:has(th .name:text-is("${file}"))`;
      await page.click(`${row} details.export summary`);
      const [file_] = await Promise.all([
        page.waitForEvent('download'),
        page.click(`${row} button[data-export-what="records"][data-export-format="csv"]`),
      ]);
      const rows = csvRows(readFileSync(await file_.path(), 'utf8'));
      assert.deepEqual(rows[0], ['time', 'type', 'name', 'detail', 'value', 'unit']);
      assert.equal(rows.length - 1, count, file);
      assert.ok(rows.slice(1).every((r) => r[1] === kind), file);
      const names = rows.slice(1).map((r) => r[2]);
      assert.ok(names.some((n) => n.startsWith('\'=HYPERLINK(')), names.join(' | '));
      assert.ok(names.some((n) => n.startsWith('<script>')), names.join(' | '));
      for (const cell of rows.flat()) assert.ok(!formula(cell), `${file}: ${JSON.stringify(cell)} would run as a formula`);
    }
    // The whole report keeps the names as JSON strings.
    const [report] = await Promise.all([page.waitForEvent('download'), page.click('#report-json')]);
    const json = JSON.parse(readFileSync(await report.path(), 'utf8'));
    assert.equal(json.files.length, 2);
    assert.equal(await page.evaluate(() => document.querySelectorAll('script:not([src])').length), 0);
    await finish(session);
  });
});

describe('act on it: get your data', () => {
  test('the app links to the static guides, one printable page per service, in both languages, with no script and no other origin', async () => {
    const session = await openLoaded(env, '/');
    const { page, context } = session;
    // In the header and on the landing page, in a new tab: files opened stay open.
    const link = page.locator('header .guides-link');
    assert.equal(await link.getAttribute('href'), 'guides/index.en.html');
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
    assert.match(await link.innerText(), /Get your data/);
    await finish(session);

    // The pages themselves, opened as a person would, days before a workshop.
    const guides = await open(env, '/guides/index.en.html');
    const g = guides.page;
    await g.waitForSelector('h1');
    assert.equal(await g.textContent('h1'), 'Get your data');
    const services = await g.$$eval('.guides-list a', (as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    assert.ok(services.length >= 20, services.join(' '));
    for (const name of ['Google Takeout', 'Facebook', 'Instagram', 'Spotify', 'Enedis']) {
      assert.ok(services.some(([text]) => text.includes(name)), `${name} is listed`);
    }
    assert.equal(await g.evaluate(() => document.scripts.length), 0);
    await axe(g, 'the guides index');
    // One service's page: its steps, the format to choose, how long, what Reflet reads, the
    // official page (a link out, with no referrer), and the same page in French.
    await g.click('.guides-list a:text("Google Takeout")');
    await g.waitForSelector('.guide h1');
    assert.equal(await g.textContent('.guide h1'), 'Google Takeout');
    assert.ok((await g.$$('.guide-steps li')).length >= 3);
    assert.match(await g.textContent('.guide-facts'), /JSON/);
    const official = g.locator('.guide-link a');
    assert.equal(await official.getAttribute('href'), 'https://takeout.google.com/');
    assert.equal(await official.getAttribute('rel'), 'noopener noreferrer');
    await axe(g, 'a guide');
    // Printed, it holds one page: the guide alone.
    await g.emulateMedia({ media: 'print' });
    assert.equal(await g.locator('.site-header').isVisible(), false);
    const pdf = await g.pdf({ format: 'A4' });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.equal(pages, 1, 'the guide prints on one page');
    await g.emulateMedia({ media: 'screen' });
    await g.click('a[hreflang="fr"]');
    await g.waitForFunction(() => document.documentElement.lang === 'fr');
    assert.equal(await g.textContent('.guide h1'), 'Google Takeout');
    assert.match(await g.textContent('.guide'), /Étapes/);
    await axe(g, 'a guide, in French');
    // Every request was to the app's own origin (the guard fails otherwise).
    await finish(guides);
  });
});

describe('act on it: ask for more', () => {
  test('a finding opens a letter to the advertiser it names, pre-filled, that the person completes, copies and mails only after a warning', async () => {
    const session = await openLoaded(env, '/');
    const { page } = session;
    await pickFiles(page, [sample('facebook/advertisers_using_your_activity_or_information.json')]);
    // "These advertisers uploaded a list holding you": each can be asked what it holds.
    const row = '#files tr:has(th .name:text-is("advertisers_using_your_activity_or_information.json"))';
    await page.click(`${row} details[data-details="contact_lists"] summary`);
    const first = page.locator(`${row} .ask-list li`).first();
    const advertiser = (await first.locator('.ask-name').textContent()).trim();
    assert.equal(advertiser, 'Alexander Group');
    await first.locator('button').click();

    // The letter page, its heading focused, addressed to that advertiser with the finding's words.
    await page.waitForSelector('#letter-title');
    await page.waitForFunction(() => document.activeElement?.id === 'letter-title');
    assert.equal(await page.evaluate(() => location.hash), '#letter');
    assert.equal(await page.inputValue('#letter-other-name'), advertiser);
    assert.match(await page.textContent('.letter-why'), /Alexander Group uploaded to Facebook a list/);
    let letter = await page.textContent('#letter-text');
    assert.match(letter, /Alexander Group/);
    assert.match(letter, /Article 15/);
    assert.match(letter, /one month/);
    assert.match(letter, /uploaded to Facebook a list \(e-mail addresses or phone numbers\) that contains me/);
    // What the person types stays local (autocomplete off) and fills the letter.
    for (const id of ['letter-name', 'letter-address', 'letter-email', 'letter-account']) {
      assert.equal(await page.getAttribute(`#${id}`, 'autocomplete'), 'off', id);
    }
    await page.fill('#letter-name', 'Marie Curieuse <script>alert(1)</script>');
    letter = await page.textContent('#letter-text');
    assert.match(letter, /Marie Curieuse <script>alert\(1\)<\/script>/);
    assert.equal(await page.evaluate(() => document.querySelectorAll('main script').length), 0);
    await axe(page, 'the letter page');

    // A listed company: its published contact, with where it comes from; mailto only after the
    // warning is ticked.
    await page.selectOption('#letter-company', 'meta');
    assert.match(await page.textContent('.letter-where'), /Meta/);
    // Meta publishes a form, not an address: no mail link at all.
    assert.equal(await page.locator('#letter-mail-consent').count(), 0);
    await page.selectOption('#letter-company', 'spotify');
    assert.match(await page.textContent('.letter-where'), /privacy@spotify\.com/);
    // The finding was about another company: this letter does not quote it.
    assert.doesNotMatch(await page.textContent('#letter-text'), /Alexander Group/);
    const mail = page.locator('.letter-send a.button[href^="mailto:"]');
    assert.equal(await mail.count(), 0);
    await page.check('#letter-mail-consent');
    const href = await mail.getAttribute('href');
    assert.ok(href.startsWith('mailto:') && !/[<>\s]/.test(href), href);

    // In French too.
    await page.click('#lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    assert.equal(await page.textContent('#letter-title'), 'Demander plus');
    assert.match(await page.textContent('#letter-text'), /article 15|Article 15/);
    await axe(page, 'the letter page, in French');
    await finish(session);
  });
});

describe('share on your terms', () => {
  // A resident's Records.json, every 10 minutes over three weeks of March 2024 (Paris time,
  // UTC+1): nights and evenings at home, weekdays at work next to it, a market after work, a park
  // at weekends. Market and park are far enough from home and work (13 and 19 km) to be out of
  // the block of 5 × 5 cells hiding each, wherever it falls.
  const HOME = [46.165, -1.151];
  const WORK = [46.195, -1.151];
  const MARKET = [46.165, -0.98];
  const PARK = [46.125, -1.40];
  function residentRecords() {
    const locations = [];
    const start = Date.UTC(2024, 2, 4) - 3_600_000; // Monday 4 March, 00:00 in Paris
    for (let t = start; t < start + 21 * 86_400_000; t += 600_000) {
      const local = new Date(t + 3_600_000);
      const [day, minute] = [local.getUTCDay(), local.getUTCHours() * 60 + local.getUTCMinutes()];
      const weekday = day >= 1 && day <= 5;
      let at = HOME;
      if (weekday && minute >= 8 * 60 + 30 && minute < 17 * 60) at = WORK;
      else if (weekday && minute >= 17 * 60 + 30 && minute < 19 * 60) at = MARKET;
      else if (!weekday && minute >= 10 * 60 && minute < 16 * 60) at = PARK;
      else if (minute >= 7 * 60 + 40 && minute < 8 * 60 + 30 || minute >= 17 * 60 && minute < 17 * 60 + 30 || minute >= 19 * 60 && minute < 19 * 60 + 30) continue;
      const jitter = () => Math.round((Math.sin(t / 7e5) * 20));
      locations.push({
        latitudeE7: Math.round(at[0] * 1e7) + jitter(),
        longitudeE7: Math.round(at[1] * 1e7) + jitter(),
        accuracy: 12,
        source: 'WIFI',
        timestamp: new Date(t).toISOString(),
      });
    }
    return Buffer.from(JSON.stringify({ locations }));
  }
  const cellOf = ([lat, lng]) => [Math.floor(lat / 0.02), Math.floor(lng / 0.03)];

  test('a mobility contribution is reviewed row by row, a removed row is not in the file, and no cell is near the home', async () => {
    const session = await openLoaded(env, '/');
    const { page } = session;
    await pickFiles(page, [{ name: 'Records.json', mimeType: 'application/json', buffer: residentRecords() }]);
    await page.click('.site-nav a[href="#share"]');
    await page.waitForSelector('#share-title:focus');
    await page.waitForSelector('#share-review');
    const rows = () => page.$$eval('#share-review tbody tr', (trs) => trs.map((tr) => [...tr.cells].slice(0, 3).map((td) => td.textContent)));
    const before = await rows();
    // The market and the park are offered; home, work and their neighbours are not.
    const cellRows = before.filter((r) => r[0] === 'Grid cell');
    assert.equal(cellRows.length, 2, JSON.stringify(before));
    assert.deepEqual(cellRows.map((r) => r[1]).sort(), ['46.12°\u00a0N 1.41°\u00a0W', '46.16°\u00a0N 0.99°\u00a0W']);
    assert.ok(before.some((r) => r[0].startsWith('Distance')), 'kilometres per month are offered');
    await axe(page, 'the contribution builder');

    // Remove the market's row: focus goes to the next row's button.
    const market = page.locator('#share-review tbody tr', { hasText: '0.99°\u00a0W' });
    await market.getByRole('button').click();
    await page.waitForFunction(() => document.activeElement?.id?.startsWith('share-remove-') || document.activeElement?.id === 'share-review');
    const after = await rows();
    assert.equal(after.length, before.length - 1);
    assert.ok(!after.some((r) => r[1].includes('0.99°\u00a0W')));
    assert.match(await page.textContent('.share-about'), /You removed 1 row\(s\)\./);

    const [file] = await Promise.all([page.waitForEvent('download'), page.click('#share-download')]);
    assert.equal(file.suggestedFilename(), 'reflet-contribution-mobilite.json');
    const text = readFileSync(await file.path(), 'utf8');
    const json = JSON.parse(text);
    assert.equal(json.format, 'reflet.contribution');
    assert.equal(json.version, 1);
    assert.match(json.id, /^[0-9a-f]{16}$/);
    // Exactly the rows on screen, and nothing else.
    assert.equal(json.rows.length, after.length);
    const cells = json.rows.filter((r) => r.kind === 'cell').map((r) => [r.row, r.col]);
    assert.deepEqual(cells, [cellOf(PARK)]);
    const [homeRow, homeCol] = cellOf(HOME);
    for (const [row, col] of cells) assert.ok(Math.abs(row - homeRow) > 4 || Math.abs(col - homeCol) > 4, 'a cell in the block around home');
    assert.ok(!cells.some(([r, c]) => r === cellOf(MARKET)[0] && c === cellOf(MARKET)[1]), 'the removed row is in the file');
    // No position, no name: neither the home's coordinates nor the file's name appear.
    assert.ok(!text.includes('46.16') && !text.includes('1.151') && !text.includes('Records'), text);
    assert.ok(json.about.some((l) => l.includes('It does not hold')), 'the file says what it does not hold');
    assert.equal(await page.textContent('.share-status'), 'The file is saved on your device, in your downloads. Nothing was sent.');

    // In French.
    await page.click('#lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    assert.match(await page.textContent('.share-about'), /Vous avez retiré 1 ligne\(s\)\./);
    await axe(page, 'the contribution builder, in French');
    await finish(session);
  });

  test('the facilitator sees a cell of three people and not a cell of one, with k = 2', async () => {
    const session = await openLoaded(env, '/');
    const { page } = session;
    await page.click('.site-nav a[href="#facilitate"]');
    await page.waitForSelector('#facilitate-title:focus');
    const contribution = (id, cells, km) => ({
      name: `contribution-${id}.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({
        format: 'reflet.contribution', version: 1, id, theme: 'mobility', made: '2026-11',
        grid: { lat_step: 0.02, lng_step: 0.03 },
        rows: [
          { kind: 'km', month: '2024-03', mode: 'cycling', km },
          { kind: 'co2', month: '2024-03', kg: 1.5 },
          ...cells.map(([row, col]) => ({ kind: 'cell', row, col, share_pct: 10 })),
        ],
        about: [],
      })),
    });
    const shared = [2308, -35];
    const alone = [2306, -42];
    await page.fill('#facilitate-k', '2');
    await page.dispatchEvent('#facilitate-k', 'change');
    await page.setInputFiles('#facilitate-files', [
      contribution('aaaa', [shared, alone], 10),
      contribution('bbbb', [shared], 20),
      contribution('cccc', [shared, [2310, -30]], 30.5),
      { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') },
    ]);
    await page.waitForSelector('#facilitate-cells');
    const cellRows = await page.$$eval('#facilitate-cells tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));
    assert.deepEqual(cellRows, [['46.16°\u00a0N 1.05°\u00a0W', '3']]);
    assert.match(await page.textContent('.share-status'), /^3 person\(s\)\. Withheld, as drawn from fewer than 2 people: 0 value\(s\), 2 cell\(s\)\.$/);
    assert.deepEqual(await page.$$eval('#facilitate-km tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent))),
      [['2024-03', 'cycling', '3', '60.5\u00a0km']]);
    assert.equal(await page.textContent('.share-problems'), 'notes.json: This is not a Reflet contribution file.');
    assert.equal(await page.locator('svg.heat-grid rect.heat-4').count(), 1);
    await axe(page, 'the facilitator view');

    // k = 4: nothing is drawn from four people, so nothing is shown.
    await page.fill('#facilitate-k', '4');
    await page.dispatchEvent('#facilitate-k', 'change');
    await page.waitForSelector('#facilitate-cells', { state: 'detached' });
    assert.equal(await page.textContent('.share-page .notice'), 'Nothing to show: no value is drawn from at least k people.');
    await page.click('#lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    await axe(page, 'the facilitator view, in French');
    await finish(session);
  });
});

describe('workshop mode', () => {
  // The demo persona's names and addresses (src/synth/demo.rs, PLANTED).
  const PLANTED = ['Camille Fictive', 'Jules Exemple', 'Parc du Prétexte', 'Bureau Exemple SA', 'Salle Forme Fictive', 'Marché Imaginaire', 'LOYER M FICTIF'];
  const COORDINATE = /\d+[.,]\d{3}°/;
  // Everything the page holds: its text, and every attribute (aria-label, title, alt…).
  const whole = (page) => page.evaluate(() => document.documentElement.outerHTML);
  async function openDemo(page) {
    await page.click('#demo');
    await page.waitForFunction(() => document.querySelectorAll('#files > tbody > tr').length === 5
      && !document.querySelector('#files .status.reading'));
  }

  test('a fictional resident to explore, and a presenter mask that hides her names, addresses and coordinates from text and attributes', async () => {
    const session = await openLoaded(env, '/?kiosk');
    const { page } = session;
    assert.match(await page.textContent('#demo-hint'), /Camille Fictive is a made-up resident/);
    await openDemo(page);
    // Her files are read as anyone's: each is recognised.
    assert.equal(await page.locator('#files .status.error').count(), 0);
    // A shared tablet keeps nothing: no "keep my results" there.
    await page.waitForSelector('#report-json');
    assert.equal(await page.locator('#keep').count(), 0);
    const before = await whole(page);
    for (const name of ['Jules Exemple', 'Bureau Exemple SA', 'LOYER M FICTIF']) assert.ok(before.includes(name), `${name} is not shown`);
    assert.match(before, COORDINATE);
    assert.ok(await page.locator('.day-open button').count() > 0, 'no "See a day" before the mask');

    await page.click('#mask-toggle');
    await page.waitForSelector('#mask-toggle[aria-pressed="true"]');
    await page.waitForSelector('.masked-note');
    // The day view shows exact places and times: not offered while presenting.
    assert.equal(await page.locator('.day-open button').count(), 0);
    // Open every finding's reasoning and every details element: what is folded is in the page too.
    await page.$$eval('details', (all) => all.forEach((d) => { d.open = true; }));
    const masked = await whole(page);
    for (const name of PLANTED) assert.ok(!masked.includes(name), `${name} is still in the page`);
    assert.doesNotMatch(masked, COORDINATE);
    assert.ok(masked.includes('WhatsApp Chat with •••.txt'));
    await axe(page, 'the demo persona, masked');
    // Nor does the Share page show her values while presenting.
    await page.click('.site-nav a[href="#share"]');
    await page.waitForSelector('#share-title:focus');
    assert.match(await page.textContent('.share-page .notice'), /^Presenting: a contribution's values are not shown/);
    assert.equal(await page.locator('#share-review').count(), 0);
    await page.click('.site-nav a[href="#"]');
    await page.waitForSelector('#files');

    // Unmasked again, the names come back.
    await page.click('#mask-toggle');
    await page.waitForSelector('#mask-toggle[aria-pressed="false"]');
    assert.ok((await whole(page)).includes('Bureau Exemple SA'));
    await page.click('#lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    await page.click('#mask-toggle');
    await page.waitForSelector('.masked-note');
    const fr = await whole(page);
    for (const name of PLANTED) assert.ok(!fr.includes(name), `${name} is still in the French page`);
    assert.doesNotMatch(fr, COORDINATE);
    await axe(page, 'the demo persona, masked, in French');
    await finish(session);
  });

  test('End session wipes everything and reminds that downloads stay; ?kiosk=N ends it after N idle minutes', async () => {
    const session = await openLoaded(env, '/?kiosk');
    const { page } = session;
    await openDemo(page);
    await page.click('#mask-toggle');
    await page.click('#end-session');
    await page.waitForSelector('#landing-title');
    assert.equal(await page.locator('#files').count(), 0);
    assert.equal(await page.textContent('.session-ended'),
      'Session ended: everything Reflet had read is erased from this page.Files you downloaded stay in the device\'s Downloads folder: delete them before handing it back.');
    assert.equal(await page.getAttribute('#mask-toggle', 'aria-pressed'), 'false');
    // Only the demo's invitation names her now.
    const after = await whole(page);
    for (const name of PLANTED.slice(1)) assert.ok(!after.includes(name), `${name} is still in the page`);
    await axe(page, 'a session ended');
    await finish(session);

    // Twelve seconds without a touch (0.2 minutes), then the session ends by itself; over the
    // last half (the last 30 s with real minutes) a warning says so, takes the focus, and keeps
    // the session.
    const idle = await openLoaded(env, '/?kiosk=0.2');
    await openDemo(idle.page);
    await idle.page.waitForSelector('.idle-warning[role="alertdialog"]', { timeout: 10_000 });
    assert.match(await idle.page.textContent('.idle-warning'),
      /^Still there\?With no activity, the session ends in [1-6] s and everything Reflet read will be erased\.Continue the session$/);
    assert.equal(await idle.page.evaluate(() => document.activeElement.id), 'idle-continue');
    await axe(idle.page, 'the idle warning');
    await idle.page.click('#idle-continue');
    assert.equal(await idle.page.locator('.idle-warning').count(), 0);
    // Kept: past when it would have ended, the files are still there.
    await idle.page.waitForTimeout(6500);
    assert.equal(await idle.page.locator('.session-ended strong').count(), 0);
    assert.ok(await idle.page.locator('#files').count() > 0);
    // Left alone this time: it ends.
    await idle.page.waitForSelector('.session-ended strong', { timeout: 15_000 });
    assert.match(await idle.page.textContent('.session-ended'), /^Session ended after a while without activity/);
    assert.equal(await idle.page.locator('#files').count(), 0);
    assert.equal(await idle.page.locator('.idle-warning').count(), 0);
    await finish(idle);
  });
});

describe('offline use (sw.js)', () => {
  // The files sw.js keeps (its FILES list, './' being index.html), as absolute URLs under `base`.
  const sw = readFileSync(join(ROOT, 'sw.js'), 'utf8');
  const FILES = sw.slice(sw.indexOf('const FILES = ['), sw.indexOf('];', sw.indexOf('const FILES = [')))
    .split("'").filter((_, i) => i % 2 === 1);
  const keptUrls = (base) => FILES.map((f) => new URL(f, base).href).sort();
  // What the page's service worker holds: its scope, the caches and the kept URLs.
  const kept = (page) => page.evaluate(async () => {
    const { scope } = await navigator.serviceWorker.ready;
    const names = await caches.keys();
    const urls = await Promise.all(names.map(async (n) => (await (await caches.open(n)).keys()).map((r) => r.url)));
    return { scope, names, urls: urls.flat().sort(), controlled: Boolean(navigator.serviceWorker.controller) };
  });

  // Reads the sample Records.json as any visit does, with no request counted.
  const readsTheSample = async (page) => {
    await pickFiles(page, [RECORDS]);
    const rows = await rowTexts(page);
    assert.match(rows[0][2], /^Google Location History \(Records\.json\)\n3 positions, from 2012-12-15 to 2013-03-01/);
    assert.equal(await page.getAttribute('#net-counter', 'data-count'), '0');
  };

  test('the service worker keeps every file at the top of dist/, and only those', () => {
    const top = readdirSync(join(ROOT, 'dist'), { withFileTypes: true })
      .filter((e) => e.isFile() && e.name !== 'sw.js').map((e) => (e.name === 'index.html' ? './' : e.name));
    assert.deepEqual([...FILES].sort(), top.sort());
  });

  for (const [where, path] of [['at the root', '/'], ['under a sub-path', SUB_PATH]]) {
    test(`opened once, it opens again with the network cut and reads a file (${where})`, async () => {
      const session = await openLoaded(env, path);
      const { page, context, guard } = session;
      const base = env.server.origin + path;
      // Loaded means kept: the app's files, in the app's own cache, under the app's own scope.
      assert.equal(await page.getAttribute('html', 'data-offline'), 'ready');
      assert.deepEqual(await kept(page), { scope: base, names: [`reflet ${base}`], urls: keptUrls(base), controlled: true });
      await page.click('#promise-link');
      await page.waitForSelector('#promise-title');
      assert.equal((await page.locator('.offline-status:visible').allTextContents()).join('').trim(),
        'On this device, Reflet also opens without a network: it kept its own files here, never yours.');

      // The network is cut and the page reloaded: Reflet starts from what it kept.
      await context.setOffline(true);
      guard.markReloading();
      const served = env.server.log.length;
      await page.reload();
      await page.waitForSelector('#promise-title');
      await page.click('#promise-back');
      await untilReady(page);
      guard.markLoaded();
      await readsTheSample(page);
      await axe(page, `the file list, offline (${where})`);
      // Nothing reached the server, not even the browser's own check of sw.js (made outside the
      // page, which Playwright's offline mode does not cover): the HTTP cache answered it.
      await quiet(page);
      assert.deepEqual(env.server.log.slice(served), []);
      await finish(session);
    });
  }

  test('with the host down (every answer a 503), it opens from what it kept and reads a file', async () => {
    const session = await openLoaded(env, '/');
    const { page } = session;
    assert.equal(await page.getAttribute('html', 'data-offline'), 'ready');
    env.server.host.failing = true;
    try {
      await reloadLoaded(session);
      await readsTheSample(page);
    } finally {
      env.server.host.failing = false;
    }
    await finish(session);
  });

  // What one online visit at `path` asks the server for: each kept file once, and the glue
  // (reflet.js) a second time, fetched by the engine for its worker (src/worker/spawn.rs).
  const visit = (path) => [...FILES.map((f) => new URL(f, `http://h${path}`).pathname), `${path}reflet.js`];
  // The browser checks sw.js for a new version a moment after each visit the service worker
  // served (the specification's "soft update", about a second after the page was asked for in
  // Chromium), outside the page: Playwright's request events do not see it, the server's log
  // does. Registered with updateViaCache 'all' and served with `Cache-Control: max-age=86400`
  // (server.mjs, README "Hosting"), it is answered by the browser's HTTP cache. `quiet` leaves
  // it the time to happen, so that a test can then check the server saw nothing after load.
  const quiet = (page) => page.waitForTimeout(3000);
  const sorted = (xs) => [...xs].sort();

  // Each online visit of a device that opened Reflet once: a reload, a reload again, the same
  // address typed again, a new tab. The server sees the visit's files, during load, and nothing
  // after: not sw.js, which the browser's HTTP cache holds for a day.
  test('online, no request at all reaches the server after load, not even the browser\'s check of sw.js', async () => {
    const session = await openLoaded(env, '/');
    const { context, guard } = session;
    let { page } = session;
    await quiet(page);
    const visits = [
      ['a reload', () => page.reload()],
      ['another reload', () => page.reload()],
      ['the same address again', () => page.goto(`${env.server.origin}/`)],
      ['a new tab', async () => { page = await context.newPage(); await page.goto(`${env.server.origin}/`); }],
      ['a reload of the new tab', () => page.reload()],
    ];
    for (const [name, go] of visits) {
      guard.markReloading();
      const served = env.server.log.length;
      await go();
      await untilReady(page);
      guard.markLoaded();
      const loaded = env.server.log.length;
      assert.deepEqual(sorted(env.server.log.slice(served, loaded)), sorted(visit('/')), `${name}: the load`);
      await quiet(page);
      assert.deepEqual(env.server.log.slice(loaded), [], `${name}: after load`);
    }
    await finish(session);
  });

  test('a host that sends sw.js without Cache-Control max-age: the server is asked for it on every visit (why README "Hosting" asks for it)', async () => {
    const server = await startServer({ dist: join(ROOT, 'dist'), control: join(ROOT, 'dist'), swCache: 'no-cache' });
    try {
      const session = await openLoaded({ browser: env.browser, server }, '/');
      const { page, guard } = session;
      await quiet(page);
      guard.markReloading();
      const served = server.log.length;
      await page.reload();
      await untilReady(page);
      guard.markLoaded();
      await quiet(page);
      // boot.js's check during load, and the browser's own a moment after the visit began (two
      // requests in every run measured; one at least).
      const checks = server.log.slice(served).filter((u) => !visit('/').includes(u));
      assert.ok(checks.length >= 1 && checks.every((u) => u === '/sw.js'), checks.join(' '));
      await finish(session);
    } finally {
      await server.close();
    }
  });

  test('online, each visit fetches Reflet anew and keeps it: a new version is picked up, then opens offline', async () => {
    const session = await openLoaded(env, '/');
    const { page, context, guard } = session;
    // A new index.html on the server (context.route sees the service worker's own requests).
    const isIndex = (url) => url.origin === env.server.origin && url.pathname === '/';
    await context.route(isIndex, async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace('</head>', '<meta name="reflet-test-version" content="2"></head>');
      await route.fulfill({ response, body });
    });
    const version = () => page.evaluate(() => document.querySelector('meta[name="reflet-test-version"]')?.content ?? '1');
    assert.equal(await version(), '1');

    guard.markReloading();
    const served = env.server.log.length;
    await page.reload();
    await untilReady(page);
    guard.markLoaded();
    assert.equal(await version(), '2');
    // The server saw the visit's files, nothing more.
    await quiet(page);
    assert.deepEqual(sorted(env.server.log.slice(served)), sorted(visit('/')));

    await context.unroute(isIndex);
    await context.setOffline(true);
    await reloadLoaded(session);
    assert.equal(await version(), '2');
    await finish(session);
  });

  test('a new sw.js is found during a visit\'s load once the cached one is a day old, and takes over without fetching anything', async () => {
    // A copy of dist/ on a server of its own, to publish a new sw.js.
    const dir = mkdtempSync(join(tmpdir(), 'reflet-e2e-'));
    cpSync(join(ROOT, 'dist'), dir, { recursive: true });
    const server = await startServer({ dist: dir, control: dir });
    try {
      const session = await openLoaded({ browser: env.browser, server }, '/');
      const { page, context, guard } = session;
      assert.equal(await page.evaluate(() => navigator.serviceWorker.controller !== null), true);
      appendFileSync(join(dir, 'sw.js'), '\n// A new version.\n');
      await page.addInitScript(() => navigator.serviceWorker.addEventListener('controllerchange', () => { window.swTakenOver = true; }));
      const reload = async () => {
        guard.markReloading();
        const served = server.log.length;
        await page.reload();
        await untilReady(page);
        guard.markLoaded();
        const loaded = server.log.length;
        await quiet(page);
        return { load: sorted(server.log.slice(served, loaded)), after: server.log.slice(loaded) };
      };
      // Within the day, the browser's HTTP cache answers for sw.js: the new one is not seen.
      assert.deepEqual(await reload(), { load: sorted(visit('/')), after: [] });
      assert.equal(await page.evaluate(() => window.swTakenOver ?? false), false);
      // A day later the browser asks the server again (the specification's 24 hours; measured by
      // hand with the clock moved ahead). Here the HTTP cache is emptied instead, which sends the
      // check to the server the same way. boot.js makes that check during load: it finds the new
      // sw.js, which installs with what is kept and takes over; nothing after load.
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.clearBrowserCache');
      await cdp.detach();
      assert.deepEqual(await reload(), { load: sorted([...visit('/'), '/sw.js']), after: [] });
      await page.waitForFunction(() => window.swTakenOver === true, null, { timeout: 15000 });
      assert.deepEqual((await kept(page)).urls, keptUrls(`${server.origin}/`));
      // And it opens offline.
      await context.setOffline(true);
      await reloadLoaded(session);
      await finish(session);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('where service workers are not allowed, Reflet still loads, and says it will not open offline', async () => {
    const session = await openLoaded(env, '/', { serviceWorkers: 'block' });
    const { page } = session;
    assert.equal(await page.getAttribute('html', 'data-offline'), 'failed');
    await page.click('#promise-link');
    await page.waitForSelector('#promise-title');
    assert.equal((await page.locator('.offline-status:visible').allTextContents()).join('').trim(),
      'Reflet could not keep its files on this device: without a network, it will not open.');
    await axe(page, 'the promise page, without offline use');
    await finish(session);
  });
});

describe('keep it safely', () => {
  const PASSPHRASE = 'correct horse battery staple';
  // The names of this origin's IndexedDB databases.
  const databases = (page) => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
  // A reload is a load: its requests are not "after load"; any request after it is.
  const status = (page, id, text) => page.locator(`#${id}`, { hasText: text }).waitFor();

  test('results are kept encrypted, unlocked with the passphrase after a reload, and erased by Forget everything', async () => {
    const session = await openLoaded(env, '/');
    const { page } = session;
    await pickFiles(page, [RECORDS, CONNECTIONS]);
    const before = await rowTexts(page);
    assert.deepEqual(await databases(page), [], 'nothing is kept until asked');
    assert.equal(await page.locator('.day-open button').count(), 1);

    // Opt-in and collapsed, under the report's actions.
    assert.equal(await page.locator('#keep-pass').isVisible(), false);
    await page.click('#keep summary');
    assert.match(await page.textContent('#keep'), /the results, not your files/);
    assert.match(await page.textContent('#keep'), /No one can recover this passphrase/);
    assert.equal(await page.getAttribute('#keep-pass', 'autocomplete'), 'new-password');
    assert.equal(await page.getAttribute('#keep-status', 'role'), 'status');
    await axe(page, 'the keep panel');

    // Too short, then not the same twice: said, and focus goes to the field to fix.
    await page.fill('#keep-pass', 'short');
    await page.fill('#keep-again', 'short');
    await page.click('#keep-save');
    await status(page, 'keep-status', 'The passphrase must be at least 8 characters long.');
    await page.waitForFunction(() => document.activeElement?.id === 'keep-pass');
    assert.equal(await page.getAttribute('#keep-pass', 'aria-invalid'), 'true');
    await page.fill('#keep-pass', PASSPHRASE);
    await page.fill('#keep-again', `${PASSPHRASE}!`);
    await page.click('#keep-save');
    await status(page, 'keep-status', 'The two passphrases are not the same.');
    await page.waitForFunction(() => document.activeElement?.id === 'keep-again');
    await axe(page, 'the keep panel with a mistake');
    assert.deepEqual(await databases(page), []);

    await page.fill('#keep-again', PASSPHRASE);
    await page.click('#keep-save');
    await status(page, 'keep-status', 'Results kept on this device, encrypted.');
    assert.equal(await page.inputValue('#keep-pass'), '', 'the passphrase is not left in the form');
    // One record, encrypted: no file name, finding or size in it.
    const record = await page.evaluate(() => new Promise((ok, fail) => {
      const open = indexedDB.open('reflet');
      open.onerror = () => fail(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const get = db.transaction('kept').objectStore('kept').getAll();
        get.onsuccess = () => {
          db.close();
          ok(get.result.map((r) => ({
            keys: Object.keys(r).sort(), version: r.version, iterations: r.iterations,
            salt: r.salt.length, iv: r.iv.length, bytes: r.data.length,
            text: new TextDecoder('latin1').decode(r.data),
          })));
        };
      };
    }));
    assert.equal(record.length, 1);
    const [kept] = record;
    assert.deepEqual([kept.keys, kept.version, kept.iterations, kept.salt, kept.iv],
      [['data', 'iterations', 'iv', 'salt', 'version'], 1, 600000, 16, 12]);
    assert.ok(kept.bytes > 1000, `${kept.bytes} bytes`);
    for (const clear of ['Records.json', 'club_members', 'Russia', 'google.records']) {
      assert.ok(!kept.text.includes(clear), `"${clear}" is stored in clear`);
    }

    // Next visit: the landing page offers to unlock them.
    await reloadLoaded(session);
    await page.waitForSelector('#unlock-title');
    assert.equal(await page.$('#files'), null);
    assert.equal(await page.getAttribute('#unlock-pass', 'autocomplete'), 'current-password');
    // "Forget everything" is offered: something is kept.
    assert.equal(await page.locator('#forget').isVisible(), true);
    await axe(page, 'the landing page with kept results');

    // A wrong passphrase fails AES-GCM's check: said clearly, nothing crashes.
    await page.fill('#unlock-pass', 'correct horse battery stapler');
    await page.click('#unlock');
    await status(page, 'unlock-status', 'Wrong passphrase: the results stay locked.');
    await page.waitForFunction(() => document.activeElement?.id === 'unlock-pass');
    assert.equal(await page.getAttribute('#unlock-pass', 'aria-invalid'), 'true');
    assert.equal(await page.$('#files'), null);
    await page.click('#lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    assert.equal(await page.textContent('#unlock-title'), 'Déverrouiller vos résultats gardés');
    assert.match(await page.textContent('#unlock-status'), /^Phrase de passe incorrecte\u00a0: les résultats restent verrouillés\./);
    await axe(page, 'the landing page with kept results, in French');
    await page.click('#lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'en');

    // The right one: the same files, with the same findings, word for word.
    await page.fill('#unlock-pass', PASSPHRASE);
    await page.click('#unlock');
    await page.waitForSelector('#files');
    await page.waitForFunction(() => document.activeElement?.id === 'files-title');
    assert.deepEqual(await rowTexts(page), before);
    assert.equal((await page.textContent('#announcer')).trim(), 'Results unlocked: 2 files.');
    assert.match(await page.textContent('#restored-note'), /without your files/);
    assert.equal(await page.getAttribute('#net-counter', 'data-count'), '0');
    // No day to see: the worker has not read the file (it was offered before the reload).
    assert.equal(await page.locator('.day-open button').count(), 0);

    // What needs the file itself says it is not at hand, calmly.
    const row = '#files tr:has(th .name:text-is("Records.json"))';
    await page.click(`${row} details.export summary`);
    await page.click(`${row} button[data-export-what="positions"][data-export-format="geojson"]`);
    await page.locator(`${row} .export-status`, { hasText: 'choose it again' }).waitFor();
    await page.click('#keep summary');
    assert.match(await page.textContent('#keep'), /Results are already kept on this device: keeping these replaces them\./);
    await axe(page, 'results unlocked');
    await page.click('#lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    assert.match(await page.textContent('#restored-note'), /sans vos fichiers/);
    await axe(page, 'results unlocked, in French');
    await page.click('#lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'en');

    // Forget everything: the page's memory and the device.
    await page.click('#forget');
    await page.waitForSelector('#landing-title');
    await page.waitForFunction(() => document.getElementById('announcer')?.textContent.trim()
      === "Everything has been erased, from this page's memory and from this device.");
    assert.deepEqual(await databases(page), []);
    assert.equal(await page.$('#unlock-title'), null);
    assert.equal(await page.$('#forget'), null);
    await page.waitForFunction(() => document.activeElement?.id === 'landing-title');
    // And after a reload, still nothing: looking for kept results creates no database.
    await reloadLoaded(session);
    await page.waitForTimeout(300);
    assert.equal(await page.$('#unlock-title'), null);
    assert.deepEqual(await databases(page), []);
    await axe(page, 'the landing page after forgetting');
    await finish(session);
  });

  test('where the browser cannot encrypt (not a secure address), the panel says why instead of a button', async () => {
    const session = await openLoaded(env, '/', {
      before: (page) => page.addInitScript(() => Object.defineProperty(window, 'isSecureContext', { value: false })),
    });
    const { page } = session;
    await pickFiles(page, [RECORDS]);
    await page.click('#keep summary');
    assert.match(await page.textContent('#keep-unavailable'), /needs a secure address \(https\)/);
    assert.equal(await page.$('#keep-save'), null);
    assert.equal(await page.$('#keep-pass'), null);
    await axe(page, 'the keep panel where it cannot keep');
    await page.click('#lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    assert.match(await page.textContent('#keep-unavailable'), /demande une adresse sécurisée \(https\)/);
    await axe(page, 'the keep panel where it cannot keep, in French');
    assert.deepEqual(await databases(page), []);
    await finish(session);
  });
});
