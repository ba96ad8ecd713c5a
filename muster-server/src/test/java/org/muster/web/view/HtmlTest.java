package org.muster.web.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesEveryArgumentThatIsNotHtml() {
        Html html = Html.of("<p title=\"%s\">%s%s</p>", "a\"b'c", "<script>alert(1)</script> & co",
                Html.raw("<b>trusted</b>"));

        assertThat(html.toString()).isEqualTo("<p title=\"a&quot;b&#39;c\">&lt;script&gt;alert(1)&lt;/script&gt; "
                + "&amp; co<b>trusted</b></p>");
    }

    @Test
    void rendersNullAsNothingAndLeavesOtherPercentSignsAlone() {
        assertThat(Html.of("<td>%s</td><td style=\"width:50%\">%s</td>", null, 42).toString())
                .isEqualTo("<td></td><td style=\"width:50%\">42</td>");
    }

    @Test
    void refusesATemplateThatDoesNotMatchItsArguments() {
        assertThatThrownBy(() -> Html.of("%s %s", "one")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Html.of("%s", "one", "two")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void joinsFragments() {
        assertThat(Stream.of("<a>", "b").map(s -> Html.of("<li>%s</li>", s)).collect(Html.joining()).toString())
                .isEqualTo("<li>&lt;a&gt;</li><li>b</li>");
    }
}
