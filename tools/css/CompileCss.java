import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Writes JavaFX's binary form (.bss) beside every stylesheet under a folder of built resources. JavaFX loads a
 * name.bss found beside name.css instead of parsing the text: parsing the first stylesheet of a process costs its
 * FX thread about a third of a second (the parser's classes, cold), which the window's first frame waited for.
 * Run by the build (pom.xml, process-classes): java -cp CLASSPATH tools/css/CompileCss.java target/classes/css
 */
public final class CompileCss {
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: CompileCss FOLDER (of .css files, as built into target/classes)");
            System.exit(2);
        }
        Path folder = Path.of(args[0]);
        int n = 0;
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path css : files.filter(p -> p.toString().endsWith(".css")).sorted().toList()) {
                String name = css.getFileName().toString();
                Path bss = css.resolveSibling(name.substring(0, name.length() - 4) + ".bss");
                // written whole, then moved: a build stopped halfway leaves no half file for JavaFX to trip on
                Path part = css.resolveSibling(bss.getFileName() + ".part");
                javafx.css.Stylesheet.convertToBinary(css.toFile(), part.toFile());
                Files.move(part, bss, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                n++;
            }
        }
        System.out.println("CompileCss: " + n + " stylesheets in " + folder + " also in binary form (.bss)");
    }

    private CompileCss() {
    }
}
