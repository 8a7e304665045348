// The officer's proposal form: no inline scripts (CSP), so the page's behaviour lives here.
// - Enter in a text field never submits the page (a sub-form row is not the whole form);
// - amounts show thousands separators when the field is left;
// - a project or KPI block is removed from the page, then the form autosaves;
// - the total budget per domain and per starting year follows what is typed;
// - the save status is honest: after a change it says "Saving…" until a save sent after that
//   change has answered, and a page left with changes not yet saved sends them once more.
(function () {
  "use strict";

  function formatAmount(text) {
    var plain = String(text).replace(/[,\s]/g, "");
    if (plain === "" || isNaN(Number(plain))) return text;
    var parts = plain.split(".");
    parts[0] = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return parts.length > 1 && /[1-9]/.test(parts[1]) ? parts[0] + "." + parts[1] : parts[0];
  }

  function amount(text) {
    var value = Number(String(text || "").replace(/[,\s]/g, ""));
    return isNaN(value) ? 0 : value;
  }

  function fill(list, totals) {
    if (!list) return;
    list.replaceChildren();
    var keys = Object.keys(totals).sort();
    if (!keys.length) {
      var none = document.createElement("dd");
      none.className = "col-12";
      none.textContent = list.dataset.empty;
      list.appendChild(none);
    }
    keys.forEach(function (key) {
      var dt = document.createElement("dt");
      dt.className = "col-7 fw-normal";
      dt.textContent = key;
      var dd = document.createElement("dd");
      dd.className = "col-5 text-end";
      dd.textContent = formatAmount(totals[key].toFixed(2));
      list.append(dt, dd);
    });
  }

  function updateTotals() {
    var byDomain = {}, byYear = {}, all = 0;
    document.querySelectorAll('[data-block="project"]').forEach(function (block) {
      var select = block.querySelector('select[name$="-domain"]');
      var budget = amount((block.querySelector('input[name$="-budget"]') || {}).value);
      var start = (block.querySelector('input[name$="-starts_on"]') || {}).value || "";
      var domain = select && select.value ? select.options[select.selectedIndex].text : "—";
      var year = (start.match(/(\d{4})\s*$/) || [null, "—"])[1];
      byDomain[domain] = (byDomain[domain] || 0) + budget;
      byYear[year] = (byYear[year] || 0) + budget;
      all += budget;
    });
    fill(document.getElementById("totals-domain"), byDomain);
    fill(document.getElementById("totals-year"), byYear);
    var total = document.getElementById("totals-all");
    if (total) total.textContent = formatAmount(all.toFixed(2));
  }

  function autosave(form) {
    form.dispatchEvent(new Event("change", { bubbles: true }));
  }

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key === "Enter" && target.form && target.form.hasAttribute("data-autosave") &&
        target.tagName === "INPUT" && target.type !== "submit") {
      event.preventDefault();
    }
  });

  document.addEventListener("focusout", function (event) {
    if (event.target.classList && event.target.classList.contains("js-amount")) {
      event.target.value = formatAmount(event.target.value);
    }
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest(".js-remove");
    if (!button) return;
    var block = button.closest("[data-block]");
    var form = button.form;
    block.remove();
    updateTotals();
    if (form) autosave(form);
  });

  function autosaveForm(element) {
    return element && element.closest ? element.closest("form[data-autosave]") : null;
  }

  function showSaving(form) {
    var status = form.querySelector("#save-status");
    if (status && !status.querySelector(".alert")) status.textContent = form.dataset.saving;
  }

  // Each change counts; a save remembers the count it carried. htmx queues the last change
  // behind a save in flight ("queue last"), so an earlier save's answer must not read as "saved".
  function changed(event) {
    var form = autosaveForm(event.target);
    if (!form) return;
    form.dataset.changes = String(Number(form.dataset.changes || 0) + 1);
    form.dataset.unsaved = "true";
    showSaving(form);
  }

  // capture: counted before htmx's own listener on the form sends the save the event triggers
  document.addEventListener("input", changed, true);
  document.addEventListener("change", changed, true);

  document.addEventListener("htmx:configRequest", function (event) {
    var form = event.detail.elt;
    if (form.matches && form.matches("form[data-autosave]")) {
      form.dataset.sent = form.dataset.changes || "0";
    }
  });

  document.addEventListener("htmx:afterRequest", function (event) {
    var form = event.detail.elt;
    if (!form.matches || !form.matches("form[data-autosave]") || !event.detail.successful) return;
    if (form.dataset.sent === (form.dataset.changes || "0")) {
      delete form.dataset.unsaved;
    } else {
      showSaving(form);  // a newer change is on its way
    }
  });

  // Leaving (a link, the back button, closing the tab) while a change is unsaved: send the form
  // once more, as the browser lets a keepalive request finish after the page is gone. The server
  // takes a second save of the same editor's form as a save, never as someone else's conflict.
  window.addEventListener("pagehide", function () {
    document.querySelectorAll("form[data-autosave][data-unsaved]").forEach(function (form) {
      try {
        fetch(form.getAttribute("hx-post"), {
          method: "POST",
          body: new FormData(form),
          keepalive: true,
          credentials: "same-origin",
          headers: { "HX-Request": "true" },
        });
      } catch (error) {
        // over the keepalive limit (64 KB): a page being left can send nothing more
      }
    });
  });

  document.addEventListener("input", updateTotals);
  document.addEventListener("change", updateTotals);
  document.addEventListener("htmx:afterSettle", updateTotals);
  document.addEventListener("DOMContentLoaded", updateTotals);
})();
