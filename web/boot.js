// Runs before the app, on every page: each page's head has it, before
// go-app's scripts (server/inline.go).
(function () {
  // Where storage is blocked (sandboxed or storage-blocked iframes, some
  // private modes) reading localStorage throws, and go-app would fail to
  // start. Replace it with an in-memory store: the calculator still works,
  // nothing is kept.
  function memoryStorage() {
    var data = {};
    return {
      getItem: function (k) { return Object.prototype.hasOwnProperty.call(data, k) ? data[k] : null; },
      setItem: function (k, v) { data[k] = String(v); },
      removeItem: function (k) { delete data[k]; },
      clear: function () { data = {}; },
      key: function (i) { return Object.keys(data)[i] || null; },
      get length() { return Object.keys(data).length; }
    };
  }
  ["localStorage", "sessionStorage"].forEach(function (name) {
    try {
      var s = window[name];
      s.setItem("__jifen_probe__", "1");
      s.removeItem("__jifen_probe__");
    } catch (e) {
      try {
        Object.defineProperty(window, name, { value: memoryStorage(), configurable: true });
      } catch (e2) { /* nothing more to do */ }
    }
  });

  // In an opaque origin (a sandboxed iframe without allow-same-origin)
  // there is no service worker: give go-app one that never registers,
  // instead of a SecurityError in the console.
  var serviceWorkerUsable = true;
  try { serviceWorkerUsable = !!navigator.serviceWorker; } catch (e) { serviceWorkerUsable = false; }
  if (!serviceWorkerUsable || window.origin === "null") {
    var noop = function () {};
    try {
      Object.defineProperty(navigator, "serviceWorker", {
        configurable: true,
        value: { register: function () { return new Promise(noop); }, addEventListener: noop, ready: new Promise(noop) }
      });
    } catch (e) { /* nothing more to do */ }
  }

  // repeatVisit says that a service worker of ours answers for this page.
  function repeatVisit() { return serviceWorkerUsable && !!navigator.serviceWorker.controller; }

  // app.wasm is downloaded and compiled in a worker (web/wasm-worker.js),
  // started now so that it is running when the page asks for the wasm;
  // the main thread only instantiates the compiled module. Where there is
  // no worker (an opaque origin, an old browser) go-app's own loading on
  // the main thread is used. This script's data-web says where the assets
  // are, /VERSION/web/ (made absolute: a blob: worker has no address of
  // ours to resolve it against).
  //
  // On a first visit the worker is made from the copy of its script the
  // page carries (#jifen-worker, server/inline.go). As a file, that script
  // came some 150 ms after the page had been painted on slow 4G, and the
  // download waited for it. On a repeat visit the service worker has the
  // file at once, and a worker from that address is surely one it answers
  // for.
  var wasmWorker = null;
  var web = "";
  try {
    web = (document.currentScript && document.currentScript.getAttribute("data-web")) || "";
    if (web) web = new URL(web, location.href).href;
    if (web && window.Worker && window.WebAssembly && window.origin !== "null") {
      wasmWorker = workerFromPage();
      window.jifenWorkerFrom = wasmWorker ? "page" : "file"; // browser tests check it
      if (!wasmWorker) wasmWorker = new Worker(web + "wasm-worker.js");
    }
  } catch (e) { wasmWorker = null; }

  function workerFromPage() {
    try {
      var text = document.getElementById("jifen-worker");
      if (!text || !window.Blob || !URL.createObjectURL) return null;
      if (repeatVisit()) return null;
      var src = "self.jifenWeb = " + JSON.stringify(web) + ";\n" + text.textContent;
      var url = URL.createObjectURL(new Blob([src], { type: "text/javascript" }));
      var w = new Worker(url);
      setTimeout(function () { URL.revokeObjectURL(url); }, 0);
      return w;
    } catch (e) { return null; } // a policy without blob: workers: the file then
  }

  var framed = true;
  try { framed = window.self !== window.top; } catch (e) { framed = true; }

  // The download starts once the pre-rendered page has been painted, not
  // before: a page whose largest paint came after app.wasm had arrived
  // would look, to Lighthouse's simulation of a slow phone, as if it
  // waited for the 1.2 MB download. So it starts two frames after the
  // page is both parsed and first painted (its first contentful paint;
  // where paint timing is missing, parsed is enough), or a second after
  // it is parsed at the latest. Parsed is readyState "interactive", before
  // the deferred scripts run: go-app's scripts come after the page is
  // painted on a slow network (they are not needed to draw it), and the
  // download would wait for them. The worker is told then ({fetch}), not
  // when go-app asks for the module. A hidden or framed page, where frames
  // may not come (an offscreen iframe is not drawn), starts once it is
  // parsed.
  var painted = new Promise(function (resolve) {
    var unseen = framed || document.visibilityState === "hidden";
    var isParsed = false, isPainted = unseen;
    var both = function () {
      if (!isParsed || !isPainted) return;
      if (unseen) return resolve();
      requestAnimationFrame(function () { requestAnimationFrame(function () { setTimeout(resolve, 0); }); });
    };
    var parsed = function () {
      if (isParsed) return;
      isParsed = true;
      setTimeout(resolve, 1000);
      both();
    };
    if (document.readyState === "loading") {
      document.addEventListener("readystatechange", function () { if (document.readyState !== "loading") parsed(); });
    } else parsed();
    if (unseen) return;
    try {
      new PerformanceObserver(function (list, obs) {
        if (!list.getEntriesByName("first-contentful-paint").length) return;
        obs.disconnect();
        isPainted = true;
        both();
      }).observe({ type: "paint", buffered: true });
    } catch (e) { isPainted = true; /* no paint timing: parsed is enough */ }
    document.addEventListener("visibilitychange", function () { resolve(); });
  });
  var wasmSrc = web ? web + "app.wasm" : "";
  painted.then(function () {
    if (wasmWorker && wasmSrc) wasmWorker.postMessage({ fetch: wasmSrc });
  });

  // How long the page waits, once the module is here, for the worker's
  // warm-up run before it runs the app anyway.
  var warmWait = 2000;
  function wasmExecURL() {
    var s = document.querySelector('script[src$="/wasm_exec.js"]');
    return s ? s.src : "";
  }

  // window.jifenWasm is called by go-app's app.js (changed by the server)
  // in place of its own instantiateStreaming(fetchWithProgress(…)): it
  // resolves to {instance} like that call; progress(percent) feeds the
  // loader's label as before; mainThread() is go-app's own way, used when
  // the worker is missing or fails.
  window.jifenWasm = function (url, progress, imports, size, mainThread) {
    return painted.then(function () {
      var w = wasmWorker;
      wasmWorker = null;
      if (!w) return mainThread();
      return new Promise(function (resolve, reject) {
        // Once the module is here, the page instantiates it at once and
        // runs it when the worker has warmed it up (its {warmed}: see
        // wasm-warm.js) or after warmWait ms, whichever comes first.
        // On a repeat visit (a service worker answers) the browser has
        // the module's compiled code from the last visit: the warm-up costs
        // more than it saves (repeat visit interactive 520-600 ms against
        // 400-440 ms), so the worker skips it and the page runs at once.
        var repeat = repeatVisit();
        if (repeat) window.jifenWarmed = "skipped: repeat visit";
        var instance = null, warmed = repeat, settled = false;
        var go = function () {
          if (settled || !instance || !warmed) return;
          settled = true;
          w.terminate();
          resolve({ instance: instance });
        };
        var failed = function (e) {
          if (e && e.preventDefault) e.preventDefault();
          if (instance || settled) { warmed = true; go(); return; }
          settled = true;
          w.terminate();
          mainThread().then(resolve, reject);
        };
        w.onerror = failed;
        w.onmessageerror = failed;
        w.onmessage = function (e) {
          var d = e.data || {};
          if (typeof d.progress === "number") progress(d.progress);
          else if (d.module) {
            window.jifenDownloads = d.downloads; // of app.wasm: 1 (browser tests check it)
            setTimeout(function () { warmed = true; go(); }, warmWait);
            WebAssembly.instantiate(d.module, imports).then(function (inst) { instance = inst; go(); }, function (err) {
              settled = true;
              w.terminate();
              reject(err);
            });
          } else if (d.warmed) {
            window.jifenWarmed = String(d.warmed); // how it ended: "ready" when whole (browser tests check it)
            warmed = true;
            go();
          } else failed();
        };
        w.postMessage({
          url: url, size: parseInt(size, 10) || 0,
          wasmExec: wasmExecURL(), warm: !repeat,
          page: {
            href: location.href, width: window.innerWidth, height: window.innerHeight,
            env: typeof goappEnv === "object" && goappEnv ? goappEnv : {}
          }
        });
      });
    });
  };

  // A new version: go-app learns of it from the service worker's
  // registration, which app.js makes only once the app has drawn its page,
  // and a worker found and activated before that (the browser checks on
  // every navigation) would go unnoticed. Its taking over the page
  // (controllerchange, the worker claims its clients) is the sure sign:
  // tell go-app then too (it shows 新版本可用). On a first visit the first
  // worker's claim is no update.
  try {
    if (repeatVisit()) {
      navigator.serviceWorker.addEventListener("controllerchange", function () {
        if (typeof window.goappOnUpdate === "function") window.goappOnUpdate();
      });
    }
  } catch (e) { /* no service worker */ }

  // Go's URL parser refuses a whole address for one bad escape ("%zz",
  // a lone "%", as chat apps sometimes leave in links), and the app could
  // not start: escape such a "%" before the app reads the address, on
  // load and when only the fragment changes. The profile parser then
  // names the bad value.
  function safeAddress() {
    var fix = function (s) { return s.replace(/%(?![0-9A-Fa-f]{2})/g, "%25"); };
    var p = location.pathname, h = location.hash;
    if (fix(p) !== p || fix(h) !== h) {
      try { history.replaceState(history.state, "", fix(p) + location.search + fix(h)); } catch (e) { /* nothing more to do */ }
    }
  }
  safeAddress();
  window.addEventListener("popstate", safeAddress);

  // Each page load has a number (window.jifenLoads); the app sets
  // window.jifenReady to it once it runs and shows the visitor's page.
  // Browser tests wait on these instead of sleeping.
  var loads = 1;
  try { loads = (parseInt(sessionStorage.getItem("jifen.loads"), 10) || 0) + 1; sessionStorage.setItem("jifen.loads", String(loads)); } catch (e) { /* memory only */ }
  window.jifenLoads = loads;
  // window.jifenStarted resolves once the app has drawn this load's page:
  // app.js (changed by the server) removes the loader then, not when Go's
  // start first yields to the browser, so that until the app has drawn,
  // taps are still recorded here.
  var ready = 0, started;
  window.jifenStarted = new Promise(function (resolve) { started = resolve; });
  Object.defineProperty(window, "jifenReady", {
    configurable: true,
    get: function () { return ready; },
    set: function (v) {
      ready = v;
      if (v === loads) started();
    }
  });

  // Until the app runs, the visitor already sees the pre-rendered page.
  // Whatever they pick or type there is recorded, and a press of a
  // primary button (data-pending) is remembered, so that the app applies
  // both when it starts; meanwhile the button says it is waiting.
  function loading() { return window.jifenReady !== loads && !!document.getElementById("app-wasm-loader"); }
  var pending = window.jifenPending = { fields: [], action: "" };
  function record(e) {
    var el = e.target;
    if (!loading() || !el || !el.tagName || !/^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) return;
    pending.fields.push({ id: el.id || "", name: el.name || "", type: el.type || "", value: el.value, checked: !!el.checked });
  }
  document.addEventListener("change", record, true);
  document.addEventListener("input", record, true);

  var waiting = null;
  function progress() {
    if (!waiting) return;
    var label = document.getElementById("app-wasm-loader-label");
    var m = label && /(\d+)%/.exec(label.textContent || "");
    waiting.textContent = "正在加载…" + (m ? " " + m[1] + "%" : "");
    if (loading()) setTimeout(progress, 200);
  }
  function press(button) {
    pending.action = button.getAttribute("data-pending");
    if (waiting) return;
    waiting = button;
    button.setAttribute("aria-busy", "true");
    button.classList.add("btn-waiting");
    progress();
  }
  document.addEventListener("click", function (e) {
    if (!loading()) return;
    var b = e.target && e.target.closest && e.target.closest("[data-pending]");
    if (!b) return;
    e.preventDefault();
    press(b);
  }, true);
  // Enter in a field submits the form natively, which would reload the
  // page: hold it, and press the form's primary button instead.
  document.addEventListener("submit", function (e) {
    if (!loading()) return;
    e.preventDefault();
    var b = e.target.querySelector("[data-pending]");
    if (b) press(b);
  }, true);

  if (framed) document.documentElement.classList.add("framed");

  // /embed in a frame: tell the parent page our height on every change,
  // as {type: "jifen:resize", height}, only to the parent origin it was
  // given (embed.js gives its page's origin). Without a valid parent, or
  // when the browser names another page as the parent, nothing is posted
  // (the app checks the same before its own messages).
  function parentOrigin() {
    var s = new URLSearchParams(location.search).get("parent");
    if (!s) return "";
    try {
      var u = new URL(s);
      if ((u.protocol !== "https:" && u.protocol !== "http:") || u.username || u.password ||
          !/^https?:\/\/[^\/?#@]+$/i.test(s)) return "";
      var anc = location.ancestorOrigins;
      if (anc && anc.length && anc[0] !== "null" && anc[0] !== u.origin) return "";
      return u.origin;
    } catch (e) { return ""; }
  }
  var target = framed && location.pathname === "/embed" ? parentOrigin() : "";
  if (target) {
    var last = -1;
    var post = function () {
      var h = Math.ceil(document.body.getBoundingClientRect().height);
      if (h === last) return;
      last = h;
      try { window.parent.postMessage({ type: "jifen:resize", height: h }, target); } catch (e) { /* parent gone */ }
    };
    var start = function () {
      if (window.ResizeObserver) new ResizeObserver(post).observe(document.body);
      window.addEventListener("load", post);
      post();
    };
    if (document.body) start(); else document.addEventListener("DOMContentLoaded", start);
  }
  // The app never exits: when something goes wrong in it (see
  // tools/wasm-workspace.sh, jifenSafe), it calls jifenFault, which says
  // so once and offers what can fix a device whose saved data is damaged.
  window.jifenFault = function () {
    if (document.getElementById("jifen-fault") || !document.body) return;
    var box = document.createElement("div");
    box.id = "jifen-fault";
    box.className = "fault";
    box.setAttribute("role", "alert");
    var p = document.createElement("p");
    p.textContent = "页面出了点问题，刚才的操作可能没有完成。如果一直这样，可能是这台设备上保存的数据损坏了。";
    var clear = document.createElement("button");
    clear.type = "button";
    clear.className = "btn btn-small";
    clear.textContent = "清除我的数据并重新打开";
    clear.addEventListener("click", function () {
      try {
        for (var i = localStorage.length - 1; i >= 0; i--) {
          var k = localStorage.key(i);
          if (k && k.indexOf("jifen.") === 0) localStorage.removeItem(k);
        }
      } catch (e) { /* nothing more to do */ }
      location.replace(location.pathname);
    });
    var close = document.createElement("button");
    close.type = "button";
    close.className = "btn btn-small btn-ghost";
    close.textContent = "关闭";
    close.addEventListener("click", function () { box.remove(); });
    box.appendChild(p);
    box.appendChild(clear);
    box.appendChild(close);
    document.body.appendChild(box);
    clear.focus();
  };
})();
