// The error summary: after a refused post focus moves to it, so keyboard and screen-reader users start at the list of
// problems; each link then moves focus to its field (a fragment link alone only scrolls), with the field's label in view.
(function () {
  var summary = document.getElementById('error-summary');
  if (!summary) {
    return;
  }

  if (document.activeElement !== summary) {
    summary.focus();
  }

  summary.addEventListener('click', function (event) {
    var link = event.target.closest('a[href^="#"]');
    if (!link) {
      return;
    }

    var field = document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)));
    if (!field) {
      return;
    }

    event.preventDefault();
    var label = document.querySelector('label[for="' + field.id + '"]');
    (label || field).scrollIntoView({ block: 'start' });
    field.focus({ preventScroll: true });
  });
})();
