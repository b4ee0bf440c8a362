/*
 * The membership desk's keyboard focus (app/membership/desk.xhtml). The desk draws its buttons and its table again
 * after each action, and a button busy with its request loses the focus: the browser would then leave the person at
 * the top of the page. These put the focus back where the person was: on the state button pressed, on the action
 * button that opened the dialog when it closes, or on the row just acted on (on the filter when that row left the
 * list).
 */
var desk = {
    /** The action button that opened the dialog: its row (the membership's id) and its action. */
    opener: null,
    /** The membership the dialog's action was just done on. */
    done: null,

    /** Focuses the element of this id, if it is there. */
    focus: function (id) {
        var element = document.getElementById(id);
        if (element) {
            element.focus();
        }
    },

    /** After the dialog's confirm button: when the action was done, closes the dialog. */
    acted: function (args) {
        if (args && args.done) {
            desk.done = args.row;
            PF('actionDialog').hide();
        }
    },

    /** When the dialog closes (done, cancelled, Escape): the focus goes back to the row. */
    closed: function () {
        setTimeout(function () {
            var rows = "[id='desk:table_data'] tr[data-rk='";
            var target = null;
            if (desk.done) {
                target = document.querySelector(rows + desk.done + "'] a.desk-organisation");
            } else if (desk.opener) {
                target = document.querySelector(rows + desk.opener.row + "'] button[data-action='"
                    + desk.opener.action + "']");
            }
            desk.done = null;
            (target || document.getElementById('desk:filter')).focus();
        }, 0);
    }
};

document.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('button.desk-action') : null;
    if (button) {
        desk.opener = {row: button.closest('tr').getAttribute('data-rk'), action: button.getAttribute('data-action')};
    }
});
