package app.descent.ui.backprop;

import java.math.BigDecimal;
import java.math.MathContext;

/** Numbers as a student writes them: -20, 0.5, 0.00247, 1.2e-07; never "-20.000000". */
final class Numbers {
    private Numbers() {
    }

    static String format(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e7) {
            String s = new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
            return s.equals("-0") ? "0" : s;
        }
        return String.format("%.3g", v).replace("e-0", "e-").replace("e+0", "e");
    }
}
