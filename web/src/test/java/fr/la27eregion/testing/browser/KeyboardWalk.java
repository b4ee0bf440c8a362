package fr.la27eregion.testing.browser;

import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A page gone through with the Tab key alone, as a keyboard user does (RGAA 12.8 and 10.7, WCAG 2.1.1 and
 * 2.4.7): which of the page's links and controls the focus reached, in which order, and whether each showed where
 * the focus was.
 *
 * <p>Before the first Tab, every element a keyboard user should reach is numbered: a visible link, button, field
 * or element with a non-negative {@code tabindex}, not disabled, not inside {@code inert} or {@code aria-hidden}
 * content; a group of radio buttons counts once (the arrows move within it). Then Tab is pressed until the focus
 * leaves the page or comes back to an element it had reached, and each stop reads which element has the focus and
 * whether its style then differs from its style without it (an outline, a shadow, a border or a background). The
 * presses are real key events and the order the browser's own; the page reads each stop when its key is released,
 * while the element has the focus, and the walk reads the stops after a batch of presses.
 */
public final class KeyboardWalk {

    /** Numbers the elements to reach; answers their descriptions, by number. */
    private static final String NUMBER = """
            const wanted = 'a[href], area[href], button, input, select, textarea, summary, [tabindex], '
                + '[contenteditable="true"]';
            const seen = new Set();
            const described = [];
            for (const element of document.querySelectorAll(wanted)) {
                delete element.dataset.kbd;
                if (element.disabled || element.tabIndex < 0 || (element.type || '') === 'hidden') continue;
                if (element.closest('[inert], [aria-hidden="true"]')) continue;
                const box = element.getBoundingClientRect();
                const style = getComputedStyle(element);
                if (element.getClientRects().length === 0 || style.visibility === 'hidden'
                    || (box.width === 0 && box.height === 0)) continue;
                if (element.type === 'radio' && element.name) {
                    const key = 'radio:' + element.name;
                    if (seen.has(key)) { element.dataset.kbd = String([...seen].indexOf(key)); continue; }
                    seen.add(key);
                } else {
                    seen.add(element);
                }
                element.dataset.kbd = String(seen.size - 1);
                described[seen.size - 1] = element.tagName.toLowerCase()
                    + (element.id ? '#' + element.id : '')
                    + (element.classList.contains('skip-link') ? '.skip-link' : '')
                    + ' "' + (element.getAttribute('aria-label') || element.textContent || element.value || '')
                        .trim().replace(/\\s+/g, ' ').substring(0, 60) + '"';
            }
            return described;
            """;

    /**
     * Records, after each Tab, the number of the element with the focus (-1 for none of them, -2 for one the walk
     * did not number) and whether the focus shows, read at the key's release: the browser moved the focus when the
     * key went down, and the element still has it. A new walk on the same document replaces the former record.
     */
    private static final String RECORD = """
            const focused = () => {
                const element = document.activeElement;
                if (!element || element === document.body || element === document.documentElement) return [-1, true];
                const number = element.dataset.kbd === undefined ? -2 : Number(element.dataset.kbd);
                const style = getComputedStyle(element);
                const visibleOutline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
                const shadow = style.boxShadow && style.boxShadow !== 'none';
                if (visibleOutline || shadow) return [number, true];
                // no outline nor shadow on the element: the focus may show on what it holds (a map's shape) or
                // beside it (a styled button for a file field, :focus-within): compare those styles with the
                // element blurred
                const marks = ['outlineStyle', 'outlineWidth', 'outlineColor', 'boxShadow', 'borderTopColor',
                    'borderBottomColor', 'borderBottomWidth', 'backgroundColor', 'color', 'textDecorationLine',
                    'stroke', 'strokeWidth', 'fill'];
                const scope = [element, ...[...element.querySelectorAll('*')].slice(0, 20),
                    ...(element.parentElement ? [...element.parentElement.querySelectorAll('*')].slice(0, 30) : [])];
                const snapshot = () => scope.map(e => { const style = getComputedStyle(e);
                    return marks.map(mark => style[mark]).join('|'); });
                const now = snapshot();
                element.blur();
                const before = snapshot();
                element.focus({focusVisible: true});
                return [number, now.some((value, i) => value !== before[i])];
            };
            if (window.__keyboardWalk) window.removeEventListener('keyup', window.__keyboardWalk.listener, true);
            const record = [];
            const listener = event => { if (event.key === 'Tab') record.push(focused()); };
            window.__keyboardWalk = {record, listener};
            window.addEventListener('keyup', listener, true);
            """;

