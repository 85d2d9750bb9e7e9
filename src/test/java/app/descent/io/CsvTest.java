package app.descent.io;

import static org.assertj.core.api.Assertions.assertThat;

import app.descent.training.MetricsCsv;
import app.descent.training.TrainingEvent;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** One quoting rule and one empty cell for a missing number, for every table Descent writes. */
class CsvTest {
    @Test
    void fieldsAreQuotedOnlyWhenTheyMustBeAndMissingNumbersAreEmpty() throws Exception {
        String text = Csv.table("run", "loss", "note")
                .row("lr=0.1, momentum=0.9", 0.25, "said \"wow\"")
                .row("plain", Double.NaN, null)
                .row("two\nlines", Double.POSITIVE_INFINITY, 3)
                .toString();
        assertThat(text).startsWith("run,loss,note\n\"lr=0.1, momentum=0.9\",0.25,\"said \"\"wow\"\"\"\nplain,,\n");
        List<CSVRecord> back = CSVParser.parse(new StringReader(text), Csv.FORMAT).getRecords();
        assertThat(back).hasSize(4);
        assertThat(back.get(1).values()).containsExactly("lr=0.1, momentum=0.9", "0.25", "said \"wow\"");
        assertThat(back.get(3).values()).containsExactly("two\nlines", "", "3");
    }

    @Test
    void metricsLeaveACellEmptyWhereAFigureDoesNotExist() {
        String text = MetricsCsv.of(List.of(new TrainingEvent.Epoch(0, 1, 0.5, 0.75, Double.NaN, Double.NaN, 1.25)));
        assertThat(text).isEqualTo("epoch,trainLoss,trainAccuracy,valLoss,valAccuracy,seconds\n1,0.500000,0.750000,,,1.25000\n");
    }
}
