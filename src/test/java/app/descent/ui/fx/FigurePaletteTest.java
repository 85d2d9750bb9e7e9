package app.descent.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The palettes' colours read on their backgrounds, and typeset math changes its ink with the theme. */
@ExtendWith(ApplicationExtension.class)
class FigurePaletteTest {
    private final StackPane host = new StackPane();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(host, 400, 200));
        stage.show();
    }

    @AfterEach
    void light(FxRobot robot) {
        robot.interact(() -> FigurePalette.dark(false));
    }

    private static double luminance(Color c) {
        double[] v = {c.getRed(), c.getGreen(), c.getBlue()};
        for (int i = 0; i < 3; i++) {
            v[i] = v[i] <= 0.03928 ? v[i] / 12.92 : Math.pow((v[i] + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
    }

    private static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    @Test
    void seriesColoursStandOutOnTheirBackgroundAndFromEachOther() {
        for (FigurePalette p : List.of(FigurePalette.LIGHT, FigurePalette.DARK)) {
            assertThat(contrast(p.text(), p.plot())).as(p.name() + " text").isGreaterThan(7);
            assertThat(contrast(p.muted(), p.plot())).as(p.name() + " muted text").isGreaterThan(4.5);
            for (int i = 0; i < p.series().size(); i++) {
                Color c = p.series(i);
                // WCAG's 3:1 for lines and marks
                assertThat(contrast(c, p.plot())).as(p.name() + " series " + i).isGreaterThanOrEqualTo(3);
                assertThat(contrast(c, p.background())).as(p.name() + " series " + i).isGreaterThanOrEqualTo(3);
                for (int k = 0; k < i; k++) {
                    Color d = p.series(k);
                    double distance = Math.sqrt(Math.pow(c.getRed() - d.getRed(), 2)
                            + Math.pow(c.getGreen() - d.getGreen(), 2) + Math.pow(c.getBlue() - d.getBlue(), 2));
                    assertThat(distance).as(p.name() + " series " + i + " vs " + k).isGreaterThan(0.2);
                }
            }
        }
    }

    @Test
    void typesetMathIsInkedLightOnDarkAndChangesLive(FxRobot robot) {
        List<Node> shown = new ArrayList<>();
        robot.interact(() -> {
            Node n = MathText.of("The slope $\\frac{\\partial L}{\\partial w}$ of the loss");
            host.getChildren().setAll(n);
            shown.add(n);
        });
        ImageView math = find(shown.get(0), ImageView.class);
        Text words = find(shown.get(0), Text.class);
        assertThat(inkBrightness(math.getImage())).isLessThan(0.35);
        assertThat(words.getFill()).isEqualTo(FigurePalette.LIGHT.text());

        robot.interact(() -> FigurePalette.dark(true));
        assertThat(inkBrightness(math.getImage())).isGreaterThan(0.8);
        assertThat(words.getFill()).isEqualTo(FigurePalette.DARK.text());
    }

    /** The brightness of the image's most opaque pixel: its ink. */
    private static double inkBrightness(Image image) {
        Color best = Color.TRANSPARENT;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color c = image.getPixelReader().getColor(x, y);
                if (c.getOpacity() > best.getOpacity()) {
                    best = c;
                }
            }
        }
        assertThat(best.getOpacity()).isGreaterThan(0.9);
        return best.getBrightness();
    }

    private static <T> T find(Node n, Class<T> type) {
        if (type.isInstance(n)) {
            return type.cast(n);
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                T t = find(c, type);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }
}