    /** The stops recorded since the last reading, which it empties; null when the record is gone (a new page). */
    private static final String READ = "return window.__keyboardWalk ? window.__keyboardWalk.record.splice(0) : null;";

    /** One stop of the focus: the element's number, its description and whether the focus showed. */
    public record Stop(int number, String element, boolean visible) {
    }

    private final List<String> elements;
    private final List<Stop> stops;

    private KeyboardWalk(List<String> elements, List<Stop> stops) {
        this.elements = elements;
        this.stops = stops;
    }

    /**
     * Goes through the page the browser shows, from its start, with Tab alone. The presses go in batches (one
     * sequence of real key events each, as many as the page has elements and two more: enough to go through a page
     * whose order is right), and the page records where each one put the focus, so a batch costs two requests to
     * the browser instead of two per press.
     */
    @SuppressWarnings("unchecked")
    public static KeyboardWalk through(Browser browser) {
        List<String> elements = new ArrayList<>((List<String>) browser.script().executeScript(NUMBER));
        browser.script().executeScript("window.focus(); document.activeElement && document.activeElement.blur();"
                + " window.getSelection().removeAllRanges();" + RECORD);
        List<Stop> stops = new ArrayList<>();
        Set<Integer> reached = new LinkedHashSet<>();
        int most = elements.size() * 2 + 10;
        for (int pressed = 0; pressed < most; ) {
            int batch = Math.min(elements.size() + 2, most - pressed);
            Actions tabs = new Actions(browser.driver());
            for (int press = 0; press < batch; press++) {
                tabs.sendKeys(Keys.TAB);
            }
            tabs.perform();
            pressed += batch;
            List<List<Object>> record = (List<List<Object>>) browser.script().executeScript(READ);
            if (record == null || record.size() != batch) {
                throw new IllegalStateException("The page recorded " + (record == null ? "none" : record.size())
                        + " of " + batch + " Tab presses (it was left, or a script kept the key from it): the walk"
                        + " cannot tell where each put the focus; reached so far " + stops);
            }
            for (List<Object> focused : record) {
                int number = ((Number) focused.get(0)).intValue();
                if ((number == -1 && !stops.isEmpty()) || (number >= 0 && !reached.add(number))) {
                    return new KeyboardWalk(elements, stops);
                }
                if (number != -1) {
                    stops.add(new Stop(number, number >= 0 ? elements.get(number)
                            : "an element the walk did not expect", (Boolean) focused.get(1)));
                }
            }
        }
        return new KeyboardWalk(elements, stops);
    }

    /** The elements a keyboard user should reach, by description. */
    public List<String> elements() {
        return elements;
    }

    /** Where the focus went, in order. */
    public List<Stop> stops() {
        return stops;
    }

    /** The elements the focus never reached. */
    public List<String> unreached() {
        Set<Integer> reached = new LinkedHashSet<>();
        stops.forEach(stop -> reached.add(stop.number()));
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            if (!reached.contains(i)) {
                missed.add(elements.get(i));
            }
        }
        return missed;
    }

    /** The stops where nothing showed that the element had the focus. */
    public List<String> invisibleFocus() {
        return stops.stream().filter(stop -> !stop.visible()).map(Stop::element).toList();
    }

    /** A summary for an assertion's message. */
    public Map<String, Object> report() {
        return Map.of("elements", elements.size(), "stops", stops.size(), "unreached", unreached(),
                "invisible focus", invisibleFocus());
    }
}
