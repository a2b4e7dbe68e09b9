package org.haven.core.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;

/**
 * A synthetic police list for import measurements (docs/benchmarks.md, "Disk use during imports"):
 * names from {@link SyntheticNames}, every column a list may have, about 520 bytes a row like the
 * 47 MB / 90,000-row list of issue 14. Seeded, so a run can be repeated. Names nobody.
 *
 * <p>{@code java ... org.haven.core.demo.IntakeCsvGenerator ROWS FILE [SEED]}
 */
public final class IntakeCsvGenerator {
    private static final String[] DOCS = {"confiscated", "lost", "with police", "held", "none"};
    private static final String NOTE = "Found in building C, third floor dormitory; says recruited through a job advertisement "
            + "for customer service work, passport taken on arrival, worked 14 hours a day on investment scripts; "
            + "asks for contact with family and medical check; no interpreter present at first interview";

    private IntakeCsvGenerator() {}

    public static void main(String[] args) throws IOException {
        int rows = Integer.parseInt(args[0]);
        write(Path.of(args[1]), rows, args.length > 2 ? Long.parseLong(args[2]) : 14L);
    }

    public static void write(Path file, int rows, long seed) throws IOException {
        Random random = new Random(seed);
        LocalDate base = LocalDate.of(1975, 1, 1);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("name,native name,aliases,sex,date of birth,nationality,languages,interpreter,document status,"
                    + "passport number,family contact,notes\n");
            for (int i = 0; i < rows; i++) {
                SyntheticNames.Drawn d = SyntheticNames.draw(random);
                String doc = DOCS[random.nextInt(DOCS.length)];
                boolean hasDoc = !doc.equals("none") && !doc.equals("lost");
                w.write(String.join(",",
                        d.name().latin(),
                        d.name().nativeForm() == null ? "" : d.name().nativeForm(),
                        random.nextInt(4) == 0 ? "A" + (char) ('a' + random.nextInt(26)) + " " + (i % 97) : "",
                        random.nextBoolean() ? "M" : "F",
                        base.plusDays(random.nextInt(30 * 365)).toString(),
                        d.nationality(),
                        d.language(),
                        random.nextInt(3) == 0 ? "yes" : "no",
                        doc,
                        hasDoc ? "P" + (10_000_000 + random.nextInt(89_999_999)) : "",
                        "\"+855 1" + random.nextInt(9) + " " + (100_000 + random.nextInt(899_999)) + " (sister, Kampot)\"",
                        "\"" + NOTE + " #" + i + "\""));
                w.write('\n');
            }
        }
    }
}
