// Tabs of a tabbed admin change form (templates/admin/tabbed_change_form.html): one panel shows
// at a time; the first panel holding an error opens first and its tab is marked.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const panels = [...document.querySelectorAll(".admin-tab-panel")];
  if (panels.length < 2) return;
  const list = document.createElement("div");
  list.className = "admin-tabs";
  list.setAttribute("role", "tablist");
  const hasErrors = (panel) => panel.querySelector(".errorlist, .errors") !== null;
  const tabs = panels.map((panel) => {
    const tab = document.createElement("button");
    tab.type = "button";
    tab.id = `${panel.id}-tab`;
    tab.textContent = panel.dataset.tabLabel;
    tab.setAttribute("role", "tab");
    tab.setAttribute("aria-controls", panel.id);
    tab.classList.toggle("has-errors", hasErrors(panel));
    tab.addEventListener("click", () => show(panel));
    panel.setAttribute("role", "tabpanel");
    panel.setAttribute("aria-labelledby", tab.id);
    list.append(tab);
    return tab;
  });
  function show(active) {
    panels.forEach((panel, i) => {
      const selected = panel === active;
      panel.hidden = !selected;
      tabs[i].setAttribute("aria-selected", String(selected));
      tabs[i].tabIndex = selected ? 0 : -1;
    });
  }
  list.addEventListener("keydown", (event) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (!step) return;
    const next = tabs[(tabs.indexOf(document.activeElement) + step + tabs.length) % tabs.length];
    next.focus();
    next.click();
  });
  panels[0].before(list);
  show(panels.find(hasErrors) || panels[0]);
});
