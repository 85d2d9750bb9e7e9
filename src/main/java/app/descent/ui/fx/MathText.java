package app.descent.ui.fx;

import app.descent.lessons.Block;
import app.descent.lessons.Inline;
import app.descent.lessons.LessonParser;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.geometry.Pos;

/**
 * Text with math on screen, for lessons and Practice alike: paragraphs as text flows with $inline$ math typeset by
 * JLaTeXMath ({@link MathImages}), display math centred, images. TeX that does not parse is shown as written.
 */
public final class MathText {
    public static final double SIZE = 17;

    private MathText() {
    }

    public static boolean dark() {
        String ua = Application.getUserAgentStylesheet();
        return ua != null && ua.toLowerCase().contains("dark");
    }

    /** The text colour of the theme on now (figures' text: light on dark, dark on light). */
    public static Color ink() {
        return FigurePalette.current().text();
    }

    /** A short text with $math$ (a hint, an explanation, a question); its accessible text is the text as written. */
    public static Node of(String text) {
        return of(text, SIZE);
    }

    /** The same, with the math typeset at the given size (pixels), to match larger text around it. */
    public static Node of(String text, double size) {
        VBox box = blocks(LessonParser.text(text), size);
        box.setAccessibleText(text);
        return box;
    }

    /**
     * A text that may hold $math$ (a Practice question or solution step): typeset when it has a dollar sign, one
     * plain text flow otherwise, so that program text such as {@code (x*y)**2} is never read as Markdown.
     */
    public static Node formula(String text) {
        return formula(text, SIZE);
    }

    /** The same, with the math typeset at the given size (pixels). */
    public static Node formula(String text, double size) {
        if (text.indexOf('$') < 0) {
            TextFlow flow = paragraph(List.of(new Inline.Text(text, Inline.Style.PLAIN)), size);
            VBox box = new VBox(flow);
            box.setAccessibleText(text);
            return box;
        }
        return of(text, size);
    }

    /**
     * A control's text that may hold $math$ (a choice, a note): the text stays the control's text (what a screen
     * reader and a test read), and when it has math, the control shows it typeset instead, wrapped to the control's
     * width when the control wraps its text. Called again with plain text, the control shows plain text again.
     */
    private static final String FIT = "math-fit";

