package app.descent.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JavaFX loads name.bss instead of name.css when both are there, silently: the build's binary stylesheets
 * (tools/css/CompileCss.java) must be there for every stylesheet and say what its text says now.
 */
class CompiledCssTest {
    @Test
    void everyStylesheetHasABinaryFormOfItsCurrentText(@TempDir Path dir) throws Exception {
        List<Path> sources;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/css"))) {
            sources = files.filter(p -> p.toString().endsWith(".css")).sorted().toList();
        }
        assertThat(sources).extracting(p -> p.getFileName().toString()).contains("descent.css");
        for (Path source : sources) {
            String name = source.getFileName().toString();
            URL bss = CompiledCssTest.class.getResource("/css/" + name.replace(".css", ".bss"));
            assertThat(bss).as("the binary form of " + name + " (the build's process-classes step)").isNotNull();
            Path fresh = dir.resolve(name + ".bss");
            Stylesheet.convertToBinary(source.toFile(), fresh.toFile());
            // compared as read back, not byte for byte: a style class's place in a selector follows the order in
            // which the process first met each class name, so two compilations of one text may order them apart
            assertThat(rules(Stylesheet.loadBinary(bss))).as(name + ": the shipped binary form is its current text's")
                    .isEqualTo(rules(Stylesheet.loadBinary(fresh.toUri().toURL())));
            assertThat(Stylesheet.loadBinary(bss).getRules()).as(name + " has rules").isNotEmpty();
        }
    }

    private static List<String> rules(Stylesheet s) {
        // a binary rule reads its declarations when first asked
        return s.getRules().stream().map(r -> r.getSelectors() + " " + r.getDeclarations().stream()
                .map(d -> d.getProperty() + (d.isImportant() ? "!" : "") + "=" + d.getParsedValue())
                .toList()).toList();
    }
}
