// Asks before an irreversible change: a submit button marked data-confirm="question" only submits
// after the person answers yes. The server still checks everything; this only prevents a slip.
(function () {
  'use strict';
  document.addEventListener('submit', function (event) {
    var button = event.submitter;
    var question = button && button.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });
})();
