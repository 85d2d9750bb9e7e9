package app.descent.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One progress file per user: Practice and the lessons save their sections without undoing each other. */
class ProgressStoreTest {
    @Test
    void twoSectionsShareOneFileAndNeitherUndoesTheOther(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(ProgressStore.FILE);
        ProgressStore practice = new ProgressStore(file, "practice");
        ProgressStore lessons = new ProgressStore(file, "lessons");
        practice.update(d -> d.put("tried", 1));
        lessons.update(d -> d.putObject("backprop-basics").put("step", 2));
        // the practice store was opened before the lessons saved: its next save keeps theirs
        practice.update(d -> d.put("tried", 2));
        JsonNode all = new ObjectMapper().readTree(file.toFile());
        assertThat(all.path("practice").path("tried").asInt()).isEqualTo(2);
        assertThat(all.path("lessons").path("backprop-basics").path("step").asInt()).isEqualTo(2);
        assertThat(new ProgressStore(file, "lessons").data().path("backprop-basics").path("step").asInt()).isEqualTo(2);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left behind")
                    .containsExactly(ProgressStore.FILE);
        }
    }

    @Test
    void anOldFileIsReadOnceAndABrokenOneStartsAfresh(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(ProgressStore.FILE);
        Path old = Files.writeString(dir.resolve("lessons-progress.json"), "{\"p02b-epochs\": {\"step\": 3}}");
        ProgressStore migrated = new ProgressStore(file, "lessons", old);
        assertThat(migrated.data().path("p02b-epochs").path("step").asInt()).isEqualTo(3);
        migrated.update(d -> d.putObject("p02a-training-loop").put("step", 1));
        assertThat(old).as("moved into the store").doesNotExist();
        assertThat(new ProgressStore(file, "lessons", old).data().path("p02b-epochs").path("step").asInt()).isEqualTo(3);
        Files.writeString(file, "{ not json");
        ProgressStore broken = new ProgressStore(file, "practice");
        assertThat(broken.data().size()).isZero();
        broken.update(d -> d.put("tried", 1));
        assertThat(new ProgressStore(file, "practice").data().path("tried").asInt()).isEqualTo(1);
    }
}
