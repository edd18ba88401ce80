// Keeps what was typed into a form marked data-keep in this browser until it is saved, so a session that expired mid-report
// loses nothing: after logging in again the form comes back filled. The copy records the version of the saved content it was
// typed over (data-keep-version); once the server holds a newer save, the copy is stale and is discarded, never offered.
(function () {
  'use strict';
  document.querySelectorAll('form[data-keep]').forEach(function (form) {
    var key = 'portal.keep.' + form.getAttribute('data-keep');
    var version = form.getAttribute('data-keep-version') || '';
    var saved = null;
    try { saved = JSON.parse(window.localStorage.getItem(key) || 'null'); } catch (e) { saved = null; }
    if (saved && saved.version !== version) {
      try { window.localStorage.removeItem(key); } catch (e) { /* ignore */ }
      saved = null;
    }
    var fields = form.querySelectorAll('input[name]:not([type=hidden]):not([type=file]), textarea[name], select[name]');
    if (saved && saved.values) {
      var restored = false;
      fields.forEach(function (f) {
        if (Object.prototype.hasOwnProperty.call(saved.values, f.name) && f.value !== saved.values[f.name]) {
          f.value = saved.values[f.name];
          restored = true;
        }
      });
      if (restored) {
        var note = document.createElement('div');
        note.className = 'alert alert-info';
        note.setAttribute('role', 'status');
        note.setAttribute('data-keep-note', '');
        note.textContent = form.getAttribute('data-keep-restored') || 'Restored what you typed before; save to keep it.';
        form.insertBefore(note, form.firstChild);
      } else {
        try { window.localStorage.removeItem(key); } catch (e) { /* nothing unsaved */ }
      }
    }
    var store = function () {
      var values = {};
      fields.forEach(function (f) { values[f.name] = f.value; });
      try { window.localStorage.setItem(key, JSON.stringify({ values: values, version: version, at: Date.now() })); } catch (e) { /* storage full or disabled */ }
    };
    form.addEventListener('input', store);
    form.addEventListener('change', store);
  });
}());
