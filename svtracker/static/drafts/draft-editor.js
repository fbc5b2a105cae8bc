// Live preview of the draft while staff type: posts the form (unsaved) to the preview endpoint and shows the
// returned document. Same-origin file because the CSP forbids inline scripts; without it the
// "Voorvertoning" button opens the preview as a page.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("draft-form");
  const target = document.getElementById("draft-preview");
  if (!form || !target) return;
  const status = document.getElementById("preview-status");
  const url = form.dataset.previewUrl;
  let timer = null;
  let latest = 0;

  async function refresh() {
    const request = ++latest;
    target.parentElement.classList.add("stale");
    try {
      const response = await fetch(url, {
        method: "POST", body: new FormData(form), credentials: "same-origin",
        headers: { "X-Preview": "fragment" },
      });
      if (!response.ok) throw new Error(String(response.status));
      const html = await response.text();
      if (request !== latest) return;
      target.innerHTML = html;  // server-rendered with autoescaping
      target.parentElement.classList.remove("stale");
      if (status) status.textContent = "";
    } catch (error) {
      if (status) status.textContent = status.dataset.failed || "(!)";
    }
  }

  form.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 300);
  });
  const button = document.getElementById("preview-button");
  if (button) {
    button.addEventListener("click", (event) => {
      event.preventDefault();
      refresh();
    });
  }
});
