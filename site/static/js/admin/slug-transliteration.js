// Page editor: turn a Cyrillic slug into its official Latin form as soon as the editor leaves
// the title or slug field, so the slug shown is the one that will be saved. The rule itself
// lives on the server (cms/transliteration.py); this only asks for it.
(() => {
  const endpoint = document.currentScript.dataset.url;
  const nonAscii = /[^\x00-\x7F]/;

  async function latinise(field) {
    if (!field.value || !nonAscii.test(field.value)) return;
    const response = await fetch(`${endpoint}?text=${encodeURIComponent(field.value)}`, {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    });
    if (!response.ok) return;
    const { slug } = await response.json();
    if (slug) {
      field.value = slug;
      field.dispatchEvent(new Event("input", { bubbles: true }));
    }
  }

  const slugField = () => document.querySelector('input[name="slug"]');
  const latiniseSlugOf = (event) => {
    const slug = slugField();
    if (slug && event.target === slug) window.setTimeout(() => latinise(slug), 0);
  };

  // Wagtail's slug controller announces each value it sets: copied from the title while the
  // page is new, or cleaned when the editor leaves the slug field.
  document.addEventListener("w-slug:applied", latiniseSlugOf);
  // Any other change of the field (pasted, typed with the controller missing).
  document.addEventListener("change", latiniseSlugOf);
})();
