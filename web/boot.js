// Runs before the app, on every page.
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

  // Until the app has started, a form would submit natively and reload the
  // page: hold it (the app handles the submit once it runs).
  document.addEventListener("submit", function (e) {
    if (document.getElementById("app-wasm-loader")) e.preventDefault();
  }, true);

  var framed = true;
  try { framed = window.self !== window.top; } catch (e) { framed = true; }
  if (framed) document.documentElement.classList.add("framed");

  // /embed in a frame: tell the parent page our height on every change,
  // as {type: "jifen:resize", height}, to the parent origin when given.
  if (framed && location.pathname === "/embed") {
    var target = "*";
    var parent = new URLSearchParams(location.search).get("parent");
    if (parent) {
      try {
        if (new URL(parent).origin === parent) target = parent;
      } catch (e) { /* a bad parent is ignored: the app warns */ }
    }
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
})();
