package app.descent.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CellsTest {
    @Test
    void smallHyperparametersAreWrittenInPowersOfTen() {
        assertThat(Cells.hyperparameter(1e-4)).isEqualTo("1e-4");
        assertThat(Cells.hyperparameter(3.16e-4)).isEqualTo("3.2e-4");
        assertThat(Cells.hyperparameter(0.0031)).isEqualTo("3.1e-3");
        assertThat(Cells.hyperparameter(1e-8)).isEqualTo("1e-8");
        assertThat(Cells.hyperparameter(-2.5e-5)).isEqualTo("-2.5e-5");
        assertThat(Cells.hyperparameter(0.05)).isEqualTo("0.05");
        assertThat(Cells.hyperparameter(0.999)).isEqualTo("0.999");
        assertThat(Cells.hyperparameter(0)).isEqualTo("0");
        assertThat(Cells.hyperparameter(10)).isEqualTo("10");
    }
}
