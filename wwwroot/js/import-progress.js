// Import page: the progress bar follows the run's row in the database, so it is right after a reload.
(function () {
  'use strict';
  var bar = document.querySelector('[data-progress]');
  if (!bar) { return; }
  var fill = bar.querySelector('.progress-bar');
  var text = document.querySelector('[data-progress-text]');
  var template = document.querySelector('[data-progress-template]');
  function show(percent) {
    fill.style.width = percent + '%';
    bar.setAttribute('aria-valuenow', String(percent));
  }
  show(Number(fill.getAttribute('data-bar')) || 0);
  if (bar.getAttribute('data-state-value') !== 'Running') { return; }
  var url = '/registry/import/' + bar.getAttribute('data-progress') + '/progress';
  function poll() {
    fetch(url, { credentials: 'same-origin', cache: 'no-store' }).then(function (r) { return r.json(); }).then(function (p) {
      var percent = p.state === 'Completed' ? 100 : Math.floor(100 * p.processedRows / Math.max(1, p.total));
      show(percent);
      if (template && text) {
        text.textContent = template.innerHTML.replace('{0}', p.processedRows).replace('{1}', p.total).replace('{2}', p.inserted).replace('{3}', p.skipped);
      }
      if (p.state === 'Running') { setTimeout(poll, 1000); } else { window.location.reload(); }
    }, function () { setTimeout(poll, 3000); });
  }
  setTimeout(poll, 1000);
})();