    public static void label(Labeled control, String text) {
        control.setText(text);
        if (text == null || text.indexOf('$') < 0) {
            if (control.getProperties().remove(FIT) instanceof Runnable undo) {
                undo.run();
            }
            control.setGraphic(null);
            control.setContentDisplay(ContentDisplay.LEFT);
            return;
        }
        VBox g = (VBox) of(text);
        if (control.isWrapText()) {
            // the typeset text wraps as the control's own text would, to the width its container gives it (the
            // container's, not the control's own width: that follows the text, and the text followed it down to a
            // letter per line)
            double box = control instanceof Label ? 0 : 28;
            Runnable fit = () -> {
                double room = control.getParent() instanceof javafx.scene.layout.Region r
                        ? r.getWidth() - r.getInsets().getLeft() - r.getInsets().getRight() : control.getWidth();
                double w = room - control.getPadding().getLeft() - control.getPadding().getRight() - box;
                g.setMaxWidth(w > 80 ? w : javafx.scene.layout.Region.USE_COMPUTED_SIZE);
            };
            javafx.beans.value.ChangeListener<Number> resized = (o, a, b) -> fit.run();
            javafx.beans.value.ChangeListener<javafx.scene.Parent> moved = (o, old, now) -> {
                if (old instanceof javafx.scene.layout.Region r) {
                    r.widthProperty().removeListener(resized);
                }
                if (now instanceof javafx.scene.layout.Region r) {
                    r.widthProperty().addListener(resized);
                }
                fit.run();
            };
            // called again (a note that changes), the last text's listeners go
            if (control.getProperties().remove(FIT) instanceof Runnable undo) {
                undo.run();
            }
            control.parentProperty().addListener(moved);
            if (control.getParent() instanceof javafx.scene.layout.Region r) {
                r.widthProperty().addListener(resized);
            }
            control.getProperties().put(FIT, (Runnable) () -> {
                control.parentProperty().removeListener(moved);
                if (control.getParent() instanceof javafx.scene.layout.Region r) {
                    r.widthProperty().removeListener(resized);
                }
            });
            fit.run();
            g.setMinWidth(0);
        }
        control.setGraphic(g);
        control.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    /**
     * The text cut to about {@code max} characters with "…", never inside a $formula$: a formula that starts before
     * the cut is kept whole (up to 60 characters past it), a longer one is left out, so that what remains typesets.
     */
    public static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = 0;
        boolean math = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '$') {
                if (!math && i >= max) {
                    break;
                }
                if (math && i >= max + 60) {
                    break;
                }
                if (math) {
                    cut = i + 1;
                }
                math = !math;
            } else if (!math) {
                if (i >= max) {
                    break;
                }
                if (c == ' ') {
                    cut = i;
                }
            }
        }
        if (cut == 0 && text.substring(0, max).indexOf('$') < 0) {
            cut = max - 1;
        }
        return text.substring(0, cut).stripTrailing() + "…";
    }

    public static VBox blocks(List<Block> blocks) {
        return blocks(blocks, SIZE);
    }

    private static VBox blocks(List<Block> blocks, double size) {
        VBox box = new VBox(8);
        for (Block b : blocks) {
            if (b instanceof Block.Paragraph p) {
                box.getChildren().add(paragraph(p.parts(), size));
            } else if (b instanceof Block.DisplayMath m) {
                HBox centre = new HBox(math(m.tex(), true, size));
                centre.setAlignment(Pos.CENTER);
                centre.getStyleClass().add("math-display");
                box.getChildren().add(centre);
            }
        }
        return box;
    }

    public static TextFlow paragraph(List<Inline> parts) {
        return paragraph(parts, SIZE);
    }

    private static TextFlow paragraph(List<Inline> parts, double size) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("math-text");
        for (Inline i : parts) {
            if (i instanceof Inline.Text t) {
                Text text = new Text(t.text());
                text.getStyleClass().add("math-text-" + t.style().name().toLowerCase());
                FigurePalette.follow(text, p -> text.setFill(p.text()));
                if (t.style() == Inline.Style.BOLD) {
                    text.setStyle("-fx-font-weight: bold;");
                } else if (t.style() == Inline.Style.CODE) {
                    text.setStyle("-fx-font-family: monospace;");
                }
                flow.getChildren().add(text);
            } else if (i instanceof Inline.Math m) {
                flow.getChildren().add(math(m.tex(), false, size));
            } else if (i instanceof Inline.Image im) {
                ImageView v = new ImageView(new Image(im.location().toExternalForm(), 360, 0, true, true));
                v.setAccessibleText(im.alt());
                flow.getChildren().add(v);
            }
        }
        return flow;
    }

    /** Typeset math; TeX that does not parse is shown as it was written. */
    public static Node math(String tex, boolean display) {
        return math(tex, display, SIZE);
    }

    private static Node math(String tex, boolean display, double size) {
        Optional<MathImages.Rendered> r = MathImages.render(tex, display ? size + 2 : size, display, ink());
        if (r.isEmpty()) {
            Label raw = new Label(tex);
            raw.getStyleClass().add("math-raw");
            return raw;
        }
        ImageView v = new ImageView();
        // typeset again in the new ink when the theme changes (JLaTeXMath draws in one colour)
        FigurePalette.follow(v, p -> MathImages.render(tex, display ? size + 2 : size, display, p.text()).ifPresent(t -> {
            v.setImage(t.image());
            v.setFitWidth(t.image().getWidth() / MathImages.SCALE);
            // the text flow sets the image's bottom on the baseline; lower it by the formula's depth
            v.setTranslateY(t.depth() / MathImages.SCALE);
        }));
        v.setPreserveRatio(true);
        v.setSmooth(true);
        v.getStyleClass().add("math");
        v.setAccessibleText(tex);
        v.setUserData(tex);
        return v;
    }
}
