package app.descent.ui.backprop;

import static org.assertj.core.api.Assertions.assertThat;

import app.descent.graph.LongExpressionTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The layout of a huge graph is computed without recursion and in linear time (the view then summarises it). */
class GraphLayoutTest {
    @Test
    void aChainOf40000NodesIsLaidOutOnASmallStack() throws Exception {
        List<int[]> inputs = new ArrayList<>();
        inputs.add(new int[0]); // x
        for (int i = 1; i <= 20_000; i++) {
            inputs.add(new int[0]); // another leaf
            inputs.add(new int[] {inputs.size() - 2, inputs.size() - 1});
        }
        GraphLayout.Result r = LongExpressionTest.onSmallStack(() -> GraphLayout.of(inputs));
        assertThat(r.cells()).hasSize(40_001);
        assertThat(r.columns()).isEqualTo(20_001);
    }

    @Test
    void aSmallGraphKeepsItsLayout() {
        // (x * y) + z: x, y, mul, z, add
        GraphLayout.Result r = GraphLayout.of(List.of(new int[0], new int[0], new int[] {0, 1}, new int[0],
                new int[] {2, 3}));
        assertThat(r.columns()).isEqualTo(3);
        assertThat(r.cells()[0]).isEqualTo(new GraphLayout.Cell(0, 0));
        assertThat(r.cells()[1]).isEqualTo(new GraphLayout.Cell(0, 1));
        assertThat(r.cells()[2]).isEqualTo(new GraphLayout.Cell(1, 0.5));
        assertThat(r.cells()[3]).isEqualTo(new GraphLayout.Cell(1, 2));
        assertThat(r.cells()[4]).isEqualTo(new GraphLayout.Cell(2, 1.25));
    }
}
