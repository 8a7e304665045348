// Form behaviour shared by the portal's pages (a file, not inline: the Content-Security-Policy).
// - Enter in a search box marked data-enter-searches runs its search instead of submitting the
//   whole form (which would clear the passwords of the sign-up form).
// - A form that came back with errors moves the focus to its error summary.
document.addEventListener("keydown", (event) => {
  const box = event.target.closest && event.target.closest("[data-enter-searches]");
  if (box && event.key === "Enter") {
    event.preventDefault();
    if (window.htmx) window.htmx.trigger(box, "search");
  }
});
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.getElementById("error-summary");
  if (summary) summary.focus();
});
