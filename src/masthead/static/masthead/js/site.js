// Progressive enhancements only: every page works without this file.
(function () {
  "use strict";
  // Dismissible banners: remembered per browser, without a round trip when JS is on.
  var KEY = "masthead:dismissed";
  var dismissed = [];
  try { dismissed = JSON.parse(localStorage.getItem(KEY) || "[]"); } catch (e) { dismissed = []; }
  document.querySelectorAll("[data-banner][data-dismissible]").forEach(function (banner) {
    var key = banner.getAttribute("data-banner");
    if (dismissed.indexOf(key) !== -1) { banner.hidden = true; return; }
    // The dismiss form itself: a banner can hold another form first (a newsletter sign-up).
    var form = banner.querySelector("form.banner__dismiss");
    if (!form) return;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      // The focused button disappears with the banner: hand focus to the main content (the
      // skip link's target), never to <body>, and without scrolling the page.
      var hadFocus = banner.contains(document.activeElement);
      banner.hidden = true;
      var main = document.getElementById("main");
      if (hadFocus && main) {
        if (!main.hasAttribute("tabindex")) main.setAttribute("tabindex", "-1");
        main.focus({ preventScroll: true });
      }
      dismissed.push(key);
      try { localStorage.setItem(KEY, JSON.stringify(dismissed)); } catch (e) { /* private mode */ }
      fetch(form.action, { method: "POST", body: new FormData(form), credentials: "same-origin" });
    });
  });
  // Web Share API where the browser has it: one native button beside the plain links.
  var share = document.querySelector(".share ul");
  if (share && navigator.share) {
    var li = document.createElement("li");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "share__link share__link--native";
    button.textContent = "Share…";
    button.addEventListener("click", function () {
      var canonical = document.querySelector('link[rel="canonical"]');
      navigator.share({ title: document.title, url: canonical ? canonical.href : location.href })
        .catch(function () {});
    });
    li.appendChild(button);
    share.appendChild(li);
  }
})();
