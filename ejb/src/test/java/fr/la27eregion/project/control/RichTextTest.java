package fr.la27eregion.project.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sanitiser against payloads of the OWASP XSS Filter Evasion Cheat Sheet (and a few of the same families): what
 * it keeps contains nothing a browser would run, load or style, and the formatting the editor offers survives.
 */
class RichTextTest {

    /** Anything that runs or loads: no such thing may be in kept HTML, whatever its case. */
    private static final Pattern EXECUTABLE = Pattern.compile("<\\s*/?\\s*(script|style|iframe|frame|frameset|object"
            + "|embed|applet|meta|link|base|img|svg|math|video|audio|source|form|input|button|textarea|select"
            + "|marquee|bgsound|xml|template|details|body|html|table|div|span)\\b"
            + "|\\son[a-z]+\\s*=|javascript:|vbscript:|livescript:|data:|style\\s*=|expression\\(|srcdoc|formaction"
            + "|xlink:href|background\\s*=|dynsrc|lowsrc");

    static List<String> payloads() {
        return List.of(
                "<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>",
                "<script>alert('XSS')</script>",
                "<ScRiPt>alert(1)</sCrIpT>",
                "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
                "<SCRIPT/XSS SRC=\"http://xss.example/xss.js\"></SCRIPT>",
                "<SCRIPT/SRC=\"http://xss.example/xss.js\"></SCRIPT>",
                "<script>/* </script> */alert(1)</script>",
                "<IMG SRC=\"javascript:alert('XSS');\">",
                "<IMG SRC=javascript:alert('XSS')>",
                "<IMG SRC=JaVaScRiPt:alert('XSS')>",
                "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
                "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
                "<IMG SRC=# onmouseover=\"alert('xxs')\">",
                "<IMG SRC=/ onerror=\"alert(String.fromCharCode(88,83,83))\"></img>",
                "<img src=x onerror=alert(1)>",
                "<img src=x:alert(alt) onerror=eval(src) alt=0>",
                "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;"
                        + "&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
                "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28"
                        + "&#x27&#x58&#x53&#x53&#x27&#x29>",
                "<IMG SRC=\"jav\tascript:alert('XSS');\">",
                "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
                "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
                "<svg onload=alert(1)>",
                "<svg><script>alert(1)</script></svg>",
                "<svg/onload=alert('XSS')>",
                "<BODY ONLOAD=alert('XSS')>",
                "<BODY BACKGROUND=\"javascript:alert('XSS')\">",
                "<INPUT TYPE=\"IMAGE\" SRC=\"javascript:alert('XSS');\">",
                "<BGSOUND SRC=\"javascript:alert('XSS');\">",
                "<LINK REL=\"stylesheet\" HREF=\"javascript:alert('XSS');\">",
                "<STYLE>@import'http://xss.example/xss.css';</STYLE>",
                "<STYLE>li {list-style-image: url(\"javascript:alert('XSS')\");}</STYLE><UL><LI>XSS</br>",
                "<p style=\"background-image:url(javascript:alert(1))\">styled</p>",
                "<DIV STYLE=\"width: expression(alert('XSS'));\">",
                "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
                "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=data:text/html base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K\">",
                "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>",
                "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
                "<FRAMESET><FRAME SRC=\"javascript:alert('XSS');\"></FRAMESET>",
                "<TABLE BACKGROUND=\"javascript:alert('XSS')\">",
                "<OBJECT TYPE=\"text/x-scriptlet\" DATA=\"http://xss.example/scriptlet.html\"></OBJECT>",
                "<EMBED SRC=\"data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIi"
                        + "B4bWxucz0iaHR0cDovL3d3dy53My5vcmcv\" type=\"image/svg+xml\" AllowScriptAccess=\"always\">"
                        + "</EMBED>",
                "<a href=\"javascript:alert(1)\">click</a>",
                "<a href=\"JaVaScRiPt:alert(1)\">click</a>",
                "<a href=\"&#106;avascript:alert(1)\">click</a>",
                "<a href=\"java&#x0A;script:alert(1)\">click</a>",
                "<a href=\" javascript:alert(1)\">click</a>",
                "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">click</a>",
                "<a href=\"vbscript:msgbox(1)\">click</a>",
                "<a href=\"https://example.org\" onclick=\"alert(1)\" onmouseover=\"alert(2)\">link</a>",
                "<p onclick=\"alert(1)\">paragraph</p>",
                "<strong onmouseover=alert(1)>bold</strong>",
                "<blockquote cite=\"javascript:alert(1)\">quote</blockquote>",
                "<form action=\"javascript:alert(1)\"><button formaction=javascript:alert(1)>x</button></form>",
                "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
                "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
                "<template><script>alert(1)</script></template>",
                "<details open ontoggle=alert(1)>",
                "<video><source onerror=\"alert(1)\"></video>",
                "<marquee onstart=alert(1)>x</marquee>",
                "\"><script>alert(1)</script>",
                "';alert(String.fromCharCode(88,83,83))//';alert(String.fromCharCode(88,83,83))//\";"
                        + "alert(String.fromCharCode(88,83,83))//--></SCRIPT>\">'><SCRIPT>alert(String.fromCharCode(88,83,83))</SCRIPT>",
                "<!--<script>alert(1)</script>-->",
                "<![CDATA[<script>alert(1)</script>]]>",
                "<xml><i><b>&lt;img src=1 onerror=alert(1)&gt;</b></i></xml>",
                "<a href=\"https://example.org\"><img src=x onerror=alert(1)></a>",
                "<base href=\"javascript:alert('XSS');//\">",
                "<scr<script>ipt>alert(1)</scr</script>ipt>");
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void nothingExecutableSurvives(String payload) {
        String kept = RichText.sanitise(payload);
        assertThat(EXECUTABLE.matcher(kept.toLowerCase(Locale.ROOT)).find()).as(payload + " -> " + kept).isFalse();
        // the same payload inside allowed formatting
        String wrapped = RichText.sanitise("<p><strong>" + payload + "</strong></p><ul><li>" + payload + "</li></ul>");
        assertThat(EXECUTABLE.matcher(wrapped.toLowerCase(Locale.ROOT)).find()).as(wrapped).isFalse();
        // what the sanitiser keeps is stable: sanitised again, it is the same
        assertThat(RichText.sanitise(kept)).isEqualTo(kept);
    }

    @Test
    void theContentOfScriptsAndStylesIsNotKeptAsText() {
        assertThat(RichText.text("<script>alert(1)</script><style>p{}</style>Texte")).isEqualTo("Texte");
    }

    @Test
    void theEditorsFormattingSurvives() {
        String html = "<h3>Contexte</h3><p>Une <strong>école</strong> en <em>2030</em>.<br>Suite</p>"
                + "<ul><li>un</li><li>deux</li></ul><ol><li>trois</li></ol><blockquote>citation</blockquote>"
                + "<h4>Détail</h4><p><a href=\"https://example.org/a?b=1&amp;c=2\">site</a> "
                + "<a href=\"mailto:equipe@example.fr\">écrire</a></p>";
        String kept = RichText.sanitise(html);
        assertThat(kept).contains("<h3>Contexte</h3>", "<strong>école</strong>", "<em>2030</em>", "<br />",
                "<ul><li>un</li><li>deux</li></ul>", "<ol><li>trois</li></ol>", "<blockquote>citation</blockquote>",
                "<h4>Détail</h4>", "href=\"https://example.org/a?b&#61;1&amp;c&#61;2\"", "href=\"mailto:equipe&#64;example.fr\"",
                "rel=\"nofollow noopener\"");
    }

    @Test
    void anEditorsOtherWordsBecomeTheSubsets() {
        assertThat(RichText.sanitise("<b>gras</b> <i>italique</i> <h1>Titre</h1> <h5>Petit</h5>"))
                .isEqualTo("<strong>gras</strong> <em>italique</em> <h3>Titre</h3> <h4>Petit</h4>");
    }

    @Test
    void plainTextDecodesEntitiesAndKeepsParagraphsApart() {
        assertThat(RichText.text("<p>L&#39;&eacute;cole&nbsp;de <strong>demain</strong></p><p>Deuxième</p>"
                + "<script>alert('caché')</script><ul><li>un</li><li>deux</li></ul>"))
                .isEqualTo("L'école de demain\nDeuxième\nun\ndeux");
        assertThat(RichText.text(null)).isEmpty();
        assertThat(RichText.sanitise("   ")).isEmpty();
        assertThat(RichText.of("<script>x</script>").html()).isEmpty();
    }
}
