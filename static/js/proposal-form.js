// The officer's proposal form: no inline scripts (CSP), so the page's behaviour lives here.
// - Enter in a text field never submits the page (a sub-form row is not the whole form);
// - amounts show thousands separators when the field is left;
// - a project or KPI block is removed from the page, then the form autosaves;
// - the total budget per domain and per starting year follows what is typed.
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

  document.addEventListener("input", updateTotals);
  document.addEventListener("change", updateTotals);
  document.addEventListener("htmx:afterSettle", updateTotals);
  document.addEventListener("DOMContentLoaded", updateTotals);
})();
