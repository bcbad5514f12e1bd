/* 长者模式（关怀版，issue 13）：页头的开关和首页的入口切换 <html class="sb-care">，选择记在
   localStorage（不用 Cookie，不弹窗）；长者模式下的「朗读正文」用浏览器自带的语音合成
   （speechSynthesis，有中文语音时用中文），浏览器没有语音合成时不显示这个按钮。
   没有 JavaScript 时开关不显示，页面照常可用。
   文件末尾：手机上的导航菜单按钮可以用键盘打开；能横向滚动的表格可以用键盘到达。 */
(function () {
  "use strict";
  var root = document.documentElement;
  var KEY = "sb-care";

  function on() { return root.classList.contains("sb-care"); }

  function remember(value) {
    try { if (value) { localStorage.setItem(KEY, "1"); } else { localStorage.removeItem(KEY); } }
    catch (e) { /* private mode: works for this page only */ }
  }

  function show() {
    document.querySelectorAll("button[data-sb-care]").forEach(function (b) {
      b.setAttribute("aria-pressed", on() ? "true" : "false");
    });
  }

  document.querySelectorAll("[data-sb-care]").forEach(function (el) {
    el.hidden = false;
    if (el.tagName === "BUTTON") {
      el.addEventListener("click", function () {
        root.classList.toggle("sb-care");
        remember(on());
        if (!on()) { stop(); }
        show();
      });
    }
  });
  show();

  // -- 朗读 -------------------------------------------------------------------------------------
  var button = document.getElementById("sb-read");
  var synth = window.speechSynthesis;
  if (!button || !synth || typeof window.SpeechSynthesisUtterance !== "function") { return; }
  var label = button.textContent;
  button.hidden = false;  // shown in 长者模式 only (care.css)

  function stop() {
    if (!synth || !button || button.hidden) { return; }
    synth.cancel();
    button.textContent = label;
    button.setAttribute("aria-pressed", "false");
  }

  function voice() {
    var voices = synth.getVoices();
    for (var i = 0; i < voices.length; i++) {
      if (/^zh(-|_)?(CN|Hans)?/i.test(voices[i].lang)) { return voices[i]; }
    }
    return null;
  }

  function mainText() {
    var main = document.getElementById("sb-main");
    if (!main) { return ""; }
    var copy = main.cloneNode(true);
    copy.querySelectorAll("script, style, svg, .sb-qr, .sb-print-only, .headerlink")
      .forEach(function (el) { el.remove(); });
    return copy.innerText || copy.textContent || "";
  }

  function read() {
    // Short pieces: some browsers stop a long utterance after about fifteen seconds.
    var pieces = mainText().split(/(?<=[。！？；\n])/).map(function (s) { return s.trim(); })
      .filter(function (s) { return s; });
    var chosen = voice();
    pieces.forEach(function (text, i) {
      var u = new SpeechSynthesisUtterance(text);
      u.lang = "zh-CN";
      if (chosen) { u.voice = chosen; }
      if (i === pieces.length - 1) { u.onend = stop; }
      synth.speak(u);
    });
    button.textContent = button.dataset.stop;
    button.setAttribute("aria-pressed", "true");
  }

  button.addEventListener("click", function () {
    if (synth.speaking || synth.pending) { stop(); } else { read(); }
  });
  window.addEventListener("pagehide", function () { synth.cancel(); });
})();

/* Wide tables scroll sideways inside Material's wrapper: a keyboard user must be able to reach
   and scroll it too (WCAG 2.1.1), so a wrapper that scrolls takes the focus. */
window.addEventListener("load", function () {
  "use strict";
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
    if (wrap.scrollWidth > wrap.clientWidth && !wrap.hasAttribute("tabindex")) {
      wrap.setAttribute("tabindex", "0");
    }
  });
});

/* The menu button on phones and tablets: Material's is a <label for="__drawer"> (a hidden
   checkbox opens the drawer), which Tab never reaches. Here it becomes a button for the keyboard
   too (WCAG 2.1.1): Tab reaches it, Enter or Space opens the drawer and moves into it, Escape
   closes it and comes back, and Tab past the drawer's last link closes it. The closed drawer
   stays out of the tab order and hidden from screen readers (site.css). Without JavaScript the
   label works for a finger or a mouse, as before. */
(function () {
  "use strict";
  var drawer = document.getElementById("__drawer");
  var menu = document.querySelector('.md-header label[for="__drawer"]');
  var nav = document.querySelector(".md-sidebar--primary");
  if (!drawer || !menu || !nav) { return; }
  nav.id = nav.id || "sb-drawer";
  menu.setAttribute("role", "button");
  menu.setAttribute("tabindex", "0");
  menu.setAttribute("aria-controls", nav.id);

  function shown() { return menu.getClientRects().length > 0; }  // phones and tablets only
  function sync() { menu.setAttribute("aria-expanded", drawer.checked ? "true" : "false"); }
  function toggle() { drawer.click(); }  // as Material does: the checkbox fires its events

  function firstStop() {
    var all = nav.querySelectorAll("a[href], button, input, select, textarea, [tabindex]");
    for (var i = 0; i < all.length; i++) {
      if (all[i].tabIndex >= 0 && all[i].getClientRects().length > 0) { return all[i]; }
    }
    return null;
  }

  sync();
  drawer.addEventListener("change", sync);
  menu.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" && event.key !== " ") { return; }
    event.preventDefault();  // Space would scroll the page
    toggle();
    var target = drawer.checked && firstStop();
    if (target) { target.focus(); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && drawer.checked && shown()) {
      toggle();
      menu.focus();
    }
  });
  nav.addEventListener("focusout", function (event) {
    var next = event.relatedTarget;
    if (drawer.checked && shown() && next && next !== menu && !nav.contains(next)) { toggle(); }
  });
})();
