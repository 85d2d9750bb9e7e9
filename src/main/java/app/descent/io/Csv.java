package app.descent.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * Every CSV table Descent writes (metrics, charts, runs, search, steps, activations, inspect, paths) goes through
 * Apache Commons CSV with one rule: comma-separated, a field quoted only when it holds a comma, a quote or a line
 * break (RFC 4180), rows ended by {@code \n}, and an empty cell for a missing number (null, NaN or infinite).
 */
public final class Csv {
    public static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n")
            .setQuoteMode(QuoteMode.MINIMAL).build();

    private Csv() {
    }

    /** A table with its header row. */
    public static Table table(String... header) {
        return new Table(List.of(header));
    }

    public static Table table(List<String> header) {
        return new Table(header);
    }

    /** How a cell is written: empty for null, NaN or an infinity; a number as Java prints it; anything else as text. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return Double.isFinite(d) ? d.toString() : "";
        }
        if (value instanceof Float f) {
            return Float.isFinite(f) ? f.toString() : "";
        }
        return value.toString();
    }

    /** Rows added one by one; {@link #toString()} is the CSV text. */
    public static final class Table {
        private final StringBuilder out = new StringBuilder();
        private final CSVPrinter printer;

        private Table(List<String> header) {
            try {
                printer = new CSVPrinter(out, FORMAT);
                printer.printRecord(header);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public Table row(Object... cells) {
            return row(java.util.Arrays.asList(cells));
        }

        public Table row(List<?> cells) {
            try {
                for (Object c : cells) {
                    printer.print(cell(c));
                }
                printer.println();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
