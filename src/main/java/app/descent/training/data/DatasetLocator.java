package app.descent.training.data;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the shipped {@code datasets} folder: the system property {@code descent.datasets}, the environment
 * variable {@code DESCENT_DATASETS}, {@code ./datasets}, or next to the jar (or classes folder) Descent runs from.
 */
public final class DatasetLocator {
    public static final String PROPERTY = "descent.datasets";
    public static final String ENV = "DESCENT_DATASETS";

    private DatasetLocator() {
    }

    public static Path root() {
        String explicit = System.getProperty(PROPERTY);
        if (explicit == null || explicit.isBlank()) {
            explicit = System.getenv(ENV);
        }
        if (explicit != null && !explicit.isBlank()) {
            // an explicit choice is never second-guessed: a wrong path must be reported, not papered over
            Path p = Path.of(explicit);
            if (!Files.isDirectory(p)) {
                throw new DatasetException("datasets folder " + p + " (from " + PROPERTY + " or " + ENV
                        + ") does not exist");
            }
            return p;
        }
        List<Path> tried = new ArrayList<>();
        for (Path candidate : candidates()) {
            tried.add(candidate);
            if (Files.isDirectory(candidate.resolve("mnist")) || Files.isDirectory(candidate.resolve("fashion-mnist"))) {
                return candidate;
            }
        }
        throw new DatasetException("cannot find the datasets folder; looked in " + tried
                + " (set " + PROPERTY + " or " + ENV + " to its path)");
    }

    private static Set<Path> candidates() {
        Set<Path> out = new LinkedHashSet<>();
        out.add(Path.of("datasets").toAbsolutePath().normalize());
        try {
            Path code = Path.of(DatasetLocator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = Files.isDirectory(code) ? code : code.getParent();
            // target/descent.jar, target/classes, or an installed lib/ folder
            for (Path p = dir; p != null && out.size() < 6; p = p.getParent()) {
                out.add(p.resolve("datasets").normalize());
            }
        } catch (URISyntaxException | RuntimeException e) {
            // no code source (unusual class loader): the working directory is all we have
        }
        return out;
    }
}
