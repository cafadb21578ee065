/*
 * 上海居住证积分计算器: the partner snippet.
 *
 *   <div data-jifen-embed data-theme="#0f6b5c" data-profile="education=master"></div>
 *   <script src="https://OUR-SITE/web/embed.js" async></script>
 *
 * Turns every div[data-jifen-embed] into an iframe of /embed and sizes it
 * from the {type: "jifen:resize", height} messages that the frame posts,
 * checking that they come from our origin and from that very frame.
 * Options: data-theme, data-profile (profile query), data-height (initial
 * px), data-sandbox (run in a sandboxed iframe).
 */
(function () {
  var script = document.currentScript;
  var origin = new URL(script ? script.src : "/", location.href).origin;
  var frames = [];

  function mount(div) {
    if (div.getAttribute("data-jifen-mounted")) return;
    div.setAttribute("data-jifen-mounted", "1");
    // the frame's own options in the query; the prefilled answers after
    // "#", which the browser sends to no server
    var params = new URLSearchParams();
    params.set("parent", location.origin);
    var theme = div.getAttribute("data-theme");
    if (theme) params.set("theme", theme);
    var profile = new URLSearchParams(div.getAttribute("data-profile") || "").toString();
    var frame = document.createElement("iframe");
    frame.src = origin + "/embed?" + params.toString() + (profile ? "#" + profile : "");
    frame.title = "上海居住证积分自测";
    frame.loading = "lazy";
    frame.setAttribute("scrolling", "no");
    frame.style.width = "100%";
    frame.style.border = "0";
    frame.style.display = "block";
    frame.style.height = (parseInt(div.getAttribute("data-height"), 10) || 560) + "px";
    if (div.hasAttribute("data-sandbox")) {
      frame.setAttribute("sandbox", "allow-scripts allow-forms allow-popups allow-popups-to-escape-sandbox");
    }
    div.appendChild(frame);
    frames.push(frame);
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    // a sandboxed frame has the origin "null"; accept it only from our own frames
    if (!data || data.type !== "jifen:resize" || typeof data.height !== "number") return;
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (event.source !== f.contentWindow) continue;
      if (event.origin !== origin && !(event.origin === "null" && f.hasAttribute("sandbox"))) return;
      f.style.height = Math.max(120, Math.min(Math.round(data.height), 10000)) + "px";
      return;
    }
  });

  function scan() {
    var divs = document.querySelectorAll("div[data-jifen-embed]");
    for (var i = 0; i < divs.length; i++) mount(divs[i]);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan); else scan();
})();
