package app.descent.training.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShippedDatasetTest {

    @Test
    void mnistHasTheStratifiedSplitOfTheNpmPackage() {
        ImageSet train = ShippedDataset.MNIST.train();
        ImageSet test = ShippedDataset.MNIST.test();
        assertThat(train.count()).isEqualTo(8_000);
        assertThat(test.count()).isEqualTo(2_000);
        assertThat(train.rows()).isEqualTo(28);
        assertThat(train.cols()).isEqualTo(28);
        // the package holds 863..1,127 digits per class; each class keeps 80 % of its digits for training
        int[] perClass = {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978};
        int[] trainCounts = train.classCounts();
        int[] testCounts = test.classCounts();
        for (int c = 0; c < 10; c++) {
            assertThat(trainCounts[c] + testCounts[c]).isEqualTo(perClass[c]);
            assertThat(Math.abs(testCounts[c] - 0.2 * perClass[c])).isLessThanOrEqualTo(1.0);
        }
        assertPixels(train);
        assertPixels(test);
    }

    @Test
    void fashionMnistIsComplete() {
        ImageSet train = ShippedDataset.FASHION_MNIST.train();
        ImageSet test = ShippedDataset.FASHION_MNIST.test();
        assertThat(train.count()).isEqualTo(60_000);
        assertThat(test.count()).isEqualTo(10_000);
        assertThat(train.classCounts()).containsOnly(6_000);
        assertThat(test.classCounts()).containsOnly(1_000);
        assertThat(train.classNames()).hasSize(10).startsWith("T-shirt/top").endsWith("Ankle boot");
        assertPixels(test);
    }

    @Test
    void headerCountsAgreeWithFullLoads() {
        assertThat(ShippedDataset.MNIST.trainCount()).isEqualTo(8_000);
        assertThat(ShippedDataset.MNIST.testCount()).isEqualTo(2_000);
        assertThat(ShippedDataset.FASHION_MNIST.trainCount()).isEqualTo(60_000);
        assertThat(ShippedDataset.FASHION_MNIST.testCount()).isEqualTo(10_000);
    }

    @Test
    void unknownNameListsTheShippedOnes() {
        assertThat(ShippedDataset.byId("fashion-mnist")).isEqualTo(ShippedDataset.FASHION_MNIST);
        assertThatThrownBy(() -> ShippedDataset.byId("cifar"))
                .isInstanceOf(DatasetException.class).hasMessageContaining("cifar").hasMessageContaining("mnist, fashion-mnist");
    }

    private static void assertPixels(ImageSet set) {
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        double sum = 0;
        for (float p : set.pixels()) {
            min = Math.min(min, p);
            max = Math.max(max, p);
            sum += p;
        }
        assertThat(min).isEqualTo(0f);
        assertThat(max).isEqualTo(1f);
        double mean = sum / set.pixels().length;
        // digits and clothes cover a tenth to a third of their 28×28 box
        assertThat(mean).isBetween(0.08, 0.4);
    }
}
