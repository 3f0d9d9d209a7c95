// Progressive enhancement of the article page: the comments' link becomes the thread itself,
// fetched from its own URL (/comments/<id>/, header X-Comments-Part: 1). Without this file the
// link opens the same thread as a page; every action in it is a plain form.
(function () {
  "use strict";
  var holder = document.querySelector("[data-comments-src]");
  if (!holder || !window.fetch) return;
  var src = holder.getAttribute("data-comments-src");
  function load(url) {
    return fetch(url, { credentials: "same-origin", headers: { "X-Comments-Part": "1" } })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var part = doc.querySelector("[data-comments]");
        if (!part) return;
        holder.replaceWith(part);
        holder = part;
      })
      .catch(function () { /* the link stays: the thread opens as a page */ });
  }
  function near() {
    if (!("IntersectionObserver" in window)) { load(src); return; }
    var seen = new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; })) { seen.disconnect(); load(src); }
    }, { rootMargin: "600px" });
    seen.observe(holder);
  }
  near();
})();
