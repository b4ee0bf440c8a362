/*
 * The browser's check of a file field before the form is sent, so a person learns at once, without sending
 * megabytes, that a file is too large, empty or of a kind the platform does not take. The server checks again,
 * from the content (the browser only sees the name and the size): this check is a courtesy, never the rule.
 *
 * A field opts in with a wrapper carrying its settings and texts (rendered by the server in the reader's language):
 *   data-file-check, data-max-bytes, data-extensions="pdf,odt,...", data-message="id of the message element",
 *   data-too-large, data-empty, data-wrong-type.
 * The message goes beside the field (an element with role="status"), the input is marked aria-invalid, and
 * setCustomValidity keeps the browser from sending the form while the file is refused.
 *
 * A file input inside a .file-picker shows the page's button and the chosen file's name (.file-picker__name, its
 * data-none when none) in the page's language, over the browser's own, which speak the browser's language.
 */
(function () {
    'use strict';

    function check(input, settings) {
        var file = input.files && input.files[0];
        var message = '';
        if (file) {
            var dot = file.name.lastIndexOf('.');
            var extension = dot < 0 ? '' : file.name.substring(dot + 1).toLowerCase();
            var allowed = (settings.getAttribute('data-extensions') || '').split(',');
            var max = Number(settings.getAttribute('data-max-bytes'));
            if (file.size === 0) {
                message = settings.getAttribute('data-empty');
            } else if (max && file.size > max) {
                message = settings.getAttribute('data-too-large');
            } else if (extension && allowed.indexOf(extension) < 0) {
                message = settings.getAttribute('data-wrong-type');
            }
        }
        input.setCustomValidity(message || '');
        input.setAttribute('aria-invalid', message ? 'true' : 'false');
        var target = document.getElementById(settings.getAttribute('data-message'));
        if (target) {
            target.textContent = message || '';
        }
    }

    document.addEventListener('change', function (event) {
        var input = event.target;
        if (!input || input.type !== 'file' || !input.closest) {
            return;
        }
        var picker = input.closest('.file-picker');
        var name = picker && picker.querySelector('.file-picker__name');
        if (name) {
            name.textContent = input.files && input.files[0] ? input.files[0].name : name.getAttribute('data-none');
        }
        var settings = input.closest('[data-file-check]');
        if (settings) {
            check(input, settings);
        }
    });
}());
