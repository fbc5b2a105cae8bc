// Small progressive enhancements; every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
  // Buttons that ask before they act ("Markeren als verstuurd", bulk "Schrappen").
  document.querySelectorAll("button[data-confirm]").forEach((button) => {
    button.addEventListener("click", (event) => {
      if (!window.confirm(button.dataset.confirm)) event.preventDefault();
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
