package app.descent.ui.backprop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Places a computational graph left to right. An operation stands one column right of its deepest input; a
 * variable or constant stands just left of its first use, so long programs spread across the width. Heights
 * follow a walk from the output: leaves take rows in the order the walk meets them, an operation sits at the mean
 * height of its inputs, and nodes of one column are pushed apart to at least one row.
 */
final class GraphLayout {
    record Cell(int column, double row) {
    }

    record Result(Cell[] cells, int columns, double rows) {
    }

    private GraphLayout() {
    }

    /** @param inputs for each node (in topological order: inputs first), the indices of its inputs */
    static Result of(List<int[]> inputs) {
        int n = inputs.size();
        int[] column = new int[n];
        List<List<Integer>> consumers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            consumers.add(new ArrayList<>());
        }
        int columns = 1;
        for (int i = 0; i < n; i++) {
            for (int in : inputs.get(i)) {
                column[i] = Math.max(column[i], column[in] + 1);
                consumers.get(in).add(i);
            }
            columns = Math.max(columns, column[i] + 1);
        }
        for (int i = 0; i < n; i++) {
            if (inputs.get(i).length == 0 && !consumers.get(i).isEmpty()) {
                int first = Integer.MAX_VALUE;
                for (int c : consumers.get(i)) {
                    first = Math.min(first, column[c]);
                }
                column[i] = first - 1;
            }
        }
        double[] row = new double[n];
        Arrays.fill(row, Double.NaN);
        int[] nextLeaf = {0};
        if (n > 0) {
            place(n - 1, inputs, row, nextLeaf);
        }
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(row[i])) {
                // not reachable from the output (an unused definition): below everything else
                place(i, inputs, row, nextLeaf);
            }
        }
        double rows = 1;
        List<List<Integer>> byColumn = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            byColumn.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            byColumn.get(column[i]).add(i);
        }
        for (int c = 0; c < columns; c++) {
            List<Integer> col = byColumn.get(c);
            col.sort((a, b) -> Double.compare(row[a], row[b]));
            for (int k = 1; k < col.size(); k++) {
                row[col.get(k)] = Math.max(row[col.get(k)], row[col.get(k - 1)] + 1);
            }
            for (int i : col) {
                rows = Math.max(rows, row[i] + 1);
            }
        }
        Cell[] cells = new Cell[n];
        for (int i = 0; i < n; i++) {
            cells[i] = new Cell(column[i], row[i]);
        }
        return new Result(cells, columns, rows);
    }

    /** Rows by a walk from {@code start}, inputs first; iterative, as a long chain is a walk thousands deep. */
    private static void place(int start, List<int[]> inputs, double[] row, int[] nextLeaf) {
        java.util.ArrayDeque<int[]> stack = new java.util.ArrayDeque<>(); // {node, next input to visit}
        stack.push(new int[] {start, 0});
        while (!stack.isEmpty()) {
            int[] top = stack.peek();
            int node = top[0];
            int[] in = inputs.get(node);
            if (!Double.isNaN(row[node])) {
                stack.pop();
            } else if (in.length == 0) {
                row[node] = nextLeaf[0]++;
                stack.pop();
            } else if (top[1] < in.length) {
                int next = in[top[1]++];
                if (Double.isNaN(row[next])) {
                    stack.push(new int[] {next, 0});
                }
            } else {
                double sum = 0;
                for (int i : in) {
                    sum += row[i];
                }
                row[node] = sum / in.length;
                stack.pop();
            }
        }
    }
}
