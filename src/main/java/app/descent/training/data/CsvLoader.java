package app.descent.training.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A person's own data: numeric feature columns and one label column (the last, unless named). The first row is
 * a header when one of its feature cells is not a number. Separators: comma, semicolon (then a decimal comma, 1,5, is
 * read as 1.5) or tab. Read with Apache Commons CSV: a quoted field may hold the separator, quotes or a line break; a
 * UTF-8 byte-order mark is skipped. Every mistake names the file and the line.
 */
public final class CsvLoader {
    private CsvLoader() {
    }

    public static TabularSet load(Path file) {
        return load(file, null);
    }

    /** Files above this size are refused before they are read (a CSV for this course is kilobytes to megabytes). */
    static final long MAX_BYTES = 512L << 20;

    /** @param labelColumn header name or 1-based index of the label column; null for the last */
    public static TabularSet load(Path file, String labelColumn) {
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new DatasetException(file + ": the file is larger than " + (MAX_BYTES >> 20) + " MB");
            }
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw new DatasetException(file + ": file not found");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new DatasetException(file + ": not UTF-8 text (save it as CSV UTF-8)");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new DatasetException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // the byte-order mark spreadsheets write
        }
        int firstLine = firstNonBlank(text);
        if (firstLine < 0) {
            throw new DatasetException(file + ": the file is empty");
        }
        char separator = separatorOf(text.substring(firstLine, lineEnd(text, firstLine)));
        boolean decimalComma = separator == ';';
        int[] lineStarts = lineStarts(text);
        List<String[]> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true).setTrim(true).build();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            for (CSVRecord r : parser) {
                if (r.size() == 1 && r.get(0).isEmpty()) {
                    continue; // a line of spaces
                }
                records.add(r.values());
                int at = (int) r.getCharacterPosition();
                while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                    at++; // blank lines before the record
                }
                lines.add(lineOf(lineStarts, at));
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new DatasetException(file + ": not a readable CSV table (" + e.getMessage() + ")");
        }
        if (records.isEmpty()) {
            throw new DatasetException(file + ": the file is empty");
        }
        String[] head = records.get(0);
        if (head.length < 2) {
            throw new DatasetException(file + " line " + lines.get(0)
                    + ": need at least one feature column and a label column (separated by , ; or tab)");
        }
        int label = labelIndex(file, head, labelColumn);
        boolean header = false;
        for (int c = 0; c < head.length; c++) {
            if (c != label && !isNumber(number(head[c], decimalComma))) {
                header = true;
            }
        }
        List<String> featureNames = new ArrayList<>();
        for (int c = 0; c < head.length; c++) {
            if (c != label) {
                featureNames.add(header ? head[c] : "x" + (featureNames.size() + 1));
            }
        }
        List<float[]> rows = new ArrayList<>();
        List<String> rawLabels = new ArrayList<>();
        long cellsSoFar = 0;
        for (int i = header ? 1 : 0; i < records.size(); i++) {
            String[] cells = records.get(i);
            int line = lines.get(i);
            if (cells.length != head.length) {
                throw new DatasetException(file + " line " + line + ": " + cells.length + " columns, expected "
                        + head.length);
            }
            cellsSoFar += head.length - 1;
            if (cellsSoFar > Integer.MAX_VALUE - 16) {
                throw new DatasetException(file + " line " + line + ": too many values for one table");
            }
            float[] row = new float[head.length - 1];
            int k = 0;
            for (int c = 0; c < cells.length; c++) {
                if (c == label) {
                    continue;
                }
                String cell = number(cells[c], decimalComma);
                if (!isNumber(cell)) {
                    throw new DatasetException(file + " line " + line + ": column " + (c + 1) + " '" + clip(cells[c])
                            + "' is not a number");
                }
                row[k++] = Float.parseFloat(cell);
                if (!Float.isFinite(row[k - 1])) {
                    throw new DatasetException(file + " line " + line + ": column " + (c + 1) + " '" + clip(cells[c])
                            + "' is not a finite number");
                }
            }
            if (cells[label].isEmpty()) {
                throw new DatasetException(file + " line " + line + ": the label is empty");
            }
            rows.add(row);
            rawLabels.add(cells[label]);
        }
        if (rows.isEmpty()) {
            throw new DatasetException(file + ": no data rows after the header");
        }
        return toSet(rows, rawLabels, featureNames);
    }

    private static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 39) + "…";
    }

    /** A cell as Java reads numbers: a decimal comma (1,5 in a semicolon file) becomes a point. */
    private static String number(String cell, boolean decimalComma) {
        if (decimalComma && cell.indexOf(',') >= 0 && cell.indexOf('.') < 0 && DECIMAL_COMMA.matcher(cell).matches()) {
            return cell.replace(',', '.');
        }
        return cell;
    }

    private static final java.util.regex.Pattern DECIMAL_COMMA =
            java.util.regex.Pattern.compile("[+-]?\\d*,\\d+([eE][+-]?\\d+)?");

    private static int firstNonBlank(String text) {
        int start = 0;
        while (start < text.length()) {
            int end = lineEnd(text, start);
            if (!text.substring(start, end).isBlank()) {
                return start;
            }
            start = end + 1;
        }
        return -1;
    }

    private static int lineEnd(String text, int from) {
        int end = text.indexOf('\n', from);
        return end < 0 ? text.length() : end;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int lineOf(int[] starts, int offset) {
        int i = java.util.Arrays.binarySearch(starts, offset);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    private static TabularSet toSet(List<float[]> rows, List<String> rawLabels, List<String> featureNames) {
        boolean numeric = rawLabels.stream().allMatch(CsvLoader::isInteger);
        TreeMap<String, Integer> index = new TreeMap<>();
        if (numeric) {
            TreeSet<Long> values = new TreeSet<>();
            rawLabels.forEach(l -> values.add(Long.parseLong(l)));
            values.forEach(v -> index.put(String.valueOf(v), index.size()));
        } else {
            new TreeSet<>(rawLabels).forEach(l -> index.put(l, index.size()));
        }
        int features = featureNames.size();
        float[] x = new float[rows.size() * features];
        int[] labels = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, x, i * features, features);
            String key = numeric ? String.valueOf(Long.parseLong(rawLabels.get(i))) : rawLabels.get(i);
            labels[i] = index.get(key);
        }
        List<String> classNames = new ArrayList<>(index.size());
        index.entrySet().stream().sorted(java.util.Map.Entry.comparingByValue()).forEach(e -> classNames.add(e.getKey()));
        return new TabularSet(x, labels, features, featureNames, classNames);
    }

    private static int labelIndex(Path file, String[] head, String labelColumn) {
        if (labelColumn == null) {
            return head.length - 1;
        }
        for (int c = 0; c < head.length; c++) {
            if (head[c].equals(labelColumn)) {
                return c;
            }
        }
        try {
            int i = Integer.parseInt(labelColumn);
            if (i >= 1 && i <= head.length) {
                return i - 1;
            }
        } catch (NumberFormatException e) {
            // not an index either: reported below
        }
        throw new DatasetException(file + ": no label column '" + labelColumn + "' (columns: "
                + String.join(", ", head) + ")");
    }

    /**
     * The separator of the first line, counting outside quotes: a tab, else a semicolon when there is one and every
     * comma sits between digits (a decimal comma, as European spreadsheets save), else a comma.
     */
    static char separatorOf(String line) {
        int commas = 0;
        int decimalCommas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '\t') {
                return '\t';
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
                if (i > 0 && i + 1 < line.length() && Character.isDigit(line.charAt(i - 1))
                        && Character.isDigit(line.charAt(i + 1))) {
                    decimalCommas++;
                }
            }
        }
        return semicolons > 0 && commas == decimalCommas ? ';' : ',';
    }

    /** A number as a table writes it (not Java's extras: 1f, 0x1p3, NaN, Infinity). */
    private static boolean isNumber(String s) {
        if (!PLAIN_NUMBER.matcher(s).matches()) {
            return false;
        }
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static final java.util.regex.Pattern PLAIN_NUMBER =
            java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private static boolean isInteger(String s) {
        try {
            Long.parseLong(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
