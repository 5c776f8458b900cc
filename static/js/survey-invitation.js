// Invitation links carry the token after "#", which browsers never send to the server, so
// it never reaches an access log. This posts it (with the page's CSRF token) and wipes it
// from the address bar. Without JavaScript the page's form asks to paste the link.
(function () {
  "use strict";
  var form = document.getElementById("invitation-form");
  if (!form) return;
  var match = /(?:^#|&)t=([A-Za-z0-9_-]+)/.exec(window.location.hash || "");
  if (!match) return;
  if (window.history && window.history.replaceState) {
    window.history.replaceState(null, "", window.location.pathname);
  }
  form.querySelector("[name=token]").value = match[1];
  var status = document.getElementById("invitation-status");
  if (status) status.hidden = false;
  form.submit();
})();
