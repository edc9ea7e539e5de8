// A picture over the size a file field takes (data-max-bytes) is refused as soon as it is chosen: the server
// would refuse it too, and a form over its body limit (12 MB) cannot even be read, so the writer would have to
// go back for what was typed. Used by the story form's featured image and the author's photo, and by the
// WordPress import's two files (data-kind="file", with its own advice in data-advice).
(function () {
  'use strict';
  document.querySelectorAll('input[type=file][data-max-bytes]').forEach(function (input) {
    var limit = parseInt(input.dataset.maxBytes, 10);
    input.addEventListener('change', function () {
      var old = document.getElementById(input.id + '-too-large');
      if (old) { old.remove(); }
      var file = input.files && input.files[0];
      if (file && file.size > limit) {
        var message = document.createElement('p');
        message.className = 'error-message';
        message.id = input.id + '-too-large';
        message.setAttribute('role', 'alert');
        message.textContent = 'Error: this ' + (input.dataset.kind || 'image') + ' is '
          + (file.size / 1048576).toFixed(1) + ' MB, larger than ' + Math.round(limit / 1048576) + ' MB. '
          + (input.dataset.advice || 'Save it smaller and choose it again.');
        input.before(message);
        input.value = '';
      }
    });
  });
}());
