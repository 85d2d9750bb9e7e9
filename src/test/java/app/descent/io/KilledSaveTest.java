package app.descent.io;

import static org.assertj.core.api.Assertions.assertThat;

import app.descent.network.NetworkJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quitting in the middle of a save (SIGKILL, the hardest way) leaves every file whole: the old one or the new one. */
class KilledSaveTest {
    @TempDir
    Path dir;

    @Test
    void killingAProcessInTheMiddleOfASaveLoopLeavesNoPartialFile() throws Exception {
        Random random = new Random(15);
        for (int round = 0; round < 3; round++) {
            Process p = ChildJvm.of(dir.resolve("home"), SaveLoop.class, dir.toString()).redirectErrorStream(true)
                    .start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            int saves = 0;
            int wanted = 3 + random.nextInt(5);
            String line;
            while (saves < wanted && (line = out.readLine()) != null) {
                assertThat(line).startsWith("saved ");
                saves++;
            }
            Thread.sleep(random.nextInt(40));
            p.destroyForcibly();
            assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
            assertThat(saves).isEqualTo(wanted);
            everyFileIsWhole();
        }
        // the killed processes' temporary files are swept by the next start (their ids no longer run)
        AtomicFiles.sweepTree(dir);
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(AtomicFiles.SUFFIX))).isEmpty();
        }
    }

    private void everyFileIsWhole() throws Exception {
        assertThat(NetworkJson.load(dir.resolve("net.json")).network().leaves()).isNotEmpty();
        JsonNode progress = new ObjectMapper().readTree(dir.resolve("progress.json").toFile());
        assertThat(progress.get("pad").asText()).hasSize(progress.get("length").asInt());
        List<CSVRecord> rows = CSVParser.parse(dir.resolve("metrics.csv"), StandardCharsets.UTF_8, Csv.FORMAT)
                .getRecords();
        CSVRecord last = rows.get(rows.size() - 1);
        assertThat(last.get(0)).isEqualTo("end");
        assertThat(rows).hasSize(Integer.parseInt(last.get(1)) + 2);
    }
}
