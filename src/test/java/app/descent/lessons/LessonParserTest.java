package app.descent.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LessonParserTest {
    private static final String FRONT = "---\nid: demo\ntitle: Demo\ncourse: P02a\nminutes: 5\n---\n";

    private static Lesson parse(String text) {
        return LessonParser.parse(text, "demo.md", Optional.empty(), p -> Optional.empty());
    }

    private static String malformed(String text) {
        try {
            parse(text);
        } catch (LessonException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for:\n" + text);
    }

    @Test
    void readsFrontMatterIntroStepsActionsAndChecks() {
        Lesson l = parse(FRONT + "Intro with $a_1$ math.\n\n## First step\nText.\n\n```descent-action\nworkspace: backprop\n"
                + "expression: x*y\nvalues: {x: 3, y: -4}\n```\n\n```descent-check\nask: dx?\nanswer: -4\nof: gradients.x\n"
                + "hint: the other input\n```\n\n## Second\n\n```descent-check\nask: pick\nchoices: [a, b, c]\nanswer: [0, 2]\n```\n");
        assertThat(l.id()).isEqualTo("demo");
        assertThat(l.minutes()).isEqualTo(5);
        assertThat(l.intro()).hasSize(1);
        assertThat(((Block.Paragraph) l.intro().get(0)).parts()).containsExactly(
                new Inline.Text("Intro with ", Inline.Style.PLAIN), new Inline.Math("a_1"),
                new Inline.Text(" math.", Inline.Style.PLAIN));
        assertThat(l.steps()).extracting(Step::title).containsExactly("First step", "Second");
        Step first = l.steps().get(0);
        Block.Action a = first.actions().get(0);
        assertThat(a.workspace()).isEqualTo(Workspace.BACKPROP);
        assertThat(a.line()).isEqualTo(12);
        assertThat(a.settings().get("values").get("y").asInt()).isEqualTo(-4);
        Block.Check c = first.checks().get(0);
        assertThat(c.answer()).containsExactly(-4.0);
        assertThat(c.single()).isTrue();
        assertThat(c.of().toString()).isEqualTo("gradients.x");
        assertThat(c.action()).isSameAs(a);
        assertThat(c.tolerance()).isEqualTo(1e-4);
        Block.Check pick = l.steps().get(1).checks().get(0);
        assertThat(pick.choices()).containsExactly("a", "b", "c");
        assertThat(pick.answer()).containsExactly(0.0, 2.0);
        assertThat(pick.action()).isNull();
    }

    @Test
    void displayMathEscapedDollarsBoldAndCode() {
        Lesson l = parse(FRONT + "## S\nIt costs \\$5 and **bold** `code`.\n$$f = \\frac{1}{2}$$\nafter\n");
        var blocks = l.steps().get(0).blocks();
        assertThat(blocks).hasSize(3);
        assertThat(((Block.Paragraph) blocks.get(0)).parts()).containsExactly(
                new Inline.Text("It costs $5 and ", Inline.Style.PLAIN), new Inline.Text("bold", Inline.Style.BOLD),
                new Inline.Text(" ", Inline.Style.PLAIN), new Inline.Text("code", Inline.Style.CODE),
                new Inline.Text(". ", Inline.Style.PLAIN));
        assertThat(blocks.get(1)).isEqualTo(new Block.DisplayMath(8, "f = \\frac{1}{2}"));
        assertThat(((Block.Paragraph) blocks.get(2)).parts()).containsExactly(new Inline.Text(" after", Inline.Style.PLAIN));
    }

    @Test
    void imagesResolveNextToTheLessonFile(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("pic.png"), new byte[] {1});
        Path file = dir.resolve("l.md");
        Files.writeString(file, FRONT + "## S\nSee ![a graph](pic.png) here.\n");
        Lesson l = LessonParser.parseFile(file);
        Inline.Image img = (Inline.Image) ((Block.Paragraph) l.steps().get(0).blocks().get(0)).parts().get(1);
        assertThat(img.alt()).isEqualTo("a graph");
        assertThat(Path.of(img.location().toURI())).isEqualTo(dir.resolve("pic.png"));
        Files.writeString(file, FRONT + "## S\n\nSee ![x](missing.png).\n");
        assertThatThrownBy(() -> LessonParser.parseFile(file)).hasMessage(file + ":9: image 'missing.png' not found next to the lesson");
    }

    @Test
    void malformedFilesNameFileLineAndWhat() {
        assertThat(malformed(FRONT + "## S\n```descent-action\nworkspace: backprop\nexpression: [x\n```\n"))
                .startsWith("demo.md:10: YAML error:");
        assertThat(malformed(FRONT + "## S\n```descent-action\nworkspace: kitchen\n```\n"))
                .isEqualTo("demo.md:9: unknown workspace 'kitchen' (known: backprop, builder, training, compare, paths, practice)");
        assertThat(malformed(FRONT + "## S\n```descent-action\nworkspace: training\nmodel: m.py\ndataset: xor\nepoch: 3\n```\n"))
                .startsWith("demo.md:12: unknown key 'epoch' for workspace training (known: model, dataset, loss,");
        assertThat(malformed(FRONT + "## S\n```descent-check\nask: q\nanswer: 1\nof: runs[x]\n```\n"))
                .startsWith("demo.md:11: 'of: runs[x]': [x] is not an index");
        assertThat(malformed(FRONT + "## S\n```descent-check\nask: q\nanswer: 1\nof: value\n```\n"))
                .isEqualTo("demo.md:11: 'of' needs a descent-action above this check in the same step");
        assertThat(malformed(FRONT + "## S\n```descent-check\nask: q\nanswr: 1\n```\n"))
                .startsWith("demo.md:10: unknown check key 'answr'");
        assertThat(malformed(FRONT + "## S\n```descent-check\nask: q\nchoices: [a, b]\nanswer: [2]\n```\n"))
                .startsWith("demo.md:11: with 'choices', 'answer' lists the 0-based indices");
        assertThat(malformed(FRONT + "## S\nPrice $5 only\n")).isEqualTo(
                "demo.md:8: '$' opens math that is never closed (write \\$ for a dollar sign)");
        assertThat(malformed(FRONT + "## S\n```descent-check\nask: q\nanswer: 1\n")).isEqualTo(
                "demo.md:8: the fenced block opened here is never closed with ```");
        assertThat(malformed("---\nid: demo\ntitle: D\ncourse: C\nminutes: five\n---\n## S\n"))
                .isEqualTo("demo.md:5: minutes must be a positive whole number, not 'five'");
        assertThat(malformed("---\nid: demo\ntitle: D\ncourse: C\nminutes: 5\nlevel: 2\n---\n## S\n"))
                .startsWith("demo.md:6: unknown front-matter key 'level'");
        assertThat(malformed("# no front matter\n")).startsWith("demo.md:1: a lesson starts with YAML front matter");
        assertThat(malformed(FRONT + "just an intro\n")).startsWith("demo.md:7: the lesson has no steps");
        assertThat(malformed(FRONT + "## S\n```descent-check\nask: q\nexplain: it is 4: not 5\n```\n"))
                .startsWith("demo.md:10: YAML error: mapping values are not allowed here (a value that contains ': ' needs quotes");
    }

    @Test
    void resultPathsReadKeysIndicesAndNegativeIndices() throws Exception {
        var root = new ObjectMapper().readTree("{\"gradients\": {\"x\": -8}, \"layers\": [{\"outputShape\": [1, 4]},"
                + " {\"outputShape\": [1, 2]}], \"runs\": [{\"testAccuracy\": 0.5}, {\"testAccuracy\": 0.9}]}");
        assertThat(ResultPath.parse("gradients.x").find(root).orElseThrow().asInt()).isEqualTo(-8);
        assertThat(ResultPath.parse("layers[1].outputShape[-1]").find(root).orElseThrow().asInt()).isEqualTo(2);
        assertThat(ResultPath.parse("runs[-1].testAccuracy").find(root).orElseThrow().asDouble()).isEqualTo(0.9);
        assertThat(ResultPath.parse("runs[-3].testAccuracy").find(root)).isEmpty();
        assertThat(ResultPath.parse("gradients.z").find(root)).isEmpty();
        assertThat(ResultPath.parse("gradients.z").missingPart(root)).isEqualTo("'z' is not in gradients; it has x");
    }

    @Test
    void gradingUsesRelativeToleranceWithAnAbsoluteFloor() {
        Lesson l = parse(FRONT + "## S\n```descent-check\nask: q\nanswer: [100, 0]\n```\n"
                + "```descent-check\nask: o\nanswer: 1\ntolerance: 0.1\n```\n");
        Block.Check c = l.steps().get(0).checks().get(0);
        assertThat(Grading.typed(c, "100.009, 0.0000009").correct()).isTrue();
        assertThat(Grading.typed(c, "100.02 0").correct()).isFalse();
        assertThat(Grading.typed(c, "100, 0.00001").correct()).isFalse();
        assertThat(Grading.typed(c, "100").feedback()).isEqualTo("Give 2 numbers, you gave 1.");
        assertThat(Grading.typed(c, "ten").feedback()).isEqualTo("'ten' is not a number.");
        Block.Check loose = l.steps().get(0).checks().get(1);
        assertThat(Grading.typed(loose, "1.09").correct()).isTrue();
        assertThat(Grading.typed(loose, "1.11").correct()).isFalse();
    }
}
