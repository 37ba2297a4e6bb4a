// Builds the DOM from data. Every string becomes a text node: what senders wrote (bodies, headers,
// paths, reasons) is shown as text and never parsed as markup. There is no innerHTML in the console.

const PROPERTIES = new Set(['id', 'className', 'type', 'value', 'name', 'htmlFor', 'checked',
  'disabled', 'hidden', 'required', 'placeholder', 'rows', 'cols', 'spellcheck', 'title', 'tabIndex']);

/** h('a', {href: '#/x', on: {click: fn}}, 'text', child, ...) */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'on') {
      for (const [event, handler] of Object.entries(value)) el.addEventListener(event, handler);
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (PROPERTIES.has(key)) {
      el[key] = value;
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of el. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A table with a caption, column headers and one row per item. */
export function table(caption, columns, items, row) {
  return h('div', {className: 'scroll'},
    h('table', {},
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, columns.map(c => h('th', {scope: 'col'}, c)))),
      h('tbody', {}, items.length === 0
        ? h('tr', {}, h('td', {colSpan: columns.length, className: 'empty'}, 'none'))
        : items.map(item => h('tr', {}, row(item).map(cell => h('td', {}, cell)))))));
}

/** A labelled form control: label text, then the control, linked by id. */
export function field(label, control) {
  return h('div', {className: 'field'}, h('label', {htmlFor: control.id}, label), control);
}

export function time(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return h('time', {datetime: iso, title: iso}, d.toLocaleString());
}

export function status(message, error = false) {
  const el = document.getElementById('status');
  el.className = error ? 'error' : '';
  el.textContent = message;
}
