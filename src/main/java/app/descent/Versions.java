package app.descent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions read from the build and the libraries' own files, without starting JavaFX or DJL. */
public final class Versions {
    private Versions() {
    }

    public static String descent() {
        return property("/app/descent/version.properties", "version");
    }

    public static String java() {
        return System.getProperty("java.version");
    }

    /** JavaFX writes its version into javafx-base; reading it does not start the toolkit. */
    public static String javafx() {
        return property("/javafx.properties", "javafx.version");
    }

    private static String property(String resource, String key) {
        try (InputStream in = Versions.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty(key, "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
