/*
 * 上海居住证积分计算器: the partner snippet.
 *
 *   <div data-jifen-embed data-partner="某某咨询" data-cta="预约免费咨询"
 *        data-cta-url="https://partner.example/contact" data-theme="#0f6b5c"></div>
 *   <script src="https://OUR-SITE/web/embed.js" async></script>
 *
 * Turns every div[data-jifen-embed] into an iframe of /embed (also divs
 * added later, and again when its attributes change) and sizes it from
 * the {type: "jifen:resize", height} messages that the frame posts.
 *
 * Options: data-partner (the name the visitor sees), data-cta (button
 * text), data-cta-url (https: the contact page), data-theme (#rrggbb),
 * data-profile (prefilled answers, a profile query), data-height
 * (initial px), data-sandbox (a sandboxed iframe). A bad value is left
 * out with one console warning naming the attribute.
 *
 * Events, dispatched on the div (they bubble), only from our own frame:
 *   jifen:ready     {}                          the self-test runs
 *   jifen:step      {step, of}                  question step of of is shown
 *   jifen:complete  {}                          the result is shown
 *   jifen:lead      {total, meets, gap, reach}  only after the visitor saw
 *                   exactly this and pressed 发送并前往; reach "YYYY-MM" or null
 * No answer is ever in an event.
 */
