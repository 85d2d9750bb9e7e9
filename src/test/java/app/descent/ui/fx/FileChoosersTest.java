package app.descent.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.FileChooser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18: a chooser offers "All files" besides its own kind and starts where the last one of its kind ended. */
class FileChoosersTest {
    @TempDir
    Path dir;

    @Test
    void offersItsOwnFilterFirstAndAllFilesBesides() {
        FileChooser c = FileChoosers.chooser("Descent network", "*.json");
        assertThat(c.getExtensionFilters()).extracting(FileChooser.ExtensionFilter::getDescription)
                .containsExactly("Descent network (*.json)", FileChoosers.ALL_FILES);
        assertThat(c.getSelectedExtensionFilter().getExtensions()).containsExactly("*.json");
        assertThat(c.getExtensionFilters().get(1).getExtensions()).containsExactly("*");
    }

    @Test
    void remembersTheFolderPerPurpose() throws Exception {
        Path pictures = Files.createDirectories(dir.resolve("pictures"));
        Path tables = Files.createDirectories(dir.resolve("tables"));
        FileChoosers.remember("PNG image", pictures.resolve("loss.png").toFile());
        FileChoosers.remember("CSV table", tables.resolve("runs.csv").toFile());
        // a cancelled chooser changes nothing
        assertThat(FileChoosers.remember("PNG image", null)).isNull();

        assertThat(FileChoosers.chooser("PNG image", "*.png").getInitialDirectory()).isEqualTo(pictures.toFile());
        assertThat(FileChoosers.chooser("CSV table", "*.csv").getInitialDirectory()).isEqualTo(tables.toFile());
        // a folder deleted since is not offered
        FileChoosers.remember("SVG drawing", dir.resolve("gone").resolve("x.svg").toFile());
        assertThat(FileChoosers.chooser("SVG drawing", "*.svg").getInitialDirectory()).isNull();
        assertThat(System.getProperty("descent.prefs.node")).as("tests keep their own preferences").contains("test");
    }
}
