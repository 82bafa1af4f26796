// Java's own reading of model patterns, for the differential tests of the
// translation of Java-only syntax (tests/test_patterns.py).
//
// Input, one item per line: "P" then the pattern, or "S" then a sample of the
// pattern before, each as space-separated hexadecimal code points. Output:
// per pattern one line, "E" if Java cannot compile it, else one "1" (found)
// or "0" per sample, in order.
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

public class RegexFind {
    private static String decode(String fields) {
        StringBuilder out = new StringBuilder();
        for (String field : fields.trim().split(" ")) {
            if (!field.isEmpty()) {
                out.appendCodePoint(Integer.parseInt(field, 16));
            }
        }
        return out.toString();
    }

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        StringBuilder results = new StringBuilder();
        Pattern pattern = null;
        boolean failed = false;
        boolean open = false;
        String line;
        while ((line = in.readLine()) != null) {
            if (line.startsWith("P")) {
                if (open) {
                    results.append(failed ? "E" : "").append('\n');
                }
                open = true;
                failed = false;
                try {
                    pattern = Pattern.compile(decode(line.substring(1)));
                } catch (PatternSyntaxException e) {
                    failed = true;
                }
            } else if (!failed) {
                results.append(pattern.matcher(decode(line.substring(1))).find() ? '1' : '0');
            }
        }
        if (open) {
            results.append(failed ? "E" : "").append('\n');
        }
        System.out.print(results);
    }
}
