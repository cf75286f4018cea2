// Results kept on this device, encrypted (issue 11; the format and the reasons: src/ui/vault.rs).
// A global, `self.refletVault`, not a wasm-bindgen snippet: the worker runs the page's glue from a
// `blob:` URL (src/worker/spawn.rs), where a snippet's relative import cannot resolve. The worker
// never calls it. Promises reject with a code: 'unavailable', 'none', 'wrong' (AES-GCM's check
// failed: another passphrase), 'version', 'storage'. IndexedDB and WebCrypto make no request.
(function () {
  'use strict';
  var DB = 'reflet';
  var STORE = 'kept';
  var KEY = 'results';
  var ITERATIONS = 600000;

  // '' when results can be kept here; otherwise why not.
  function why() {
    if (!self.isSecureContext) return 'insecure';
    if (!self.crypto || !crypto.subtle || !crypto.getRandomValues) return 'crypto';
    if (!self.indexedDB) return 'storage';
    return '';
  }

  function code(c) { return function () { throw c; }; }

  // Opens the database. Unless `create`, a database that is not there is not made: its creation
  // is aborted, and null comes back.
  function open(create) {
    return new Promise(function (ok, fail) {
      var request;
      try { request = indexedDB.open(DB, 1); } catch (e) { fail('storage'); return; }
      var absent = false;
      request.onupgradeneeded = function () {
        if (create) {
          request.result.createObjectStore(STORE);
        } else {
          absent = true;
          request.transaction.abort();
        }
      };
      request.onsuccess = function () {
        var db = request.result;
        // Never hold up "Forget everything" (deleteDatabase waits for open connections).
        db.onversionchange = function () { db.close(); };
        ok(db);
      };
      request.onerror = function (event) {
        event.preventDefault();
        if (absent) ok(null); else fail('storage');
      };
    });
  }

  // Runs one request on the store and resolves with its result once the transaction is done;
  // the database is closed either way.
  function run(db, mode, make) {
    return new Promise(function (ok, fail) {
      var result;
      try {
        var tx = db.transaction(STORE, mode);
        var request = make(tx.objectStore(STORE));
        request.onsuccess = function () { result = request.result; };
        tx.oncomplete = function () { db.close(); ok(result); };
        tx.onerror = function (event) { event.preventDefault(); };
        tx.onabort = function () { db.close(); fail('storage'); };
      } catch (e) {
        db.close();
        fail('storage');
      }
    });
  }

  function derive(passphrase, salt, iterations) {
    var bytes = new TextEncoder().encode(passphrase.normalize('NFC'));
    return crypto.subtle.importKey('raw', bytes, 'PBKDF2', false, ['deriveKey']).then(function (base) {
      return crypto.subtle.deriveKey(
        { name: 'PBKDF2', hash: 'SHA-256', salt: salt, iterations: iterations },
        base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    });
  }

  function usable() {
    return why() ? Promise.reject('unavailable') : Promise.resolve();
  }

  // Saving and erasing run one after the other, in the order asked: an erase asked while a save
  // derives its key (about a second on a tablet) waits for it, then erases what it wrote.
  var queue = Promise.resolve();
  function inTurn(job) {
    var next = queue.then(job, job);
    queue = next.then(null, function () {});
    return next;
  }

  self.refletVault = {
    why: why,

    // Whether a record is kept here; false where storage cannot be read.
    exists: function () {
      return usable().then(function () { return open(false); }).then(function (db) {
        if (!db) return false;
        return run(db, 'readonly', function (s) { return s.count(KEY); }).then(function (n) { return n > 0; });
      }).then(null, function () { return false; });
    },

    // Encrypts `text` with a key from `passphrase` and keeps it, replacing any earlier record.
    save: function (passphrase, text) {
      return inTurn(function () { return save(passphrase, text); });
    },

    // The text kept, decrypted with a key from `passphrase`.
    unlock: function (passphrase) {
      return inTurn(function () { return unlock(passphrase); });
    },

    // Erases the database (resolves at once if there is none).
    wipe: function () {
      return inTurn(wipe);
    },
  };

  // Encrypts `text` with a key from `passphrase` and keeps it, replacing any earlier record.
  function save(passphrase, text) {
    var salt;
    var iv;
    return usable().then(function () {
      salt = crypto.getRandomValues(new Uint8Array(16));
      iv = crypto.getRandomValues(new Uint8Array(12));
      return derive(passphrase, salt, ITERATIONS);
    }).then(function (key) {
      return crypto.subtle.encrypt({ name: 'AES-GCM', iv: iv }, key, new TextEncoder().encode(text));
    }).then(null, code('unavailable')).then(function (data) {
      var record = { version: 1, iterations: ITERATIONS, salt: salt, iv: iv, data: new Uint8Array(data) };
      return open(true).then(function (db) {
        return run(db, 'readwrite', function (s) { return s.put(record, KEY); });
      });
    }).then(function () { return true; });
  }

  // The text kept, decrypted with a key from `passphrase`.
  function unlock(passphrase) {
    return usable().then(function () { return open(false); }).then(function (db) {
      if (!db) throw 'none';
      return run(db, 'readonly', function (s) { return s.get(KEY); });
    }).then(function (record) {
      if (!record) throw 'none';
      var n = record.iterations;
      if (record.version !== 1 || typeof n !== 'number' || n < 100000 || n > 10000000
        || !(record.salt instanceof Uint8Array) || !(record.iv instanceof Uint8Array)
        || !(record.data instanceof Uint8Array)) throw 'version';
      return derive(passphrase, record.salt, n).then(null, code('unavailable')).then(function (key) {
        // AES-GCM checks its tag: another passphrase gives another key, and the check fails.
        return crypto.subtle.decrypt({ name: 'AES-GCM', iv: record.iv }, key, record.data)
          .then(function (plain) { return new TextDecoder().decode(plain); }, code('wrong'));
      });
    });
  }

  // Erases the database (resolves at once if there is none).
  function wipe() {
    return new Promise(function (ok, fail) {
      if (!self.indexedDB) { ok(true); return; }
      var request;
      try { request = indexedDB.deleteDatabase(DB); } catch (e) { fail('storage'); return; }
      request.onsuccess = function () { ok(true); };
      request.onerror = function (event) { event.preventDefault(); fail('storage'); };
    });
  }
})();
