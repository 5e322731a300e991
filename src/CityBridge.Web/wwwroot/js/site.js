// Progressive enhancement only: every page works without this file (menus are <details>, forms validate on the server).
(() => {
  'use strict';

  // Grouped header menus: one open at a time; Escape or a click elsewhere closes them.
  const groups = [...document.querySelectorAll('.nav-group')];
  const closeGroups = (except) => groups.forEach((g) => { if (g !== except) g.open = false; });
  groups.forEach((g) => g.addEventListener('toggle', () => { if (g.open) closeGroups(g); }));
  document.addEventListener('click', (e) => { if (!e.target.closest('.nav-group')) closeGroups(null); });
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    const open = groups.find((g) => g.open);
    if (open) { open.open = false; open.querySelector('summary').focus(); }
  });

  // After a refused submit the server renders an error summary: move focus there so it is read first.
  const summary = document.querySelector('[data-error-summary]');
  if (summary) {
    summary.focus();
  } else {
    const firstInvalid = document.querySelector('.input-validation-error, [aria-invalid=true]');
    if (firstInvalid) firstInvalid.focus();
  }

  // Client-side checks as a courtesy before the server's: the browser's own constraint validation, shown beside fields.
  document.querySelectorAll('form[data-validate]').forEach((form) => {
    form.addEventListener('submit', (e) => {
      if (form.checkValidity()) return;
      e.preventDefault();
      const invalid = [...form.elements].filter((el) => el.willValidate && !el.checkValidity());
      invalid.forEach((el) => el.setAttribute('aria-invalid', 'true'));
      invalid[0].focus();
      form.reportValidity();
    });
  });
})();
