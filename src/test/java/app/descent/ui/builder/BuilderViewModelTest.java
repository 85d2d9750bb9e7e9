package app.descent.ui.builder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.descent.network.NetworkException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exam presets give the exam answers; edits keep the network consistent. */
class BuilderViewModelTest {
    @TempDir
    Path dir;

    private static BuilderViewModel preset(String prefix) {
        BuilderViewModel m = new BuilderViewModel();
        m.importCode(BuilderPresets.ALL.stream().filter(p -> p.name().startsWith(prefix)).findFirst().orElseThrow().code());
        assertThat(m.errorProperty().get()).isEmpty();
        return m;
    }

    private static BuilderViewModel.Row last(BuilderViewModel m) {
        return m.rows().get(m.rows().size() - 1);
    }

    @Test
    void examPresetsGiveTheExamAnswers() {
        assertThat(preset("Tutorial Q1").network().params()).isEqualTo(85);
        BuilderViewModel conv = preset("IIT: conv");
        assertThat(conv.rows().get(0).outputShape()).isEqualTo("(1, 8, 16, 16)");
        assertThat(conv.rows().get(0).params()).isEqualTo(1408);
        assertThat(conv.rows().get(0).macs()).isEqualTo(358_400);
        assertThat(preset("IIT: its fully").network().params()).isEqualTo(1792L * 2048 + 2048);
        assertThat(last(preset("Four 3×3")).receptiveField()).isEqualTo(9);
        assertThat(last(preset("TUM")).receptiveField()).isEqualTo(17);
        assertThat(preset("RNN").network().params()).isEqualTo(192);
        assertThat(preset("LeNet-5").network().params()).isEqualTo(61_706);
        long d10 = preset("Depth vs width").network().params();
        assertThat(d10).isEqualTo(10 * 110);
        assertThat(preset("… one more layer").network().params() - d10).isEqualTo(110);
        assertThat(preset("… one more unit").network().params()).isEqualTo(10 * 132);
    }

    @Test
    void addedLayersFitTheShapeTheyReceive() {
        BuilderViewModel m = new BuilderViewModel();
        m.inputProperty().set("8, 3, 32, 32");
        m.add("Conv2d", -1);
        m.add("BatchNorm2d", -1);
        m.add("Flatten", -1);
        m.add("Linear", -1);
        assertThat(m.rows()).extracting(BuilderViewModel.Row::layer)
                .containsExactly("Conv2d(3, 16, 3, padding=1)", "BatchNorm2d(16)", "Flatten()", "Linear(16384, 10)");
        m.move(3, -1);
        assertThat(m.rows().get(2).error()).contains("Linear");
        m.move(2, 1);
        assertThat(m.errorProperty().get()).isEmpty();
        m.setTrainable("0", false);
        assertThat(m.network().trainableParams()).isEqualTo(m.network().params() - 448);
        m.remove(1);
        assertThat(m.rows()).hasSize(3);
    }

    @Test
    void argumentsAreEditedAsPythonWithClearMistakes() {
        BuilderViewModel m = preset("Tutorial Q1");
        var args = m.arguments(0);
        assertThat(args).containsEntry("in_features", "10").containsEntry("bias", "True");
        args.put("out_features", "2 * 4");
        m.setArguments(0, args);
        assertThat(m.rows().get(0).outputShape()).isEqualTo("(100, 8)");
        assertThat(m.rows().get(2).error()).contains("expects 7", "receives 8");
        args.put("out_features", "seven");
        assertThatThrownBy(() -> m.setArguments(0, args)).isInstanceOf(NetworkException.class);
        assertThat(m.rows().get(0).outputShape()).isEqualTo("(100, 8)");
        m.inputProperty().set("100, ten");
        assertThat(m.errorProperty().get()).contains("'ten' is not a whole number");
    }

    @Test
    void savesAndOpensAtomically() throws Exception {
        BuilderViewModel m = preset("LeNet-5");
        Path file = dir.resolve("lenet.json");
        m.save(file);
        BuilderViewModel other = new BuilderViewModel();
        other.open(file);
        assertThat(other.network().params()).isEqualTo(61_706);
        assertThat(other.inputProperty().get()).isEqualTo("1, 1, 32, 32");
        assertThat(Files.list(dir)).hasSize(1);
        String svg = NetworkDrawing.svg(other.inputProperty().get(), other.rows());
        assertThat(svg).startsWith("<svg").contains("Conv2d(1, 6, 5)", "(1, 10)");
    }
}
