package app.descent.ui.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;

import app.descent.ui.Screenshots;
import app.descent.ui.Workspaces;
import app.descent.ui.fx.Dialogs;
import app.descent.ui.fx.FigureExport;
import app.descent.ui.fx.RecordingDialogs;
import app.descent.ui.shell.Workspace;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.w3c.dom.Document;

/** The figures of the Training workspace in the dark theme, switched on as a person does, and their exports. */
@ExtendWith(ApplicationExtension.class)
class DarkFiguresTest {
    private Stage stage;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final Path exports = Path.of("target", "figure-exports");

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Dialogs.use(dialogs);
        Workspaces.open(stage, Workspace.TRAINING);
        Workspaces.laptopSize(stage);
    }

    @AfterEach
    void back() {
        Dialogs.use(null);
    }

    /** Parses an exported SVG as XML (without fetching its DTD from the web). */
    private static Document xml(File file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(file);
    }

    private static double luminance(java.awt.Paint paint) {
        java.awt.Color c = (java.awt.Color) paint;
        return (0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue()) / 255;
    }

    private static double brightness(FxRobot robot, Node node, double fx, double fy) {
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = node.snapshot(null, null));
        Color c = shot[0].getPixelReader().getColor((int) (shot[0].getWidth() * fx), (int) (shot[0].getHeight() * fy));
        return c.getBrightness();
    }

    @Test
    void darkTrainingRunWithFiguresInTheThemeAndTheirExports(FxRobot robot) throws Exception {
        ChartViewer loss = robot.lookup(n -> n instanceof ChartViewer).query();
        BoundaryCanvas boundary = robot.lookup("#boundary").queryAs(BoundaryCanvas.class);
        assertThat(luminance(loss.getChart().getBackgroundPaint())).isGreaterThan(0.8);

        // Dark on, by its toggle: the workspace is not rebuilt, its figures repaint
        robot.clickOn("#dark-toggle");
        assertThat((Object) robot.lookup(n -> n instanceof ChartViewer).query()).isSameAs(loss);
        assertThat(luminance(loss.getChart().getBackgroundPaint())).isLessThan(0.15);
        assertThat(luminance(loss.getChart().getXYPlot().getBackgroundPaint())).isLessThan(0.15);
        assertThat(luminance(loss.getChart().getXYPlot().getRangeAxis().getLabelPaint())).isGreaterThan(0.8);
        assertThat(luminance(loss.getChart().getTitle().getPaint())).isGreaterThan(0.8);
        // what is on screen: the chart's plot and the empty decision square are dark, not white
        assertThat(brightness(robot, loss, 0.5, 0.4)).isLessThan(0.3);
        assertThat(brightness(robot, boundary, 0.25, 0.25)).isLessThan(0.3);

        // a short run on a toy dataset, chosen from the list as a person does
        robot.clickOn("#dataset");
        robot.clickOn(robot.lookup(n -> n instanceof ListCell<?> c && "xor".equals(c.getText())).queryAs(Node.class));
        robot.clickOn("#train");
        TableView<?> history = robot.lookup("#history").queryAs(TableView.class);
        waitFor(180, TimeUnit.SECONDS, () -> history.getItems().size() == 1
                && !((TrainingViewModel.RunRow) history.getItems().get(0)).result().equals("running"));
        waitFor(10, TimeUnit.SECONDS, boundary::hasBoundary);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene(), "dark-training");
        // the boundary's tint is mixed into the dark background, not into white: even a sure cell stays deep
        assertThat(brightness(robot, boundary, 0.02, 0.02)).isLessThan(0.7);

        // the loss chart: right-click, Export PNG (2x)…, then Export SVG…
        Files.createDirectories(exports);
        File png = exports.resolve("loss.png").toFile();
        File svg = exports.resolve("loss.svg").toFile();
        Files.deleteIfExists(png.toPath());
        Files.deleteIfExists(svg.toPath());
        dialogs.answerSave(name -> name.endsWith(".png") ? png : svg);
        robot.rightClickOn(loss);
        robot.clickOn(FigureExport.PNG_ITEM);
        BufferedImage image = ImageIO.read(png);
        assertThat(image.getWidth()).isEqualTo((int) Math.ceil(loss.getWidth() * 2));
        assertThat(image.getHeight()).isEqualTo((int) Math.ceil(loss.getHeight() * 2));
        robot.rightClickOn(loss);
        robot.clickOn(FigureExport.SVG_ITEM);
        String chartSvg = Files.readString(svg.toPath());
        Document doc = xml(svg);
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        // the title and the axes' labels are text in the drawing, not pixels
        assertThat(doc.getDocumentElement().getTextContent()).contains("Loss", "step", "loss");
        assertThat(chartSvg).contains("<text");

        // a canvas figure: the decision boundary, drawn again as SVG (its points are shapes) and at 2x
        File boundarySvg = exports.resolve("boundary.svg").toFile();
        File boundaryPng = exports.resolve("boundary.png").toFile();
        dialogs.answerSave(name -> name.endsWith(".png") ? boundaryPng : boundarySvg);
        robot.rightClickOn(boundary);
        robot.clickOn(FigureExport.SVG_ITEM);
        Document b = xml(boundarySvg);
        assertThat(b.getElementsByTagName("image").getLength()).isEqualTo(1);
        assertThat(b.getElementsByTagName("ellipse").getLength() + b.getElementsByTagName("circle").getLength()
                + b.getElementsByTagName("path").getLength()).isGreaterThan(20);
        robot.rightClickOn(boundary);
        robot.clickOn(FigureExport.PNG_ITEM);
        BufferedImage bp = ImageIO.read(boundaryPng);
        Bounds bb = boundary.getLayoutBounds();
        assertThat(bp.getWidth()).isEqualTo((int) Math.ceil(bb.getWidth() * 2));
        assertThat(bp.getHeight()).isEqualTo((int) Math.ceil(bb.getHeight() * 2));
        assertThat(dialogs.count("error")).isZero();
    }

    /** Every workspace in the dark theme, for people to look at; Backprop's graph exported as SVG with its labels. */
    @Test
    void everyWorkspaceInDarkAndTheGraphAsSvg(FxRobot robot) throws Exception {
        robot.clickOn("#dark-toggle");
        for (Workspace w : Workspace.values()) {
            robot.press(javafx.scene.input.KeyCode.CONTROL).type(w.key()).release(javafx.scene.input.KeyCode.CONTROL);
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            // the Training picture after a run (the other test) is the richer one: kept if it was made first
            Screenshots.saveUnlessFresh(stage.getScene(), "dark-" + w.id());
        }
        // the optimizers' paths on their contour map
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(Workspace.COMPARE.key())
                .release(javafx.scene.input.KeyCode.CONTROL);
        robot.clickOn("Optimizer paths");
        robot.clickOn("#race");
        app.descent.ui.compare.ContourCanvas map = robot.lookup("#contour").queryAs(app.descent.ui.compare.ContourCanvas.class);
        waitFor(60, TimeUnit.SECONDS, () -> map.hasSurface() && map.shownSteps() > 0);
        Screenshots.save(stage.getScene(), "dark-compare-paths");
        File mapSvg = exports.resolve("paths.svg").toFile();
        Files.createDirectories(exports);
        dialogs.answerSave(name -> mapSvg);
        robot.rightClickOn(map);
        robot.clickOn(FigureExport.SVG_ITEM);
        // the map's axes and its legend of optimizers are text of the drawing
        assertThat(xml(mapSvg).getDocumentElement().getTextContent()).contains("sgd", "adam");
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(Workspace.BACKPROP.key())
                .release(javafx.scene.input.KeyCode.CONTROL);
        Node graph = robot.lookup(".graph-pane").query();
        waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#node-0").tryQuery().isPresent());
        String label = robot.lookup("#node-0 .graph-node-op").queryAs(javafx.scene.control.Label.class).getText();
        Files.createDirectories(exports);
        File svg = exports.resolve("graph.svg").toFile();
        File png = exports.resolve("graph.png").toFile();
        dialogs.answerSave(name -> name.endsWith(".png") ? png : svg);
        robot.rightClickOn(robot.lookup("#node-0").queryAs(Node.class));
        robot.clickOn(FigureExport.SVG_ITEM);
        Document doc = xml(svg);
        assertThat(doc.getDocumentElement().getTextContent()).contains(label);
        robot.rightClickOn(robot.lookup("#node-0").queryAs(Node.class));
        robot.clickOn(FigureExport.PNG_ITEM);
        BufferedImage image = ImageIO.read(png);
        // twice its size on screen (the graph is shrunk to fit its view)
        assertThat(image.getWidth()).isCloseTo((int) Math.round(graph.getBoundsInParent().getWidth() * 2),
                org.assertj.core.data.Offset.offset(2));
        assertThat(image.getHeight()).isCloseTo((int) Math.round(graph.getBoundsInParent().getHeight() * 2),
                org.assertj.core.data.Offset.offset(2));
    }

    @Test
    void theWindowHasTheAppIconInSeveralSizes(FxRobot robot) throws Exception {
        waitFor(20, TimeUnit.SECONDS, () -> stage.getIcons().size() >= 5);
        assertThat(stage.getIcons()).extracting(javafx.scene.image.Image::getWidth).contains(16.0, 32.0, 256.0);
    }
}
