package app.descent.training.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSplitTest {
    @TempDir
    Path dir;

    private static DataSplit.Options options(int samples, long seed, int trainSize, double val) {
        return new DataSplit.Options(samples, -1, seed, trainSize, val);
    }

    @Test
    void toySetsSplit80By20ThenHoldOutValidation() {
        DataSplit s = DataSplit.load("moons", options(500, 1, 0, 0.1));
        assertThat(s.test().count()).isEqualTo(100);
        assertThat(s.validation().count()).isEqualTo(40);
        assertThat(s.train().count()).isEqualTo(360);
        assertThat(s.train().shape()).containsExactly(2);
        DataSplit again = DataSplit.load("moons", options(500, 1, 0, 0.1));
        assertThat(again.train().x()).containsExactly(s.train().x());
        assertThat(DataSplit.load("moons", options(500, 2, 0, 0.1)).train().x()).isNotEqualTo(s.train().x());
    }

    @Test
    void mnistKeepsItsTestSetAndShufflesTraining() {
        DataSplit s = DataSplit.load("mnist", options(500, 7, 1000, 0.1));
        assertThat(s.test().count()).isEqualTo(2000);
        assertThat(s.validation().count()).isEqualTo(100);
        assertThat(s.train().count()).isEqualTo(900);
        assertThat(s.train().shape()).containsExactly(1, 28, 28);
        // a shuffled thousand holds every digit
        assertThat(java.util.Arrays.stream(s.train().classCounts()).min().orElseThrow()).isGreaterThan(50);
    }

    @Test
    void csvDataSplitsLikeToys() throws Exception {
        StringBuilder b = new StringBuilder("a,b,label\n");
        for (int i = 0; i < 50; i++) {
            b.append(i).append(',').append(i * 0.5).append(',').append(i % 2 == 0 ? "even" : "odd").append('\n');
        }
        Path file = dir.resolve("mine.csv");
        Files.writeString(file, b);
        DataSplit s = DataSplit.load("csv:" + file, options(500, 1, 0, 0.1));
        assertThat(s.test().count()).isEqualTo(10);
        assertThat(s.train().count() + s.validation().count()).isEqualTo(40);
        assertThat(s.train().classNames()).containsExactly("even", "odd");
    }

    @Test
    void impossibleRequestsSayWhy() {
        assertThatThrownBy(() -> DataSplit.load("mnist", options(500, 1, 9000, 0.1)))
                .isInstanceOf(DatasetException.class).hasMessageContaining("--train-size 9000");
        assertThatThrownBy(() -> options(500, 1, 0, 1.0)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("validation fraction");
        assertThatThrownBy(() -> DataSplit.load("csv:" + dir.resolve("none.csv"), options(500, 1, 0, 0.1)))
                .isInstanceOf(DatasetException.class).hasMessageContaining("none.csv");
        assertThatThrownBy(() -> DataSplit.load("cifar", options(500, 1, 0, 0.1)))
                .isInstanceOf(DatasetException.class).hasMessageContaining("cifar");
    }
}
