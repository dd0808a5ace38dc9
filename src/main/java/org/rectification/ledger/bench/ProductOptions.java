package org.rectification.ledger.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options of the nightly run, kept in one file, {@code src/main/resources/ledger-jvm.options}, which the
 * {@code ./ledger} launcher reads from the sources and the benchmark from the class path, so what is measured is
 * what runs. One option a line; {@code #} starts a comment. The heap cap is not among them: the launcher and the
 * benchmark set it.
 */
final class ProductOptions {

    static final String RESOURCE = "ledger-jvm.options";

    private ProductOptions() {
    }

    static List<String> load() throws IOException {
        List<String> options = new ArrayList<>();
        try (InputStream in = ProductOptions.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return options;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null;) {
                String option = line.strip();
                if (!option.isEmpty() && !option.startsWith("#")) {
                    options.add(option);
                }
            }
        }
        return options;
    }

}
