/*
 * The jury page's "decide" buttons (app/labels/jury.xhtml). Each row's button is plain HTML carrying its
 * application's id; a click asks the page's one remote command to open the decision dialog on that application, and
 * the focus comes back to the button when the dialog closes (WCAG 2.4.3). No inline script: the pages run under a
 * Content-Security-Policy without 'unsafe-inline'.
 */
(function () {
    'use strict';

    var opener = null;

    document.addEventListener('click', function (event) {
        var button = event.target.closest ? event.target.closest('button.jury-decide[data-application]') : null;
        if (!button || typeof window.chooseApplication !== 'function') {
            return;
        }
        opener = button.getAttribute('data-application');
        window.chooseApplication([{name: 'application', value: opener}]);
    });

    /** When the dialog closes (decided, cancelled, Escape): back to the row's button, or to the page's messages. */
    // after the page's widgets are made (they are made when the document is ready)
    window.addEventListener('load', function () {
        if (typeof PF !== 'function' || !PF('decisionDialog')) {
            return;
        }
        var dialog = PF('decisionDialog');
        var hide = dialog.cfg.onHide;
        dialog.cfg.onHide = function () {
            if (hide) {
                hide.apply(this, arguments);
            }
            window.setTimeout(function () {
                var target = opener
                    ? document.querySelector('button.jury-decide[data-application="' + opener + '"]') : null;
                target = target || document.querySelector('[id$="messages"]');
                if (target) {
                    if (!target.matches('button')) {
                        target.setAttribute('tabindex', '-1');
                    }
                    target.focus();
                }
            }, 0);
        };
    });
}());
