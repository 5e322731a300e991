// Progressive enhancement only: every page works without this file (menus are <details>, forms are checked on the server).
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

  // Checks before sending, with the server's own messages: the data-val-* rules ASP.NET Core writes from the page's
  // annotations (ClientChecks adds ours). A refused form stays on the page with the messages beside the fields and a
  // summary on top, as the server would show them; the server checks everything again.
  const number = (text) => Number(String(text).replace(/,/g, '').trim());
  const rules = [
    ['required', (el, v) => el.type === 'checkbox' || v.trim() !== ''],
    ['checked', (el) => el.checked],
    ['length', (el, v, d) => v === '' || ((!d.valLengthMax || v.length <= +d.valLengthMax) && (!d.valLengthMin || v.length >= +d.valLengthMin))],
    ['maxlength', (el, v, d) => v.length <= +d.valMaxlengthMax],
    ['minlength', (el, v, d) => v === '' || v.length >= +d.valMinlengthMin],
    ['range', (el, v, d) => v.trim() === '' || (Number.isFinite(number(v))
      && (d.valRangeMin === undefined || d.valRangeMin === '' || number(v) >= number(d.valRangeMin))
      && (d.valRangeMax === undefined || d.valRangeMax === '' || number(v) <= number(d.valRangeMax)))],
    ['regex', (el, v, d) => v === '' || new RegExp(`^(?:${d.valRegexPattern})$`).test(v)],
    ['email', (el, v) => v.trim() === '' || /^[^\s@<>,;]+@[^\s@<>,;.]+(\.[^\s@<>,;.]+)+$/.test(v.trim())],
    ['number', (el) => !(el.validity && el.validity.badInput)],
  ];
  const ruleName = (name) => `val${name[0].toUpperCase()}${name.slice(1)}`;
  const messageFor = (form, name) => form.querySelector(`[data-valmsg-for="${CSS.escape(name)}"]`);
  let generatedIds = 0;
  const problemsOf = (form) => {
    const problems = [];
    form.querySelectorAll('[data-val="true"]').forEach((el) => {
      // Fields out of sight (a closed section) are left to the server, which names them in its summary.
      if (!el.willValidate || el.getClientRects().length === 0) return;
      const value = el.value ?? '';
      const broken = rules.find(([name, valid]) => el.dataset[ruleName(name)] !== undefined && !valid(el, value, el.dataset));
      if (broken) problems.push({ field: el, name: el.name, message: el.dataset[ruleName(broken[0])] });
    });
    form.querySelectorAll('fieldset[data-val-checks]:not([data-val-checks=""])').forEach((group) => {
      const boxes = [...group.querySelectorAll('input[type=checkbox]')];
      if (boxes.length > 0 && !boxes.some((b) => b.checked)) problems.push({ field: boxes[0], name: boxes[0].name, message: group.dataset.valChecks });
    });
    return problems;
  };
  const show = (form, field, name, message) => {
    field.setAttribute('aria-invalid', message ? 'true' : 'false');
    field.classList.toggle('input-validation-error', Boolean(message));
    const slot = messageFor(form, name);
    if (slot) slot.textContent = message || '';
  };
  const summarise = (problems) => {
    document.querySelectorAll('[data-error-summary]').forEach((old) => old.remove());
    const box = document.createElement('div');
    box.className = 'error-summary';
    box.setAttribute('role', 'alert');
    box.tabIndex = -1;
    box.dataset.errorSummary = '';
    const title = document.createElement('h2');
    title.id = 'error-summary-title';
    title.textContent = `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} to fix before saving`;
    box.setAttribute('aria-labelledby', title.id);
    const list = document.createElement('ul');
    problems.forEach(({ field, message }) => {
      if (!field.id) field.id = `field-${++generatedIds}`;
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = `#${field.id}`;
      link.textContent = message;
      item.append(link);
      list.append(item);
    });
    box.append(title, list);
    const main = document.getElementById('main');
    const flash = main.querySelector(':scope > .flash');
    if (flash) flash.after(box); else main.prepend(box);
    box.focus();
  };
  document.querySelectorAll('form').forEach((form) => {
    if (!form.querySelector('[data-val="true"], fieldset[data-val-checks]:not([data-val-checks=""])')) return;
    form.addEventListener('submit', (e) => {
      if (e.submitter && e.submitter.formNoValidate) return;
      const problems = problemsOf(form);
      if (problems.length === 0) return;
      e.preventDefault();
      const named = new Set(problems.map((p) => p.name));
      form.querySelectorAll('[aria-invalid=true]').forEach((el) => { if (!named.has(el.name)) show(form, el, el.name, ''); });
      problems.forEach(({ field, name, message }) => show(form, field, name, message));
      summarise(problems);
    });
    // Once a field was marked, its message follows the value as it is typed (not when focus leaves, which would move
    // the page under a click on the next field).
    const recheck = (e) => {
      const el = e.target;
      const marked = el.name && form.querySelector(`[aria-invalid=true][name="${CSS.escape(el.name)}"]`);
      if (!marked) return;
      const left = problemsOf(form).find((p) => p.name === el.name);
      show(form, marked, el.name, left ? left.message : '');
    };
    form.addEventListener('input', recheck);
    form.addEventListener('change', recheck);
  });
})();
