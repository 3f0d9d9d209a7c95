/* Progressive enhancement for reader callouts: send the form with fetch and show the thanks in
   place. Without this file the form posts normally and the server redirects back. Text from
   the server is inserted with textContent only, never as HTML. */
(function () {
  "use strict";

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function showResults(block, results) {
    var box = el("div", "callout__results");
    box.appendChild(el("h3", "callout__results-title", "What readers answered"));
    results.forEach(function (q) {
      box.appendChild(el("p", "callout__result-prompt", q.prompt));
      var list = el("ul");
      q.choices.forEach(function (c) {
        list.appendChild(el("li", null, c.label + ": " + c.percent + "% (" + c.count + ")"));
      });
      box.appendChild(list);
    });
    block.appendChild(box);
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("form[data-callout]") || !window.fetch) return;
    event.preventDefault();
    var button = form.querySelector("button[type=submit]");
    if (button) button.disabled = true;
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    })
      .then(function (response) {
        if (!response.ok) throw new Error("status " + response.status);
        return response.json();
      })
      .then(function (data) {
        var block = form.parentNode;
        var thanks = el("p", "callout__thanks", data.thank_you);
        thanks.setAttribute("role", "status");
        block.replaceChild(thanks, form);
        if (data.results) showResults(block, data.results);
      })
      .catch(function () {
        form.submit(); // let the server show errors, limits or the closed notice as a page
      });
  });
})();
