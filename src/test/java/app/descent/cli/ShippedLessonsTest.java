package app.descent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.descent.lessons.Block;
import app.descent.lessons.Lesson;
import app.descent.lessons.LessonCatalog;
import app.descent.lessons.LessonParser;
import app.descent.lessons.Step;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shipped lesson passes descent lesson check: every stated number is what the engines compute. */
class ShippedLessonsTest {

    static List<String> shipped() {
        return LessonCatalog.shippedNames();
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void passesCheck(String name) throws Exception {
        Lesson lesson = LessonParser.parseResource("lessons/" + name);
        assertThat(lesson.minutes()).as("minutes").isBetween(5, 20);
        for (Step s : lesson.steps()) {
            for (Block.Check c : s.checks()) {
                if (!c.hasChoices()) {
                    assertThat(c.of()).as("every number is checked against a result: '%s'", c.ask()).isNotNull();
                }
            }
        }
        CliTest.Run r = CliTest.run("lesson", "check", "--json", lesson.id());
        assertThat(r.err()).isEmpty();
        JsonNode report = Json.MAPPER.readTree(r.out());
        assertThat(report.get("status").asText()).as(report.toString()).isEqualTo("ok");
        assertThat(r.code()).isZero();
    }

    @Test
    void theIndexListsEveryLessonFileOnce() throws Exception {
        List<String> files;
        try (Stream<Path> s = Files.list(Path.of("src/main/resources/lessons"))) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md")).sorted().toList();
        }
        assertThat(shipped()).doesNotHaveDuplicates();
        assertThat(shipped().stream().sorted().toList()).isEqualTo(files);
        assertThat(files).hasSizeGreaterThanOrEqualTo(12);
    }
}
