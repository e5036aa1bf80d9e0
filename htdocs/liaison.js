// liaison.js - the one script the pages load (a file, as the Content-Security-Policy's
// script-src 'self' allows; no inline script anywhere). A file input with data-max-bytes (the
// import page's CSV, the backups page's copy) says at once, before anything is sent, that the
// chosen file is over the limit, and the form is not sent: on a shared host under mod_fcgid a
// body over 128 KB would otherwise wait for the whole upload. Without JavaScript the server's
// own page says the same after the upload.
'use strict';
document.addEventListener('change', (e) => {
  const input = e.target;
  if (!(input instanceof HTMLInputElement) || input.type !== 'file' || !input.dataset.maxBytes) return;
  const max = Number(input.dataset.maxBytes);
  const file = input.files && input.files[0];
  let note = document.getElementById(input.id + '-too-big');
  const over = file && file.size > max;
  input.setCustomValidity(over ? 'too big' : '');
  if (!over) { if (note) note.remove(); return; }
  if (!note) {
    note = document.createElement('p');
    note.id = input.id + '-too-big';
    note.className = 'field-error';
    note.setAttribute('role', 'alert');
    input.after(note);
  }
  const kb = (n) => Math.ceil(n / 1024).toLocaleString('en') + ' KB';
  note.textContent = `${file.name} is ${kb(file.size)}: this form takes files of up to ${kb(max)}. Choose a smaller file, or split it in parts.`;
});
document.addEventListener('submit', (e) => {
  const big = e.target.querySelector('input[type=file][data-max-bytes]:invalid');
  if (big) { e.preventDefault(); big.focus(); }
});
