// Downloads and compiles app.wasm off the page's main thread (started by
// boot.js, told what to load by the page once it is drawn). Compiling on
// the main thread would block it for hundreds of milliseconds on a phone
// while the visitor is already reading and tapping the pre-rendered page.
// Posts {progress: 0…100} as the bytes arrive, then {module} (the page
// instantiates it), or {error} (the page then loads it the usual way).
self.onmessage = function (e) {
  var url = e.data && e.data.url, size = (e.data && e.data.size) || 0;
  var last = -1;
  var progress = function (p) {
    if (p !== last) {
      last = p;
      self.postMessage({ progress: p });
    }
  };
  fetch(url).then(function (res) {
    if (!res.ok) throw new Error("app.wasm: HTTP " + res.status);
    var loaded = 0;
    var body = res.body;
    if (size > 0 && body && self.TransformStream) {
      body = body.pipeThrough(new TransformStream({
        transform: function (chunk, out) {
          loaded += chunk.byteLength;
          progress(Math.min(100, Math.round(loaded * 100 / size)));
          out.enqueue(chunk);
        }
      }));
    }
    var wasm = new Response(body, { headers: { "Content-Type": "application/wasm" } });
    return WebAssembly.compileStreaming ? WebAssembly.compileStreaming(wasm)
      : wasm.arrayBuffer().then(function (b) { return WebAssembly.compile(b); });
  }).then(function (module) {
    progress(100);
    self.postMessage({ module: module });
    if (e.data.warm !== false) warm(module, e.data); // not on a repeat visit (boot.js)
  }).catch(function (err) {
    self.postMessage({ error: String(err) });
  });
  // The warm-up's scripts are loaded now, while app.wasm downloads, not
  // after: each costs a round trip or two, and on a slow network they
  // delayed the app by about half a second. (importScripts blocks this
  // thread meanwhile; the download goes on.)
  if (e.data && e.data.warm !== false) loadWarm(e.data);
};

// loadWarm loads wasm_exec.js and wasm-warm.js; warm tries again (and
// says how it failed) when this did not work.
function loadWarm(d) {
  try {
    if (d.wasmExec && !self.Go) importScripts(d.wasmExec);
    if (!self.jifenWarm) importScripts("wasm-warm.js");
  } catch (err) { /* warm reports it */ }
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
    if (!self.Go) importScripts(d.wasmExec);
    if (!self.jifenWarm) importScripts("wasm-warm.js");
    self.jifenWarm(module, d.page).then(tell, function () { tell("error"); });
  } catch (err) {
    tell("error");
  }
}
