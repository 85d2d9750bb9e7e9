package app.descent.ui.fx;

import java.nio.file.Path;

/**
 * What the window tells a person after an unexpected failure: one sentence, the details to copy into a bug report,
 * and the log file that holds them too.
 */
public record CrashReport(String sentence, String details, Path logFile) {
}
