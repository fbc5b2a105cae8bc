// Small progressive enhancements; every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
  // Buttons that ask before they act ("Markeren als verstuurd", bulk "Schrappen").
  document.querySelectorAll("button[data-confirm]").forEach((button) => {
    button.addEventListener("click", (event) => {
      if (!window.confirm(button.dataset.confirm)) event.preventDefault();
    });
  });
  // Upload: one submit only, and a sign that the import runs (reading PDFs takes a while).
  document.querySelectorAll("form.upload-form").forEach((form) => {
    form.addEventListener("submit", (event) => {
      if (form.dataset.submitted) {
        event.preventDefault();
        return;
      }
      form.dataset.submitted = "true";
      const button = form.querySelector("button[type=submit]");
      button.setAttribute("aria-disabled", "true");
      button.classList.add("busy");
      const status = form.querySelector(".upload-progress");
      const progress = document.createElement("progress");
      progress.setAttribute("aria-label", form.dataset.busyText);
      status.replaceChildren(progress, document.createTextNode(" " + form.dataset.busyText));
    });
  });
  // "Select all" checkbox in the header of a bulk table.
  document.querySelectorAll("input[data-select-all]").forEach((master) => {
    const name = master.dataset.selectAll;
    const form = master.closest("form");
    master.addEventListener("change", () => {
      form.querySelectorAll(`input[type=checkbox][name="${name}"]`).forEach((box) => {
        box.checked = master.checked;
      });
    });
  });
});
