// The worker's boot script, appended to the module's wasm-bindgen glue (an ES module: the worker is
// a module worker; src/worker/spawn.rs, and the benchmark's contenders page appends the same file).
// The first message is the compiled module, the one the page runs.
//
// Where the browser has JSPI (`WebAssembly.Suspending` and `WebAssembly.promising`, Chromium 137+),
// it wraps the `refletSuspend` import so that a call suspends the wasm stack until its promise
// settles, and calls the `reflet_drain` export through `WebAssembly.promising`: file reads then
// overlap parsing, and the worker is back in its event loop between slices (src/worker/blob.rs).
// Elsewhere `reflet_drain(false)` reads with FileReaderSync. A trap in a suspended call rejects its
// promise: it is thrown again from a task so that the page gets the worker's `error` event, as
// it does without JSPI.
;(function () {
  var promisingDrain = null;
  // Slices are read by a second worker, so that reading runs on another thread while this one
  // parses: a read started here would only progress when this thread is idle, as the browser
  // hands a blob's bytes over through the reading thread's event loop. The reader gets the blob
  // once and transfers each slice back (no copy). If it cannot start, slices are read here.
  function direct(blob, start, end) {
    return blob.slice(start, end).arrayBuffer().then(null, function () { return null; });
  }
  var READER = 'self.onmessage = function (e) {\n'
    + '  var d = e.data;\n'
    + '  if (d.blob) self.blob = d.blob;\n'
    + '  self.blob.slice(d.start, d.end).arrayBuffer().then(function (b) {\n'
    + '    self.postMessage({ id: d.id, buffer: b }, [b]);\n'
    + '  }, function () { self.postMessage({ id: d.id, buffer: null }); });\n'
    + '};\n';
  var reader = null;
  var lastBlob = null;
  var lastId = 0;
  var waiting = new Map();
  function startReader() {
    try {
      var url = URL.createObjectURL(new Blob([READER], { type: 'text/javascript' }));
      reader = new Worker(url, { name: 'reflet-reader' });
      URL.revokeObjectURL(url);
    } catch (e) {
      reader = false;
      return;
    }
    reader.onmessage = function (event) {
      var read = waiting.get(event.data.id);
      waiting.delete(event.data.id);
      if (read) read.resolve(event.data.buffer);
    };
    reader.onerror = function (event) {
      event.preventDefault();
      reader = false;
      waiting.forEach(function (read) { read.resolve(direct(read.blob, read.start, read.end)); });
      waiting.clear();
    };
  }
  // Only called under the promising entry, once the reader has been started (below).
  self.refletRead = function (blob, start, end) {
    if (!reader) return direct(blob, start, end);
    return new Promise(function (resolve) {
      lastId += 1;
      waiting.set(lastId, { resolve: resolve, blob: blob, start: start, end: end });
      reader.postMessage({ id: lastId, blob: blob === lastBlob ? null : blob, start: start, end: end });
      lastBlob = blob;
    });
  };
  self.refletSuspend = function (promise) { return promise; };
  var ticks = new MessageChannel();
  var ticked = [];
  ticks.port1.onmessage = function () { ticked.shift()(); };
  self.refletYield = function () {
    return new Promise(function (resolve) { ticked.push(resolve); ticks.port2.postMessage(null); });
  };
  self.refletDrainSoon = function () {
    queueMicrotask(function () {
      if (promisingDrain) {
        promisingDrain(1).then(null, function (error) { setTimeout(function () { throw error; }); });
      } else {
        reflet_drain(false);
      }
    });
  };
  var jspi = typeof WebAssembly.Suspending === 'function' && typeof WebAssembly.promising === 'function';
  var instantiate = WebAssembly.instantiate;
  if (jspi) {
    WebAssembly.instantiate = function (module, imports) {
      WebAssembly.instantiate = instantiate;
      var wrapped = 0;
      Object.keys(imports).forEach(function (space) {
        Object.keys(imports[space]).forEach(function (name) {
          if (name.indexOf('__wbg_refletSuspend_') === 0) {
            imports[space][name] = new WebAssembly.Suspending(imports[space][name]);
            wrapped += 1;
          }
        });
      });
      return instantiate.call(WebAssembly, module, imports).then(function (result) {
        // An instance when given a module (as here), `{ module, instance }` when given bytes.
        var instance = result instanceof WebAssembly.Instance ? result : result.instance;
        if (wrapped === 1 && typeof instance.exports.reflet_drain === 'function') {
          promisingDrain = WebAssembly.promising(instance.exports.reflet_drain);
          // Started now, while the worker warms up, rather than on the first file's first read.
          startReader();
        }
        return result;
      });
    };
  }
  self.onmessage = function (event) {
    self.onmessage = null;
    __wbg_init({ module_or_path: event.data }).catch(function () {
      WebAssembly.instantiate = instantiate;
      self.postMessage({ json: '"boot_failed"' });
    });
  };
})();
