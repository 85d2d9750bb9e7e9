package app.descent.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A long question on the Missed list is cut short, never inside a formula, so what remains still typesets. */
class ShortenTest {
    @Test
    void cutsBetweenWordsAndKeepsFormulasWhole() {
        assertThat(MathText.shorten("short", 70)).isEqualTo("short");
        String q = "A recurrent network with one scalar hidden unit computes $h_t = \\mathrm{relu}(V h_{t-1} + W x_t)$"
                + " with V = 1, W = 2 and h0 = -3. What are the hidden states after three steps?";
        assertThat(MathText.shorten(q, 70)).isEqualTo("A recurrent network with one scalar hidden unit computes "
                + "$h_t = \\mathrm{relu}(V h_{t-1} + W x_t)$…");
        assertThat(MathText.shorten(q, 20)).isEqualTo("A recurrent network…");
        String longFormula = "Take $" + "x + ".repeat(40) + "y$ and more";
        assertThat(MathText.shorten(longFormula, 10)).isEqualTo("Take…");
        assertThat(MathText.shorten("a".repeat(100), 10)).isEqualTo("a".repeat(9) + "…");
        assertThat(MathText.shorten("costs \\$5 and \\$6 " + "b ".repeat(40), 20)).isEqualTo("costs \\$5 and \\$6 b…");
    }
}
