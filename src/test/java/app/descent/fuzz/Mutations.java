package app.descent.fuzz;

import java.util.Arrays;
import java.util.Random;

/** Damage as files and pastes suffer it: cut short, bytes flipped, inserted, repeated, numbers made huge. */
final class Mutations {
    private Mutations() {
    }

    static final String[] WRONG_VALUES = {"[\"x\"]", "{}", "\"text\"", "-1", "1e309", "null", "true", "2147483648",
        "-0.0", "[[[[[]]]]]", "\"\\u0000\"", "99999999999999999999999"};

    static String text(String s, long seed) {
        Random r = new Random(seed);
        int rounds = 1 + r.nextInt(3);
        for (int k = 0; k < rounds; k++) {
            int at = s.isEmpty() ? 0 : r.nextInt(s.length() + 1);
            int end = Math.min(s.length(), at + r.nextInt(12));
            s = switch (r.nextInt(9)) {
                case 0 -> s.substring(0, at); // truncated
                case 1 -> s.substring(0, at) + s.substring(end); // a piece deleted
                case 2 -> s.substring(0, at) + (char) (32 + r.nextInt(95)) + s.substring(at); // a character typed
                case 3 -> s.substring(0, at) + s.substring(at, end) + s.substring(at); // a piece repeated
                case 4 -> s.substring(0, at) + WRONG_VALUES[r.nextInt(WRONG_VALUES.length)] + s.substring(end);
                case 5 -> s.substring(0, at) + "\u00e9\u4e2d\ud83d\ude00\u200b\u0301" + s.substring(at); // unicode
                case 6 -> s.substring(0, at) + "9".repeat(1 + r.nextInt(400)) + s.substring(end); // a huge number
                case 7 -> s.substring(0, at) + "\n" + s.substring(at);
                default -> s.substring(0, at) + (char) r.nextInt(0x3000) + s.substring(end);
            };
        }
        return s;
    }

    static byte[] bytes(byte[] b, long seed) {
        Random r = new Random(seed);
        int rounds = 1 + r.nextInt(3);
        for (int k = 0; k < rounds; k++) {
            int at = b.length == 0 ? 0 : r.nextInt(b.length + 1);
            switch (r.nextInt(7)) {
                case 0 -> b = Arrays.copyOf(b, at); // truncated
                case 1 -> { // flipped bytes
                    b = b.clone();
                    for (int i = 0; i < 1 + r.nextInt(8) && b.length > 0; i++) {
                        b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                    }
                }
                case 2 -> { // a 32-bit field made huge or negative, in either byte order
                    b = b.clone();
                    int v = r.nextBoolean() ? Integer.MAX_VALUE - r.nextInt(100) : -1 - r.nextInt(100);
                    for (int i = 0; i < 4 && at + i < b.length; i++) {
                        b[at + i] = (byte) (v >>> (r.nextBoolean() ? 8 * (3 - i) : 8 * i));
                    }
                }
                case 3 -> { // random bytes inserted
                    byte[] junk = new byte[r.nextInt(64)];
                    r.nextBytes(junk);
                    b = concat(Arrays.copyOf(b, at), junk, Arrays.copyOfRange(b, at, b.length));
                }
                case 4 -> { // all random
                    b = new byte[r.nextInt(256)];
                    r.nextBytes(b);
                }
                case 5 -> b = new byte[0];
                default -> b = concat(b, Arrays.copyOfRange(b, at, b.length)); // the tail repeated
            }
        }
        return b;
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int i = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, i, p.length);
            i += p.length;
        }
        return out;
    }
}
