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
  window.jifenReady = 0;

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

  var framed = true;
  try { framed = window.self !== window.top; } catch (e) { framed = true; }
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
