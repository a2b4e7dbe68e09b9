package org.haven.core.intake;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.haven.core.Haven;
import org.haven.core.demo.IntakeCsvGenerator;
import org.haven.testing.TestHaven;

/**
 * Measures one import's footprint for docs/benchmarks.md ("Disk use during imports"): the peak size
 * of the database file (sampled every 20 ms while the import runs and while the database closes),
 * the size after the import and after the close, and the peak heap in use (garbage included, from
 * the JVM's memory pools). Not a test: run by hand, e.g.
 * {@code java -Xmx2g -cp target/classes:target/test-classes:$(cat target/classpath.txt) org.haven.core.intake.ImportFootprint 90000 /tmp/fp [PRELOAD]}.
 * PRELOAD imports that many rows first (another import, closed), like a database already in use.
 */
public final class ImportFootprint {
    private ImportFootprint() {}

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args[0]);
        Path work = Path.of(args[1]);
        int preload = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        Files.createDirectories(work);
        Path home = work.resolve("home");
        Path csv = work.resolve("list-" + rows + ".csv");
        IntakeCsvGenerator.write(csv, rows, 14L);
        Path db = home.resolve("haven.mv.db");
        TestHaven.create(home).close();
        if (preload > 0) {
            Path first = work.resolve("preload-" + preload + ".csv");
            IntakeCsvGenerator.write(first, preload, 7L);
            try (Haven haven = TestHaven.login(home)) {
                new ImportService(haven, c -> List.of()).importFile(first, null, ImportService.Target.create("Earlier raid"), true, false);
            }
        }
        long before = size(db);
        AtomicLong peakFile = new AtomicLong(before);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakFile.accumulateAndGet(size(db) + size(home.resolve("haven.mv.db.tempFile")), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
        long start = System.nanoTime();
        long afterImport;
        int imported;
        try (Haven haven = TestHaven.login(home)) {
            imported = new ImportService(haven, IntakeHooks.duplicateCheck(haven), Integer.getInteger("footprint.part", ImportService.PART_ROWS))
                    .importFile(csv, null, ImportService.Target.create("Measured raid"), true, false).imported();
            afterImport = size(db);
            if (Boolean.getBoolean("footprint.info")) {
                haven.database().dsl().fetch("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME LIKE 'info.%'")
                        .forEach(r -> System.out.println(r.get(0) + "\t" + r.get(1)));
            }
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        sampler.interrupt();
        sampler.join();
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peakHeap += pool.getPeakUsage().getUsed();
        }
        System.out.printf(Locale.ROOT, "rows\t%d%nimported\t%d%ncsv_mb\t%.1f%nfile_before_mb\t%.1f%npeak_file_mb\t%.1f%n"
                        + "file_after_import_mb\t%.1f%nfile_after_close_mb\t%.1f%npeak_heap_mb\t%.0f%nmax_heap_mb\t%.0f%nseconds\t%d%n",
                rows, imported, mb(Files.size(csv)), mb(before), mb(peakFile.get()), mb(afterImport), mb(size(db)), mb(peakHeap),
                mb(Runtime.getRuntime().maxMemory()), seconds);
    }

    private static long size(Path p) {
        try {
            return Files.exists(p) ? Files.size(p) : 0;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static double mb(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }
}
