// The warm-up run of app.wasm, in the worker that compiled it
// (wasm-worker.js loads this file). A browser compiles each WebAssembly
// function only when it first runs, on the thread that runs it, and the
// compiled code is then shared by every thread that uses the module. The
// app's start (Go's runtime and packages, go-app's engine, the first
// render of the page) is a few thousand functions run once: compiled on
// the page's main thread they are most of its start, hundreds of
// milliseconds on a phone during which the visitor's taps wait. So the
// worker runs the same start first, against a stand-in window: a small
// document that nobody sees, storage that starts empty and is thrown
// away, no network, no messages, no other page reached. The page then
// runs the app on compiled code.
//
// jifenWarm(module, page) resolves when the stand-in page reports the app
// ready (window.jifenReady), when Go stops, or on an error; it never
// rejects. page is {href, env, width, height}: the page's address,
// go-app's environment (goappEnv) and the viewport.
(function () {
  "use strict";

  function noop() {}

  // An element or a text node of the stand-in document: enough of the
  // DOM for go-app to create, attach, update and remove nodes, and for
  // the app to look them up.
  function Node(type, name, doc) {
    this.nodeType = type;
    this.nodeName = name;
    this.tagName = type === 1 ? name : undefined;
    this.ownerDocument = doc;
    this.parentNode = null;
    this.childNodes = [];
    this._attrs = {};
    this.style = new Style();
    this.dataset = {};
    this.classList = new ClassList(this);
    this.nodeValue = null;
    this.value = "";
    this.checked = false;
    this.disabled = false;
    this.scrollTop = 0;
    this.scrollLeft = 0;
  }
  var P = Node.prototype;
  Object.defineProperties(P, {
    parentElement: { get: function () { var p = this.parentNode; return p && p.nodeType === 1 ? p : null; } },
    children: { get: function () { return this.childNodes.filter(function (c) { return c.nodeType === 1; }); } },
    firstChild: { get: function () { return this.childNodes[0] || null; } },
    lastChild: { get: function () { return this.childNodes[this.childNodes.length - 1] || null; } },
    firstElementChild: { get: function () { return this.children[0] || null; } },
    lastElementChild: { get: function () { var c = this.children; return c[c.length - 1] || null; } },
    childElementCount: { get: function () { return this.children.length; } },
    nextSibling: { get: function () { return sibling(this, 1); } },
    previousSibling: { get: function () { return sibling(this, -1); } },
    isConnected: { get: function () { var n = this; while (n.parentNode) n = n.parentNode; return n.nodeType === 9; } },
    id: { get: function () { return this._attrs.id || ""; }, set: function (v) { this._attrs.id = String(v); } },
    className: { get: function () { return this._attrs["class"] || ""; }, set: function (v) { this._attrs["class"] = String(v); } },
    textContent: {
      get: function () { return this.nodeType === 3 ? this.nodeValue : this.childNodes.map(function (c) { return c.textContent; }).join(""); },
      set: function (v) { if (this.nodeType === 3) this.nodeValue = String(v); else this.childNodes = []; }
    },
    innerText: { get: function () { return this.textContent; }, set: function (v) { this.textContent = v; } },
    // go-app's Raw elements set a wrapper's innerHTML and take its first
    // child: one node standing for the markup's first element (or text).
    innerHTML: {
      get: function () { return ""; },
      set: function (v) {
        this.childNodes = [];
        var m = /^\s*<([A-Za-z][\w-]*)/.exec(String(v));
        var c = m ? new Node(1, m[1].toLowerCase() === "svg" ? "svg" : m[1].toUpperCase(), this.ownerDocument)
          : this.ownerDocument ? this.ownerDocument.createTextNode(String(v)) : null;
        if (c) this.appendChild(c);
      }
    },
    data: { get: function () { return this.nodeValue; }, set: function (v) { this.nodeValue = String(v); } }
  });
  function sibling(n, d) {
    var p = n.parentNode;
    if (!p) return null;
    return p.childNodes[p.childNodes.indexOf(n) + d] || null;
  }
  function detach(c) {
    if (!c) return;
    if (c.parentNode) {
      var i = c.parentNode.childNodes.indexOf(c);
      if (i >= 0) c.parentNode.childNodes.splice(i, 1);
    }
    c.parentNode = null;
  }
  P.appendChild = function (c) { detach(c); c.parentNode = this; this.childNodes.push(c); return c; };
  P.append = function () { for (var i = 0; i < arguments.length; i++) this.appendChild(arguments[i]); };
  P.insertBefore = function (c, ref) {
    detach(c);
    var i = ref ? this.childNodes.indexOf(ref) : -1;
    c.parentNode = this;
    if (i < 0) this.childNodes.push(c); else this.childNodes.splice(i, 0, c);
    return c;
  };
  P.removeChild = function (c) { detach(c); return c; };
  P.replaceChild = function (n, o) { this.insertBefore(n, o); detach(o); return o; };
  P.replaceWith = function (n) { if (this.parentNode) this.parentNode.replaceChild(n, this); };
  P.remove = function () { detach(this); };
  P.contains = function (n) { for (; n; n = n.parentNode) if (n === this) return true; return false; };
  P.setAttribute = function (k, v) { this._attrs[String(k)] = String(v); };
  P.getAttribute = function (k) { return Object.prototype.hasOwnProperty.call(this._attrs, k) ? this._attrs[k] : null; };
  P.hasAttribute = function (k) { return Object.prototype.hasOwnProperty.call(this._attrs, k); };
  P.removeAttribute = function (k) { delete this._attrs[k]; };
  P.toggleAttribute = function (k, on) {
    if (on === undefined) on = !this.hasAttribute(k);
    if (on) this._attrs[k] = ""; else delete this._attrs[k];
    return on;
  };
  P.setAttributeNS = function (ns, k, v) { this.setAttribute(k, v); };
  P.removeAttributeNS = function (ns, k) { this.removeAttribute(k); };
  P.addEventListener = noop;
  P.removeEventListener = noop;
  P.dispatchEvent = function () { return true; };
  P.focus = noop;
  P.blur = noop;
  P.click = noop;
  P.select = noop;
  P.setSelectionRange = noop;
  P.scrollIntoView = noop;
  P.scrollTo = noop;
  P.scrollBy = noop;
  P.showModal = noop;
  P.close = noop;
  P.reset = noop;
  P.submit = noop;
  P.getBoundingClientRect = function () { return { x: 0, y: 0, top: 0, left: 0, right: 0, bottom: 0, width: 0, height: 0 }; };
  P.getClientRects = function () { return []; };
  P.matches = function () { return false; };
  P.closest = function () { return null; };
  P.querySelector = function () { return null; };
  P.querySelectorAll = function () { return []; };
  P.getElementsByTagName = function () { return []; };
  P.getElementsByClassName = function () { return []; };
  P.cloneNode = function () { return new Node(this.nodeType, this.nodeName, this.ownerDocument); };
  P.offsetWidth = P.offsetHeight = P.offsetTop = P.offsetLeft = 0;
  P.clientWidth = P.clientHeight = P.scrollWidth = P.scrollHeight = 0;

  function Style() {}
  Style.prototype.setProperty = function (k, v) { this[k] = String(v); };
  Style.prototype.removeProperty = function (k) { var v = this[k]; delete this[k]; return v || ""; };
  Style.prototype.getPropertyValue = function (k) { return this[k] || ""; };

  function ClassList(el) { this._el = el; }
  ClassList.prototype._list = function () { return this._el.className.split(/\s+/).filter(Boolean); };
  ClassList.prototype.contains = function (c) { return this._list().indexOf(c) >= 0; };
  ClassList.prototype.add = function () {
    var l = this._list();
    for (var i = 0; i < arguments.length; i++) if (l.indexOf(arguments[i]) < 0) l.push(arguments[i]);
    this._el.className = l.join(" ");
  };
  ClassList.prototype.remove = function () {
    var drop = Array.prototype.slice.call(arguments);
    this._el.className = this._list().filter(function (c) { return drop.indexOf(c) < 0; }).join(" ");
  };
  ClassList.prototype.toggle = function (c, on) {
    if (on === undefined) on = !this.contains(c);
    if (on) this.add(c); else this.remove(c);
    return on;
  };

  function findByID(n, id) {
    if (n.nodeType === 1 && n._attrs.id === id) return n;
    for (var i = 0; i < n.childNodes.length; i++) {
      var f = findByID(n.childNodes[i], id);
      if (f) return f;
    }
    return null;
  }

  function newDocument(title) {
    var doc = new Node(9, "#document", null);
    var html = doc.appendChild(new Node(1, "HTML", doc));
    var head = html.appendChild(new Node(1, "HEAD", doc));
    var body = html.appendChild(new Node(1, "BODY", doc));
    body.appendChild(new Node(1, "DIV", doc)); // where the pre-rendered page is
    doc.documentElement = html;
    doc.head = head;
    doc.body = body;
    doc.title = title || "";
    doc.activeElement = body;
    doc.visibilityState = "visible";
    doc.hidden = false;
    doc.readyState = "complete";
    doc.referrer = "";
    doc.cookie = "";
    doc.createElement = function (tag) { return new Node(1, String(tag).toUpperCase(), doc); };
    doc.createElementNS = function (ns, tag) { return new Node(1, String(tag), doc); };
    doc.createTextNode = function (v) { var t = new Node(3, "#text", doc); t.nodeValue = String(v); return t; };
    doc.createDocumentFragment = function () { return new Node(11, "#document-fragment", doc); };
    doc.getElementById = function (id) { return findByID(html, String(id)); };
    return doc;
  }

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

  function Observer() {}
  Observer.prototype.observe = Observer.prototype.unobserve = Observer.prototype.disconnect = noop;
  Observer.prototype.takeRecords = function () { return []; };

  // What of the worker's own global the stand-in window passes through:
  // the language's builtins and a few pure web APIs. Everything else (the
  // network, messages, storage, other workers) is not there.
  var passThrough = ["Object", "Array", "Function", "String", "Number", "Boolean", "Symbol", "BigInt",
    "Date", "Math", "JSON", "Reflect", "Promise", "Error", "TypeError", "RangeError", "SyntaxError",
    "Map", "Set", "WeakMap", "WeakSet", "WeakRef", "RegExp", "Intl", "ArrayBuffer", "DataView",
    "Uint8Array", "Int8Array", "Uint8ClampedArray", "Uint16Array", "Int16Array", "Uint32Array",
    "Int32Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array",
    "URL", "URLSearchParams", "TextEncoder", "TextDecoder", "Event", "CustomEvent", "Blob",
    "crypto", "performance", "fs", "process", "path",
    "atob", "btoa", "encodeURIComponent", "decodeURIComponent", "encodeURI", "decodeURI",
    "escape", "unescape", "parseInt", "parseFloat", "isNaN", "isFinite", "structuredClone",
    "setTimeout", "clearTimeout", "setInterval", "clearInterval", "queueMicrotask",
    "NaN", "Infinity", "undefined"];

  function standIn(page, done) {
    var href = new URL(page.href);
    var doc = newDocument("");
    var loads = 1;
    var quiet = { log: noop, info: noop, warn: noop, error: noop, debug: noop };
    var base = {
      document: doc,
      location: {
        href: href.href, origin: href.origin, protocol: href.protocol, host: href.host,
        hostname: href.hostname, port: href.port, pathname: href.pathname, search: href.search,
        hash: href.hash, assign: noop, replace: noop, reload: noop, toString: function () { return href.href; }
      },
      history: { state: null, length: 1, pushState: noop, replaceState: noop, back: noop, forward: noop, go: noop },
      navigator: { userAgent: self.navigator.userAgent, language: "zh-CN", languages: ["zh-CN"], onLine: true, maxTouchPoints: 0, standalone: false },
      localStorage: memoryStorage(),
      sessionStorage: memoryStorage(),
      console: quiet,
      innerWidth: page.width || 390, innerHeight: page.height || 844,
      outerWidth: page.width || 390, outerHeight: page.height || 844,
      devicePixelRatio: 1, scrollX: 0, scrollY: 0, pageXOffset: 0, pageYOffset: 0,
      screen: { width: page.width || 390, height: page.height || 844 },
      matchMedia: function (q) { return { matches: false, media: String(q), addEventListener: noop, removeEventListener: noop, addListener: noop, removeListener: noop }; },
      getComputedStyle: function () { return new Style(); },
      requestAnimationFrame: function (f) { return setTimeout(function () { f(performance.now()); }, 16); },
      cancelAnimationFrame: function (id) { clearTimeout(id); },
      requestIdleCallback: function (f) { return setTimeout(function () { f({ didTimeout: false, timeRemaining: function () { return 0; } }); }, 1); },
      cancelIdleCallback: function (id) { clearTimeout(id); },
      scrollTo: noop, scrollBy: noop, scroll: noop, print: noop, alert: noop, focus: noop, blur: noop,
      open: function () { return null; },
      addEventListener: noop, removeEventListener: noop, dispatchEvent: function () { return true; },
      postMessage: noop,
      ResizeObserver: Observer, IntersectionObserver: Observer, MutationObserver: Observer,
      BroadcastChannel: function () { this.postMessage = this.close = this.addEventListener = this.removeEventListener = noop; },
      // go-app's app.js, as on the page
      goappGetenv: function (k) { return (page.env || {})[k]; },
      goappIsAppleBrowser: function () { return false; },
      goappIsAppInstalled: function () { return false; },
      goappIsAppInstallable: function () { return false; },
      goappTryUpdate: noop, goappShowInstallPrompt: noop, goappNav: noop, goappOnUpdate: noop,
      goappOnAppInstallChange: noop, goappUpdatedBeforeWasmLoaded: false, goappAppInstallChangedBeforeWasmLoaded: false,
      goappKeepBodyClean: function () { return noop; },
      goappSubscribePushNotifications: function () { return Promise.resolve(""); },
      goappNewNotification: noop,
      // web/boot.js, as on the page before the visitor did anything
      jifenLoads: loads,
      jifenPending: { fields: [], action: "" },
      jifenStarted: new Promise(noop),
      jifenFault: function (msg) { done("fault: " + String(msg).slice(0, 200)); }
    };
    Object.defineProperty(base, "jifenReady", {
      get: function () { return 0; },
      set: function (v) { if (v === loads) done("ready"); }
    });
    var win = new Proxy(base, {
      get: function (t, k) {
        if (k in t) return t[k];
        if (typeof k === "string" && passThrough.indexOf(k) >= 0) {
          var v = self[k];
          // a function of the global (not a constructor) needs the
          // global as its this
          return typeof v === "function" && /^[a-z]/.test(k) ? v.bind(self) : v;
        }
        return undefined;
      }
    });
    base.window = base.self = base.top = base.parent = base.globalThis = base.frames = win;
    base.opener = null;
    doc.defaultView = win;
    return win;
  }

  self.jifenWarm = function (module, page) {
    return new Promise(function (resolve) {
      var finished = false;
      var done = function (how) {
        if (finished) return;
        finished = true;
        resolve(how);
      };
      try {
        var win = standIn(page, done);
        var go = new self.Go();
        // Go's js.Global() is the fifth of the values wasm_exec.js gives
        // the program when it starts: the stand-in window instead of the
        // worker's global.
        var values;
        Object.defineProperty(go, "_values", {
          configurable: true,
          get: function () { return values; },
          set: function (v) { if (Array.isArray(v) && v.length > 5 && !values) v[5] = win; values = v; }
        });
        go.exit = function () { done("exit"); };
        WebAssembly.instantiate(module, go.importObject).then(function (instance) {
          return go.run(instance);
        }).then(function () { done("exit"); }, function () { done("error"); });
      } catch (e) {
        done("error");
      }
    });
  };
})();
