package omega.connectors.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void paragraphsBreaksAndListsBecomeLines() {
        assertEquals("First paragraph.\n\nSecond line one\nline two\n\n- apples\n- pears",
                HtmlText.toText("<p>First paragraph.</p><p>Second line one<br/>line two</p><ul><li>apples</li><li>pears</li></ul>"));
    }

    @Test
    void divsBreakLinesWithoutBlankLines() {
        assertEquals("a\nb\nc", HtmlText.toText("<div>a</div><div>b</div><div><span>c</span></div>"));
    }

    @Test
    void scriptsStylesHeadAndCommentsDisappear() {
        String html = "<html><head><title>t</title><style>p{color:red}</style></head><body>"
                + "<!-- hidden --><script type=\"text/javascript\">alert('<p>x</p>')</script>"
                + "<p>Visible</p><SCRIPT>evil()</SCRIPT></body></html>";

        assertEquals("Visible", HtmlText.toText(html));
    }

    @Test
    void entitiesAreDecodedNamedAndNumeric() {
        assertEquals("A & B < C > D \"q\" 'a' é € — ✓ 😀",
                HtmlText.toText("<p>A &amp; B &lt; C &gt; D &quot;q&quot; &apos;a&apos; &eacute; &euro; &#8212; &#x2713; &#128512;</p>"));
    }

    @Test
    void unknownOrBrokenEntitiesStayAsWritten() {
        assertEquals("AT&T &bogus; &#xZZ; & more", HtmlText.toText("<b>AT&T &bogus; &#xZZ; & more</b>"));
    }

    @Test
    void whitespaceCollapsesOutsidePreAndIsKeptInside() {
        assertEquals("one two three\n\n  indented\n    more",
                HtmlText.toText("<p>one\n   two\t\tthree</p><pre>  indented\n    more</pre>"));
    }

    @Test
    void blockquotesArePrefixedAsQuotes() {
        assertEquals("Thanks!\n\n> earlier message\n> second line",
                HtmlText.toText("<div>Thanks!</div><blockquote>earlier message<br>second line</blockquote>"));
    }

    @Test
    void quotedAttributesMayContainAngleBrackets() {
        assertEquals("link text", HtmlText.toText("<a title=\"a > b\" href='x'>link text</a>"));
    }

    @Test
    void tableCellsAreSeparatedBySpaces() {
        assertEquals("Name Value\nCPU 97%", HtmlText.toText("<table><tr><th>Name</th><th>Value</th></tr><tr><td>CPU</td><td>97%</td></tr></table>"));
    }

    @Test
    void plainTextWithAngleBracketsIsNotTreatedAsHtml() {
        String text = "if load < 5 and x > 3 then <restart service>\r\nok   ";

        assertEquals("if load < 5 and x > 3 then <restart service>\nok", HtmlText.toText(text));
    }

    @Test
    void plainTextKeepsIndentationAndLosesTrailingBlanksAndExtraBlankLines() {
        assertEquals("line 1\n  indented\n\nafter gap", HtmlText.toText("\n\nline 1  \n  indented\n\n\n\nafter gap\n\n"));
    }

    @Test
    void nullAndEmptyGiveEmptyText() {
        assertEquals("", HtmlText.toText(null));
        assertEquals("", HtmlText.toText(""));
        assertEquals("", HtmlText.toText("<p>&nbsp;</p><br>"));
    }

    @Test
    void unclosedTagsAndAStrayBracketDoNotLoseText() {
        assertEquals("a < b\nc", HtmlText.toText("<p>a < b<br>c"));
        assertEquals("text", HtmlText.toText("<div>text<script>never closed"));
    }

    @Test
    void aMebibyteOfHtmlIsConvertedCompletely() {
        StringBuilder html = new StringBuilder("<html><body>");
        int paragraphs = 0;
        while (html.length() < (1 << 20)) {
            html.append("<p>Paragraph ").append(paragraphs++).append(" with <b>bold</b> &amp; entities</p>");
        }
        html.append("</body></html>");

        String text = HtmlText.toText(html.toString());

        assertTrue(text.startsWith("Paragraph 0 with bold & entities\n\nParagraph 1 with"));
        assertTrue(text.endsWith("Paragraph " + (paragraphs - 1) + " with bold & entities"));
    }
}
