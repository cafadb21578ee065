// Runs before the app: where storage is blocked (sandboxed or
// storage-blocked iframes, some private modes) reading localStorage
// throws, and go-app would fail to start. Replace it with an in-memory
// store so that the calculator still works; nothing is kept then.
(function () {
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
      var probe = "__jifen_probe__";
      s.setItem(probe, "1");
      s.removeItem(probe);
    } catch (e) {
      try {
        Object.defineProperty(window, name, { value: memoryStorage(), configurable: true });
      } catch (e2) { /* nothing more to do */ }
    }
  });
  try {
    if (window.self !== window.top) document.documentElement.classList.add("framed");
  } catch (e) {
    document.documentElement.classList.add("framed");
  }
})();
