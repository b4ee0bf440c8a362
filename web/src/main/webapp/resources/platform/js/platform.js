/*
 * Focus for forms that come back by ajax (WCAG 2.4.3 focus order, 3.3.1 error identification). After an update
 * that failed validation, the focus goes to the form's error summary, else its first invalid input, else the
 * message for the form as a whole (a record changed meanwhile); after another update, to the element marked
 * data-autofocus (a confirmation, an editor just opened, the page's messages), once. A link of an error summary
 * moves the focus to its input. No inline script: the pages run under a Content-Security-Policy without
 * 'unsafe-inline'.
 */
(function () {
    'use strict';

    var INVALID = '.error-summary, input.ui-state-error, textarea.ui-state-error, select[aria-invalid="true"]';

    /** The error to bring to the person's attention: the summary, an invalid input, else a message for the form. */
    function firstError() {
        var error = document.querySelector(INVALID);
        if (!error) {
            error = document.querySelector('.ui-message-error');
            if (error) {
                error.setAttribute('tabindex', '-1');
            }
        }
        return error;
    }

    function focusAfter(failed) {
        var marked = document.querySelectorAll('[data-autofocus]');
        var target = failed ? firstError() : null;
        if (!target && marked.length) {
            target = marked[0];
        }
        marked.forEach(function (element) {
            element.removeAttribute('data-autofocus');
        });
        if (target) {
            target.focus();
        }
    }

    function inputOf(element) {
        if (element.matches('input, select, textarea')) {
            return element;
        }
        return element.querySelector('input:not([type=hidden]), select, textarea');
    }

    document.addEventListener('click', function (event) {
        var link = event.target.closest ? event.target.closest('.error-summary a[href^="#"]') : null;
        if (!link) {
            return;
        }
        var element = document.getElementById(decodeURIComponent(link.getAttribute('href').substring(1)));
        var input = element ? inputOf(element) : null;
        if (input) {
            event.preventDefault();
            input.focus();
        }
    });

    document.addEventListener('DOMContentLoaded', function () {
        focusAfter(false);
        // PrimeFaces' jQuery may load after this script: listen to its ajax updates once the page is ready
        if (window.jQuery) {
            window.jQuery(document).on('pfAjaxComplete', function (event, xhr) {
                focusAfter(!!(xhr && xhr.pfArgs && xhr.pfArgs.validationFailed));
            });
        }
    });
}());
