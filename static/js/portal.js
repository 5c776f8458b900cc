/* The portal's progressive enhancement. Every page works without it.
 * - Mobile menu: the "Menu" link opens the navigation as a panel (without JavaScript it
 *   works through :target); here it becomes a toggle with aria-expanded, Escape, a focus
 *   loop and focus return.
 * - Accordions (.usa-accordion__button[aria-controls]): content is visible without
 *   JavaScript; here sections follow their button's aria-expanded and toggle on click.
 * - Character counts (.usa-character-count): "N characters left" as people type.
 * - Error summaries ([data-error-summary]): focus moves to the summary when a form comes
 *   back with errors, so screen-reader and keyboard users start from the list of problems.
 */
(function () {
  "use strict";

  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");

  var MOBILE = "(max-width: 63.99em)";

  function initMenu() {
    var nav = document.getElementById("main-nav");
    var openers = document.querySelectorAll("[data-portal-menu-open]");
    if (!nav || !openers.length) {
      return;
    }
    var closers = document.querySelectorAll("[data-portal-menu-close]");
    var overlay = document.querySelector(".usa-overlay");
    var closeLink = nav.querySelector(".usa-nav__close");
    var lastOpener = openers[0];

    function isOpen() {
      return nav.classList.contains("is-visible");
    }

    function setOpen(open, returnFocus) {
      nav.classList.toggle("is-visible", open);
      if (overlay) {
        overlay.classList.toggle("is-visible", open);
      }
      document.body.classList.toggle("usa-js-mobile-nav--active", open);
      Array.prototype.forEach.call(openers, function (opener) {
        opener.setAttribute("aria-expanded", open ? "true" : "false");
      });
      if (open && closeLink) {
        closeLink.focus();
      } else if (!open && returnFocus && lastOpener) {
        lastOpener.focus();
      }
    }

    Array.prototype.forEach.call(openers, function (opener) {
      opener.setAttribute("aria-expanded", "false");
      opener.addEventListener("click", function (event) {
        event.preventDefault();
        lastOpener = opener;
        setOpen(true, false);
      });
    });
    Array.prototype.forEach.call(closers, function (closer) {
      closer.addEventListener("click", function (event) {
        event.preventDefault();
        setOpen(false, true);
      });
    });

    document.addEventListener("keydown", function (event) {
      if (!isOpen()) {
        return;
      }
      if (event.key === "Escape") {
        setOpen(false, true);
        return;
      }
      if (event.key !== "Tab") {
        return;
      }
      // Keep keyboard focus inside the open panel.
      var focusable = nav.querySelectorAll("a[href], button:not([disabled]), input:not([disabled])");
      if (!focusable.length) {
        return;
      }
      var first = focusable[0];
      var last = focusable[focusable.length - 1];
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    });

    // Leaving the phone layout closes the panel.
    if (window.matchMedia) {
      var query = window.matchMedia(MOBILE);
      var onChange = function () {
        if (!query.matches && isOpen()) {
          setOpen(false, false);
        }
      };
      if (query.addEventListener) {
        query.addEventListener("change", onChange);
      }
    }

    // Opened through :target before this script ran (or from a bookmarked #main-nav).
    if (window.location.hash === "#main-nav" && window.history.replaceState) {
      window.history.replaceState(null, "", window.location.pathname + window.location.search);
      setOpen(true, false);
    }
  }

  function initAccordions() {
    var buttons = document.querySelectorAll(".usa-accordion__button[aria-controls]");
    Array.prototype.forEach.call(buttons, function (button) {
      var content = document.getElementById(button.getAttribute("aria-controls"));
      if (!content) {
        return;
      }
      content.hidden = button.getAttribute("aria-expanded") !== "true";
      button.addEventListener("click", function () {
        var expand = button.getAttribute("aria-expanded") !== "true";
        var accordion = button.closest(".usa-accordion");
        if (expand && accordion && !accordion.hasAttribute("data-allow-multiple")) {
          var others = accordion.querySelectorAll(".usa-accordion__button[aria-expanded=true]");
          Array.prototype.forEach.call(others, function (other) {
            if (other !== button && other.closest(".usa-accordion") === accordion) {
              other.setAttribute("aria-expanded", "false");
              var otherContent = document.getElementById(other.getAttribute("aria-controls"));
              if (otherContent) {
                otherContent.hidden = true;
              }
            }
          });
        }
        button.setAttribute("aria-expanded", expand ? "true" : "false");
        content.hidden = !expand;
      });
    });
  }

  function initCharacterCounts() {
    var groups = document.querySelectorAll(".usa-character-count");
    Array.prototype.forEach.call(groups, function (group) {
      var field = group.querySelector(".usa-character-count__field, textarea[maxlength], input[maxlength]");
      var message = group.querySelector(".usa-character-count__message");
      var max = field && parseInt(field.getAttribute("maxlength") || field.getAttribute("data-maxlength"), 10);
      if (!field || !message || !max) {
        return;
      }
      var status = document.createElement("div");
      status.className = "portal-char-status";
      status.setAttribute("aria-live", "polite");
      message.insertAdjacentElement("afterend", status);
      message.setAttribute("aria-hidden", "true");
      var timer = null;

      function text() {
        var left = max - field.value.length;
        if (left >= 0) {
          return left + (left === 1 ? " character" : " characters") + " left";
        }
        return -left + (left === -1 ? " character" : " characters") + " over the limit";
      }

      function update(announce) {
        var words = text();
        message.textContent = words;
        message.classList.toggle("usa-character-count__status--invalid", field.value.length > max);
        if (announce) {
          window.clearTimeout(timer);
          timer = window.setTimeout(function () {
            status.textContent = words;
          }, 1000);
        }
      }

      field.addEventListener("input", function () {
        update(true);
      });
      update(false);
    });
  }

  function focusErrorSummary() {
    var summary = document.querySelector("[data-error-summary]");
    if (summary) {
      summary.focus();
    }
  }

  function init() {
    initMenu();
    initAccordions();
    initCharacterCounts();
    focusErrorSummary();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
