// The review queue (/review/): "tick every proposal on this page". A file, not inline (CSP);
// delegated from the document, so it keeps working after htmx replaces the list.
document.addEventListener("change", (event) => {
  const all = event.target.closest && event.target.closest("[data-select-all]");
  if (!all) return;
  const form = all.getAttribute("data-select-all");
  document.querySelectorAll(`input[type=checkbox][name=application][form="${form}"]`).forEach((box) => {
    box.checked = all.checked;
  });
});
