// The print view offers the browser's print dialog; it stays readable without JavaScript.
(function () {
  "use strict";
  if (new URLSearchParams(location.search).has("autoprint")) { window.print(); }
})();
