/*
 * Names for the widgets the Django admin's scripts draw, which come without one (WCAG 4.1.2).
 *
 * - Autocomplete boxes (select2 4.0.13): the combobox is labelled by the field's <label> and by
 *   the choice it shows, which is no longer a read-only textbox without a name; its search
 *   boxes (in the box for many values, in the drop-down for one) by the label too. The "×"
 *   that clears a box is mouse-only in select2 (Backspace and Delete clear it from the
 *   keyboard), so it is hidden from assistive technologies, also because it sits inside the
 *   list of chosen values. An open box points at its list of choices with aria-controls, as
 *   ARIA 1.2 asks.
 * - The filter boxes of the two-list selector (SelectFilter2): the magnifier icon carries an
 *   aria-label, which only an element with a role may have: it becomes an image.
 *
 * The page works without this script: the <select> elements it enhances have their labels.
 * The widgets are drawn after the page loads (and again when a row is added to an inline), so
 * a MutationObserver names whatever appears.
 */
"use strict";
{
  const labelOf = (field) => {
    if (!field.id) {
      return null;
    }
    const label = document.querySelector(`label[for="${CSS.escape(field.id)}"]`);
    if (label && !label.id) {
      label.id = `${field.id}-label`;
    }
    return label;
  };

  const nameAutocomplete = (select) => {
    const container = select.nextElementSibling;
    if (!container || !container.classList.contains("select2-container")) {
      return;
    }
    const label = labelOf(select);
    const selection = container.querySelector(".select2-selection");
    if (!label || !selection) {
      return;
    }
    const rendered = selection.querySelector(".select2-selection__rendered[id]");
    if (rendered && rendered.getAttribute("role") === "textbox") {
      // The choice shown is part of the combobox's name, not a field of its own (select2 4.1
      // dropped this role too).
      rendered.removeAttribute("role");
      rendered.removeAttribute("aria-readonly");
    }
    const single = selection.classList.contains("select2-selection--single");
    const names = single && rendered ? `${label.id} ${rendered.id}` : label.id;
    if (selection.getAttribute("aria-labelledby") !== names) {
      selection.setAttribute("aria-labelledby", names);
    }
    const search = selection.querySelector(".select2-search__field");
    if (search && search.getAttribute("aria-labelledby") !== label.id) {
      search.setAttribute("aria-labelledby", label.id);
    }
    for (const clear of selection.querySelectorAll(".select2-selection__clear")) {
      clear.setAttribute("aria-hidden", "true");
    }
  };

  // select2 points the open combobox at its list with aria-owns (ARIA 1.1); ARIA 1.2 asks for
  // aria-controls on an expanded combobox.
  const pointAtLists = () => {
    for (const box of document.querySelectorAll(".select2-selection[role=combobox]")) {
      const list = box.getAttribute("aria-owns");
      if (list && box.getAttribute("aria-controls") !== list) {
        box.setAttribute("aria-controls", list);
      } else if (!list && box.hasAttribute("aria-controls")) {
        box.removeAttribute("aria-controls");
      }
    }
  };

  const nameOpenDropdown = () => {
    const search = document.querySelector(
      ".select2-container--open .select2-search--dropdown .select2-search__field",
    );
    const open = document.querySelector('.select2-selection[aria-expanded="true"]');
    if (!search || !open) {
      return;
    }
    const label = (open.getAttribute("aria-labelledby") || "").split(" ")[0];
    if (label && search.getAttribute("aria-labelledby") !== label) {
      search.setAttribute("aria-labelledby", label);
    }
  };

  const nameFilterIcons = () => {
    for (const icon of document.querySelectorAll(".search-label-icon[aria-label]:not([role])")) {
      icon.setAttribute("role", "img");
    }
  };

  const nameAll = () => {
    document.querySelectorAll("select.admin-autocomplete").forEach(nameAutocomplete);
    pointAtLists();
    nameOpenDropdown();
    nameFilterIcons();
  };

  const start = () => {
    nameAll();
    new MutationObserver(nameAll).observe(document.body, {
      childList: true,
      subtree: true,
      attributeFilter: ["aria-expanded", "aria-owns"],
    });
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}
