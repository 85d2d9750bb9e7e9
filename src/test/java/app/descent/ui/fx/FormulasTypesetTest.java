package app.descent.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import app.descent.lessons.Block;
import app.descent.lessons.Inline;
import app.descent.lessons.Lesson;
import app.descent.lessons.LessonCatalog;
import app.descent.lessons.LessonParser;
import app.descent.lessons.Step;
import app.descent.practice.Difficulty;
import app.descent.practice.Exercise;
import app.descent.practice.Topic;
import app.descent.practice.Topics;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/**
 * Every formula a student may read, including what a screen walk does not reveal (each explanation, each choice, every
 * difficulty of every Practice topic), typesets: TeX that JLaTeXMath cannot parse would be shown raw.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.testfx.framework.junit5.ApplicationExtension.class)
class FormulasTypesetTest {

    private static void formulas(List<Block> blocks, String where, List<String> out) {
        for (Block b : blocks) {
            if (b instanceof Block.DisplayMath m) {
                out.add(where + ": " + m.tex());
            } else if (b instanceof Block.Paragraph p) {
                for (Inline i : p.parts()) {
                    if (i instanceof Inline.Math m) {
                        out.add(where + ": " + m.tex());
                    }
                }
            }
        }
    }

    private static void text(String s, String where, List<String> out) {
        if (s != null) {
            formulas(LessonParser.text(s), where, out);
        }
    }

    private static List<String> failing(List<String> formulas) {
        List<String> bad = new ArrayList<>();
        for (String f : formulas) {
            String tex = f.substring(f.indexOf(": ") + 2);
            if (MathImages.render(tex, MathText.SIZE, false, Color.BLACK).isEmpty()) {
                bad.add(f);
            }
        }
        return bad;
    }

    @Test
    void everyLessonsFormulasTypeset() {
        List<String> all = new ArrayList<>();
        for (Lesson l : LessonCatalog.load(List.of()).lessons()) {
            formulas(l.intro(), l.id(), all);
            for (Step s : l.steps()) {
                String where = l.id() + " / " + s.title();
                formulas(s.blocks(), where, all);
                for (Block.Check c : s.checks()) {
                    text(c.ask(), where, all);
                    text(c.hint(), where, all);
                    text(c.explain(), where, all);
                    if (c.hasChoices()) {
                        c.choices().forEach(ch -> text(ch, where, all));
                    }
                }
            }
        }
        assertThat(all).as("the lessons hold formulas").hasSizeGreaterThan(50);
        assertThat(failing(all)).isEmpty();
    }

    @Test
    void everyPracticeQuestionAndSolutionTypesets() {
        List<String> all = new ArrayList<>();
        for (Topic t : Topics.all()) {
            for (Difficulty d : Difficulty.values()) {
                for (long seed = 0; seed < 8; seed++) {
                    Exercise e = d.generate(t, seed);
                    String where = t.id() + " " + d + " " + seed;
                    text(e.question(), where, all);
                    e.solution().forEach(s -> text(s, where, all));
                    e.given().path("options").forEach(o -> text(o.asText(), where, all));
                }
            }
        }
        assertThat(all).as("the exercises hold formulas").isNotEmpty();
        assertThat(failing(all)).isEmpty();
    }
}