(function () {
  if (window.jifenEmbed) return; // the snippet twice on a page: the first one serves
  var script = document.currentScript;
  var origin = new URL(script ? script.src : "/", location.href).origin;
  var embeds = []; // {div, frame, src}
  window.jifenEmbed = { version: 2 };

  var OPTIONS = ["data-partner", "data-cta", "data-cta-url", "data-theme", "data-profile", "data-sandbox", "data-height"];

  function warn(div, attr, value, want) {
    console.warn("jifen embed: ignoring " + attr + '="' + value + '"' + (div.id ? " on #" + div.id : "") + ": " + want);
  }
  // control and format characters (which could reorder what the visitor
  // reads), spelled out for browsers without \p{…} in regular expressions
  var CONTROL = /[\u0000-\u001f\u007f-\u009f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/;
  function label(div, attr, max) {
    if (!div.hasAttribute(attr)) return "";
    var raw = div.getAttribute(attr), v = raw.trim();
    if (!v || Array.from(v).length > max || CONTROL.test(v)) {
      warn(div, attr, raw, "want a text of 1 to " + max + " characters");
      return "";
    }
    return v;
  }
  function httpsURL(div, attr) {
    if (!div.hasAttribute(attr)) return "";
    var raw = div.getAttribute(attr);
    try {
      var u = new URL(raw);
      if (u.protocol === "https:" && u.hostname && !u.username && !u.password && raw.length <= 2000 && !/\s/.test(raw)) return u.href;
    } catch (e) { /* below */ }
    warn(div, attr, raw, "want an https:// address such as https://partner.example/contact");
    return "";
  }
  function theme(div) {
    if (!div.hasAttribute("data-theme")) return "";
    var raw = div.getAttribute("data-theme");
    if (/^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.test(raw.trim())) return "#" + raw.trim().replace(/^#/, "");
    warn(div, "data-theme", raw, "want a colour such as #0f6b5c");
    return "";
  }
  function height(div) {
    if (!div.hasAttribute("data-height")) return 560;
    var raw = div.getAttribute("data-height"), h = Number(raw);
    if (/^\s*\d+\s*$/.test(raw) && h >= 120 && h <= 10000) return h;
    warn(div, "data-height", raw, "want a number of pixels from 120 to 10000");
    return 560;
  }

  // the frame's own options in the query; the prefilled answers after
  // "#", which the browser sends to no server
  function frameSrc(div) {
    var params = new URLSearchParams();
    params.set("parent", location.origin);
    var values = { theme: theme(div), partner: label(div, "data-partner", 30), cta: label(div, "data-cta", 16), cta_url: httpsURL(div, "data-cta-url") };
    for (var k in values) if (values[k]) params.set(k, values[k]);
    var profile = new URLSearchParams(div.getAttribute("data-profile") || "").toString();
    return origin + "/embed?" + params.toString() + (profile ? "#" + profile : "");
  }

  function newFrame(div, src, h, lazy) {
    var frame = document.createElement("iframe");
    frame.src = src;
    frame.title = "上海居住证积分自测";
    frame.loading = lazy ? "lazy" : "eager";
    frame.setAttribute("scrolling", "no");
    frame.style.width = "100%";
    frame.style.border = "0";
    frame.style.display = "block";
    frame.style.height = h;
    if (div.hasAttribute("data-sandbox")) {
      // allow-popups(-to-escape-sandbox): the partner's contact page opens
      // in a new tab, unsandboxed
      frame.setAttribute("sandbox", "allow-scripts allow-forms allow-popups allow-popups-to-escape-sandbox");
    }
    return frame;
  }

  function mount(div) {
    if (div.getAttribute("data-jifen-mounted")) return;
    div.setAttribute("data-jifen-mounted", "1");
    if (location.origin === "null") {
      console.warn("jifen embed: this page has no origin (a file or a sandboxed page): the self-test works, but sends it no events");
    }
    var src = frameSrc(div);
    var frame = newFrame(div, src, height(div) + "px", true);
    div.appendChild(frame);
    embeds.push({ div: div, frame: frame, src: src, sandbox: div.hasAttribute("data-sandbox"), timer: 0 });
  }

  // an attribute changed: a new frame with the new options, after a
  // pause (someone may be typing them)
  function changed(e) {
    clearTimeout(e.timer);
    e.timer = setTimeout(function () {
      var src = frameSrc(e.div), sandbox = e.div.hasAttribute("data-sandbox");
      if (src === e.src && sandbox === e.sandbox) return;
      var frame = newFrame(e.div, src, e.frame.style.height, false); // the old one was there
      e.frame.replaceWith(frame);
      e.frame = frame;
      e.src = src;
      e.sandbox = sandbox;
    }, 400);
  }

  var INT = function (v, lo, hi) { return typeof v === "number" && Math.floor(v) === v && v >= lo && v <= hi; };
  // detail is what a message may carry to the page, field by field;
  // undefined for anything else
  function detail(d) {
    switch (d.type) {
      case "jifen:ready":
      case "jifen:complete":
        return {};
      case "jifen:step":
        if (INT(d.of, 1, 50) && INT(d.step, 1, d.of)) return { step: d.step, of: d.of };
        return undefined;
      case "jifen:lead":
        if (INT(d.total, -1000, 10000) && INT(d.gap, 0, 10000) && typeof d.meets === "boolean" &&
            (d.reach === null || (typeof d.reach === "string" && /^\d{4}-(0[1-9]|1[0-2])$/.test(d.reach)))) {
          return { total: d.total, meets: d.meets, gap: d.gap, reach: d.reach };
        }
        return undefined;
    }
    return undefined;
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data !== "object" || typeof data.type !== "string") return;
    for (var i = 0; i < embeds.length; i++) {
      var e = embeds[i], f = e.frame;
      if (event.source !== f.contentWindow) continue;
      // a sandboxed frame has the origin "null"; accept it only from our own frames
      if (event.origin !== origin && !(event.origin === "null" && f.hasAttribute("sandbox"))) return;
      if (data.type === "jifen:resize") {
        if (typeof data.height === "number" && isFinite(data.height)) {
          f.style.height = Math.max(120, Math.min(Math.round(data.height), 10000)) + "px";
        }
        return;
      }
      var d = detail(data);
      if (d !== undefined) e.div.dispatchEvent(new CustomEvent(data.type, { bubbles: true, detail: Object.freeze(d) }));
      return;
    }
  });

  function scan() {
    var divs = document.querySelectorAll("div[data-jifen-embed]");
    for (var i = 0; i < divs.length; i++) mount(divs[i]);
    embeds = embeds.filter(function (e) { return e.div.isConnected; });
  }
  var pending = false;
  function later() {
    if (pending) return;
    pending = true;
    setTimeout(function () { pending = false; scan(); }, 0);
  }
  function start() {
    scan();
    if (!window.MutationObserver) return;
    new MutationObserver(function (list) {
      for (var i = 0; i < list.length; i++) {
        var m = list[i];
        if (m.type === "childList") { later(); continue; }
        for (var j = 0; j < embeds.length; j++) if (embeds[j].div === m.target) changed(embeds[j]);
      }
    }).observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: OPTIONS });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
