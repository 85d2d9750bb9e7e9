package app.descent.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.descent.UserInputException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A lesson's grid takes every optimizer option of the registry, by the command line's names. */
class CustomGridTest {
    private static final String CODE = "nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 2))";

    @Test
    void takesTheRegistrysOptimizerOptions() {
        CustomGrid g = CustomGrid.of(CODE, Map.of("dataset", "xor", "vary", "lr=0.01,0.1", "optimizer", "nadam",
                "betas", "0.8, 0.99", "momentum-decay", "0.01"));
        assertThat(g.settings().optimizer().get("beta1")).isEqualTo(0.8);
        assertThat(g.settings().optimizer().get("beta2")).isEqualTo(0.99);
        assertThat(g.settings().optimizer().get("momentumDecay")).isEqualTo(0.01);
        assertThat(g.settings().optimizer().get("eps")).as("the optimizer's own default").isEqualTo(1e-8);
    }

    @Test
    void anOptionTheOptimizerLacksOrABadValueIsAnErrorNamingIt() {
        assertThatThrownBy(() -> CustomGrid.of(CODE, Map.of("dataset", "xor", "vary", "lr=0.01,0.1",
                "optimizer", "sgd", "betas", "0.8,0.99"))).isInstanceOf(UserInputException.class)
                .hasMessage("betas: sgd has no beta1");
        assertThatThrownBy(() -> CustomGrid.of(CODE, Map.of("dataset", "xor", "vary", "lr=0.01,0.1",
                "optimizer", "adam", "betas", "0.9"))).isInstanceOf(UserInputException.class)
                .hasMessage("betas must be B1,B2, not '0.9'");
        assertThatThrownBy(() -> CustomGrid.of(CODE, Map.of("dataset", "xor", "vary", "lr=0.01,0.1",
                "optimizer", "adam", "eps", "tiny"))).isInstanceOf(UserInputException.class)
                .hasMessage("eps must be a number: 'tiny' is not a number");
    }
}
