package app.descent.lessons;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A parsed lesson as JSON ({@code descent lesson show --json}). */
public final class LessonJson {
    private LessonJson() {
    }

    public static ObjectNode toJson(Lesson l) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", l.id()).put("title", l.title()).put("course", l.course()).put("minutes", l.minutes());
        o.put("file", l.file());
        blocks(o.putArray("intro"), l.intro());
        ArrayNode steps = o.putArray("steps");
        for (Step s : l.steps()) {
            ObjectNode so = steps.addObject().put("title", s.title()).put("line", s.line());
            blocks(so.putArray("blocks"), s.blocks());
        }
        return o;
    }

    private static void blocks(ArrayNode into, List<Block> blocks) {
        for (Block b : blocks) {
            ObjectNode o = into.addObject();
            if (b instanceof Block.Paragraph p) {
                o.put("type", "text");
                ArrayNode parts = o.putArray("parts");
                for (Inline i : p.parts()) {
                    if (i instanceof Inline.Text t) {
                        parts.addObject().put("text", t.text()).put("style", t.style().name().toLowerCase());
                    } else if (i instanceof Inline.Math m) {
                        parts.addObject().put("math", m.tex());
                    } else if (i instanceof Inline.Image im) {
                        parts.addObject().put("image", im.path()).put("alt", im.alt());
                    }
                }
            } else if (b instanceof Block.DisplayMath m) {
                o.put("type", "math").put("tex", m.tex());
            } else if (b instanceof Block.Action a) {
                o.put("type", "action").put("workspace", a.workspace().id());
                o.set("settings", a.settings());
            } else if (b instanceof Block.Check c) {
                o.put("type", "check").put("ask", c.ask());
                if (c.hasChoices()) {
                    ArrayNode ch = o.putArray("choices");
                    c.choices().forEach(ch::add);
                }
                if (c.observation()) {
                    o.set("observe", LessonCheck.expected(c));
                } else {
                    o.set("answer", LessonCheck.expected(c));
                    o.put("tolerance", c.tolerance());
                }
                if (c.of() != null) {
                    o.put("of", c.of().toString());
                }
                if (c.hint() != null) {
                    o.put("hint", c.hint());
                }
                if (c.explain() != null) {
                    o.put("explain", c.explain());
                }
            }
            o.put("line", b.line());
        }
    }
}
