package app.descent.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentFilesTest {
    @TempDir
    Path dir;
    private final Preferences node = Preferences.userRoot().node("descent-test/recent-files-test");

    @AfterEach
    void forget() throws Exception {
        node.removeNode();
    }

    @Test
    void newestFirstAtMostEightOnceEachAndGoneFilesDropped() throws Exception {
        RecentFiles recent = new RecentFiles(node);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            files.add(Files.writeString(dir.resolve("s" + i + ".descent"), "x"));
            recent.add(files.get(i));
        }
        recent.add(files.get(5));
        assertThat(recent.list()).hasSize(RecentFiles.MAX).first().isEqualTo(files.get(5));
        assertThat(recent.list()).containsOnlyOnce(files.get(5)).doesNotContain(files.get(0), files.get(1));
        Files.delete(files.get(9));
        assertThat(new RecentFiles(node).list()).as("kept between runs, gone files dropped")
                .hasSize(RecentFiles.MAX - 1).doesNotContain(files.get(9)).startsWith(files.get(5), files.get(8));
        assertThat(System.getProperty("user.home")).as("the test's own home").contains("test-home");
    }
}
