// Downloads and compiles app.wasm off the page's main thread (started by
// boot.js, from this file or from the copy each page carries). Compiling
// on the main thread would block it for hundreds of milliseconds on a
// phone while the visitor is already reading and tapping the pre-rendered
// page.
//
// The page sends two messages: {fetch: url} once it has been painted
// (boot.js), which starts the download and its compilation, and {url,
// size, wasmExec, warm, page} when go-app asks for the module (its app.js
// may arrive later than boot.js). Only after the second does this post
// anything: {progress: 0…100} as the bytes arrive, then {module} (the page
// instantiates it), or {error} (the page then loads it the usual way).
var started = null; // {url, loaded: bytes so far, module: Promise}
var asked = null;   // the page's second message
var last = -1;
var downloads = 0;  // told with the module: 1 unless the page asked for another file

function tellProgress(p) {
  if (p !== last) {
    last = p;
    self.postMessage({ progress: p });
  }
}

function progress() {
  if (asked && asked.size > 0) tellProgress(Math.min(100, Math.round(started.loaded * 100 / asked.size)));
}

// absolute resolves url against the assets' folder: this script's own
// address, or, when boot.js made the worker from the page's copy (a blob:
// URL), the folder boot.js gave it (self.jifenWeb).
function absolute(url) {
  try { return new URL(url, self.jifenWeb || self.location.href).href; } catch (e) { return String(url); }
}

function start(url) {
  var s = { url: absolute(url), loaded: 0, module: null };
  downloads++;
  s.module = fetch(s.url).then(function (res) {
    if (!res.ok) throw new Error("app.wasm: HTTP " + res.status);
    var body = res.body;
    if (body && self.TransformStream) {
      body = body.pipeThrough(new TransformStream({
        transform: function (chunk, out) {
          s.loaded += chunk.byteLength;
          if (started === s) progress();
          out.enqueue(chunk);
        }
      }));
    }
    var wasm = new Response(body, { headers: { "Content-Type": "application/wasm" } });
    return WebAssembly.compileStreaming ? WebAssembly.compileStreaming(wasm)
      : wasm.arrayBuffer().then(function (b) { return WebAssembly.compile(b); });
  });
  s.module.catch(function () { /* told once the page asks (below) */ });
  return s;
}

self.onmessage = function (e) {
  var d = e.data || {};
  if (d.fetch) {
    if (!started) started = start(d.fetch);
    return;
  }
  if (asked || !d.url) return;
  asked = d;
  // a page that asks for another file than the one started (it never
  // does: both are app.wasm beside boot.js) gets the one it asks for
  if (!started || started.url !== absolute(d.url)) started = start(d.url);
  progress();
  started.module.then(function (module) {
    tellProgress(100);
    self.postMessage({ module: module, downloads: downloads });
    if (d.warm !== false) warm(module, d); // not on a repeat visit (boot.js)
  }).catch(function (err) {
    self.postMessage({ error: String(err) });
  });
  // The warm-up's scripts are loaded now, while app.wasm downloads, not
  // after: each costs a round trip or two, and on a slow network they
  // delayed the app by about half a second. (importScripts blocks this
  // thread meanwhile; the download goes on.)
  if (d.warm !== false && d.wasmExec) {
    try { loadWarm(d); } catch (err) { /* warm tries again and reports it */ }
  }
};

// loadWarm loads wasm_exec.js and wasm-warm.js, those not loaded yet; it
// throws when one cannot be loaded.
function loadWarm(d) {
  if (!self.Go) importScripts(d.wasmExec);
  if (!self.jifenWarm) importScripts(absolute("wasm-warm.js"));
}

// Then the app's start is run here once (wasm-warm.js says why), and the
// page told {warmed: how it ended}; the page does not wait for it long.
function warm(module, d) {
  var told = false;
  var tell = function (how) {
    if (told) return;
    told = true;
    self.postMessage({ warmed: how });
  };
  try {
    if (!d.page || !d.wasmExec) return tell("no page");
    loadWarm(d);
    self.jifenWarm(module, d.page).then(tell, function () { tell("error"); });
  } catch (err) {
    tell("error");
  }
}
